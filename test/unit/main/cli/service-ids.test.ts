// `--only` as people type it.
import { describe, expect, it } from 'vitest';
import { resolveServiceIds } from '../../../../main/cli/service-ids';

const catalog = [
  { id: 'whatsapp', name: 'WhatsApp' },
  { id: 'google-workspace', name: 'Gmail / Google Workspace' },
  { id: 'x', name: 'X' },
];

describe('--only', () => {
  it('takes ids and names in any case', () => {
    expect(resolveServiceIds(['WhatsApp', 'GOOGLE-WORKSPACE', 'x'], catalog)).toEqual({
      ids: ['whatsapp', 'google-workspace', 'x'],
      unknown: [],
    });
  });

  it('answers a typo with what was probably meant, and a word far from everything with nothing', () => {
    expect(resolveServiceIds(['whatsap', 'googel-workspace', 'myspace'], catalog).unknown).toEqual([
      { asked: 'whatsap', suggestion: 'whatsapp' },
      { asked: 'googel-workspace', suggestion: 'google-workspace' },
      { asked: 'myspace', suggestion: null },
    ]);
  });
});
