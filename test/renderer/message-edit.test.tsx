// @vitest-environment happy-dom
// A customer message's cost as SMS, and what a person's own edit does to it: in English or French
// a character outside the SMS alphabet is named (the message now holds 70 characters per SMS, not
// 160); in Arabic, a text that no longer opens with an Arabic word is flagged.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageItem } from '../../renderer/components/MessageItem';
import type { OfferedMessage } from '../../shared/messages';
import { fire, render, type Rendered } from './render';

let view: Rendered;
afterEach(() => view.unmount());

async function type(area: HTMLTextAreaElement, value: string): Promise<void> {
  await fire(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setter?.call(area, value);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const message = (text: string): OfferedMessage => ({
  id: 'm-back',
  name: 'We are back',
  text,
  channels: ['sms'],
  missing: [],
});

async function edit(template: string, typed: string, language: 'en' | 'fr' | 'ar') {
  view = await render(
    <MessageItem
      message={message(template)}
      template={template}
      edited={false}
      onCopy={vi.fn(async () => undefined)}
      onSave={vi.fn(async () => undefined)}
      onRestore={vi.fn(async () => undefined)}
    />,
    language,
  );
  const button = [...view.container.querySelectorAll('button')].find((b) =>
    b.className.includes('link'),
  )!;
  await fire(() => button.click());
  await type(view.container.querySelector('textarea')!, typed);
  return [...view.container.querySelectorAll('.field-hint')].map((e) => e.textContent ?? '');
}

describe('editing a customer message', () => {
  it('shows what the message costs as SMS today', async () => {
    view = await render(
      <MessageItem
        message={message('Boutique Awa: we are back on WhatsApp.')}
        template="{business}: we are back on {service}."
        edited={false}
        onCopy={vi.fn(async () => undefined)}
        onSave={vi.fn(async () => undefined)}
        onRestore={vi.fn(async () => undefined)}
      />,
    );
    expect(view.container.textContent).toContain('As SMS: 1 message (characters: 38).');
  });

  it('names the characters that make an English or French edit Unicode', async () => {
    const hints = await edit(
      '{business}: we are back.',
      '{business}: we’re back, ça marche.',
      'fr',
    );
    expect(hints.at(-1)).toBe(
      'Les caractères «\u00a0’\u00a0» et «\u00a0ç\u00a0» n’existent pas dans l’alphabet SMS\u00a0: chaque SMS de ce message ne contiendra plus que 70\u00a0caractères au lieu de 160.',
    );
  });

  it('says nothing while the edit stays in the SMS alphabet', async () => {
    const hints = await edit('{business}: we are back.', "{business}: we're back.", 'en');
    expect(hints.some((h) => h.includes('SMS alphabet'))).toBe(false);
  });

  it('flags an Arabic edit that opens with a Latin word', async () => {
    const hints = await edit('من {business}: عدنا.', '{business}: عدنا.', 'ar');
    expect(hints.at(-1)).toBe('ابدأ النص بكلمة عربية، وإلا عرضه هاتف العميل من اليسار إلى اليمين.');
  });
});
