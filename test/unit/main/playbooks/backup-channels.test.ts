// The backup channels a user named in the first run come first when a step's channel is down.
import { describe, expect, it } from 'vitest';
import { markSteps } from '../../../../main/playbooks/runs';
import type { RunStep } from '../../../../shared/checklist-types';

const whatsappStep: RunStep = {
  key: 'd-whatsapp-status',
  section: 'during',
  title: 'Post a WhatsApp Status',
  channel: 'whatsapp',
  done: null,
};

describe('suggestions when a channel is down', () => {
  it('follow the usual order when the user named no backup channel', () => {
    const [step] = markSteps([whatsappStep], new Set(['whatsapp', 'platform']));
    expect(step?.alternatives).toEqual(['sms', 'phone', 'signal', 'telegram']);
  });

  it('put the user’s own backup channels first, even one not usually offered', () => {
    const [step] = markSteps([whatsappStep], new Set(['whatsapp', 'platform']), [
      'telegram',
      'email',
    ]);
    expect(step?.alternatives).toEqual(['telegram', 'email', 'sms', 'phone', 'signal']);
  });

  it('never suggest a channel that is down too', () => {
    const [step] = markSteps([whatsappStep], new Set(['whatsapp', 'telegram', 'platform']), [
      'telegram',
    ]);
    expect(step?.alternatives).toEqual(['sms', 'phone', 'signal']);
  });
});
