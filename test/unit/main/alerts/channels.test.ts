// Each channel's wire shape and what each answer means (retry classes), from the shapes the
// channels publish: ntfy's headers, Telegram's error bodies, the webhooks' JSON, SMTP's codes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AlertMessage } from '../../../../main/alerts/channel';
import { emailOutcome } from '../../../../main/alerts/email';
import { fitBytes, fitChars } from '../../../../main/alerts/fit';
import { outcomeOfStatus, waitOf } from '../../../../main/alerts/http-post';
import { headerText, NTFY_MAX_BYTES, ntfyRequest } from '../../../../main/alerts/ntfy';
import {
  telegramBody,
  telegramOutcome,
  TELEGRAM_MAX_CHARS,
} from '../../../../main/alerts/telegram';
import { webhookBody } from '../../../../main/alerts/webhook';
import { CHANNEL_KINDS, dependsOnOf } from '../../../../main/alerts/channels';
import { storedChannelSchema } from '../../../../shared/alerts/app-settings';
import { channelSchema } from '../../../../shared/alerts/schema';
import { OUTAGE_START } from '../../../helpers/alerts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/alerts/${name}`, import.meta.url), 'utf8');

const message: AlertMessage = {
  title: 'WhatsApp is down for everyone',
  body: 'Meta’s status page confirms. DNS SERVFAIL for g.whatsapp.net',
  event: 'down',
  service: { id: 'whatsapp', name: 'WhatsApp' },
  state: 'down',
  cause: 'provider',
  since: OUTAGE_START,
  urgent: true,
};

describe('ntfy', () => {
  const config = channelSchema.parse({
    id: 'phone',
    kind: 'ntfy',
    url: 'https://ntfy.sh/vigie-k3f9x2',
  });
  if (config.kind !== 'ntfy') throw new Error('ntfy expected');

  it('sends the title, priority and tags as headers and the text as the body', () => {
    const request = ntfyRequest(config, 'tk_secret', message);
    expect(request.headers).toMatchObject({
      title: 'WhatsApp is down for everyone',
      priority: '4',
      tags: 'rotating_light',
      authorization: 'Bearer tk_secret',
    });
    expect(request.body).toBe(message.body);
  });

  it('encodes an Arabic or typographic title as RFC 2047, which decodes back to it', () => {
    const arabic = '\u200fواتساب متوقفة للجميع';
    const encoded = headerText(arabic);
    expect(encoded).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    const base64 = encoded.slice('=?UTF-8?B?'.length, -2);
    expect(Buffer.from(base64, 'base64').toString('utf8')).toBe(arabic);
    expect(headerText('Facebook — down')).toMatch(/^=\?UTF-8\?B\?/);
    expect(headerText('Facebook is down')).toBe('Facebook is down');
  });

  it('keeps the body within 4,096 bytes without cutting a character in two', () => {
    const long = { ...message, body: 'انقطاع '.repeat(1000) };
    const body = ntfyRequest(config, undefined, long).body;
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(NTFY_MAX_BYTES);
    expect(body.endsWith('…')).toBe(true);
    expect(Buffer.from(body).toString('utf8')).toBe(body);
  });

  it('has no Authorization header without a token', () => {
    expect(ntfyRequest(config, undefined, message).headers).not.toHaveProperty('authorization');
  });

  it('refuses a server address without a topic', () => {
    expect(
      channelSchema.safeParse({ id: 'phone', kind: 'ntfy', url: 'https://ntfy.sh/' }).success,
    ).toBe(false);
  });
});

describe('Telegram', () => {
  it('sends {chat_id, text, disable_web_page_preview: true}, within 4,096 characters', () => {
    const body = JSON.parse(telegramBody('123456789', { ...message, body: 'x'.repeat(5000) })) as {
      chat_id: string;
      text: string;
      disable_web_page_preview: boolean;
    };
    expect(body.chat_id).toBe('123456789');
    expect(body.disable_web_page_preview).toBe(true);
    expect(body.text.startsWith('WhatsApp is down for everyone\n\n')).toBe(true);
    expect(Array.from(body.text)).toHaveLength(TELEGRAM_MAX_CHARS);
  });

  it('waits as long as parameters.retry_after says on a 429', () => {
    expect(
      telegramOutcome(429, {}, fixture('telegram-429.json'), 'api.telegram.org', OUTAGE_START),
    ).toEqual({
      kind: 'wait',
      afterMs: 34_000,
      reason: {
        key: 'alerts.reasonRateLimited',
        values: { host: 'api.telegram.org', seconds: 34 },
      },
    });
  });

  it('marks the channel broken for a refused token, an unknown chat or a blocked bot', () => {
    const host = 'api.telegram.org';
    expect(
      telegramOutcome(401, {}, fixture('telegram-401.json'), host, OUTAGE_START),
    ).toMatchObject({
      kind: 'broken',
      reason: { key: 'alerts.reasonUnauthorized' },
    });
    expect(
      telegramOutcome(400, {}, fixture('telegram-400-chat-not-found.json'), host, OUTAGE_START),
    ).toMatchObject({ kind: 'broken', reason: { key: 'alerts.reasonTelegramChat' } });
    expect(
      telegramOutcome(403, {}, fixture('telegram-403-blocked.json'), host, OUTAGE_START),
    ).toMatchObject({ kind: 'broken', reason: { key: 'alerts.reasonTelegramBlocked' } });
  });

  it('accepts only an answer that says ok', () => {
    expect(telegramOutcome(200, {}, '{"ok":true,"result":{}}', 'h', OUTAGE_START)).toEqual({
      kind: 'accepted',
    });
    expect(telegramOutcome(502, {}, '<html>Bad Gateway</html>', 'h', OUTAGE_START).kind).toBe(
      'retry',
    );
  });
});

describe('webhooks', () => {
  it('posts {text} to Slack and Google Chat', () => {
    expect(JSON.parse(webhookBody('slack', message))).toEqual({
      text: `${message.title}\n${message.body}`,
    });
    expect(JSON.parse(webhookBody('googlechat', message))).toEqual({
      text: `${message.title}\n${message.body}`,
    });
  });

  it('posts Discord content with no mentions allowed, within 2,000 characters', () => {
    const body = JSON.parse(
      webhookBody('discord', { ...message, body: '@everyone '.repeat(400) }),
    ) as {
      content: string;
      allowed_mentions: unknown;
    };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(Array.from(body.content).length).toBeLessThanOrEqual(2000);
  });

  it('posts the plain JSON shape', () => {
    expect(JSON.parse(webhookBody('json', message))).toEqual({
      event: 'down',
      service: { id: 'whatsapp', name: 'WhatsApp' },
      state: 'down',
      cause: 'provider',
      since: new Date(OUTAGE_START).toISOString(),
      text: `${message.title}\n${message.body}`,
    });
  });

  it("reads Discord's wait from its 429 body when no Retry-After is sent", () => {
    const retryAfter = (JSON.parse(fixture('discord-429.json')) as { retry_after: number })
      .retry_after;
    expect(waitOf({}, retryAfter, OUTAGE_START)).toBe(64_570);
  });
});

describe('retry classes', () => {
  const wait = () => 1000;
  it.each([
    [200, 'accepted'],
    [202, 'accepted'],
    [429, 'wait'],
    [400, 'broken'],
    [401, 'broken'],
    [403, 'broken'],
    [404, 'broken'],
    [410, 'broken'],
    [500, 'retry'],
    [503, 'retry'],
  ])('HTTP %i is %s', (status, kind) => {
    expect(outcomeOfStatus(status, 'hooks.slack.com', wait).kind).toBe(kind);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(waitOf({ 'retry-after': '120' }, undefined, OUTAGE_START)).toBe(120_000);
    const date = new Date(OUTAGE_START + 90_000).toUTCString();
    expect(waitOf({ 'retry-after': date }, undefined, OUTAGE_START)).toBe(90_000);
  });

  it('marks e-mail broken when the server refuses the password, and retries a network error', () => {
    expect(emailOutcome({ code: 'EAUTH', responseCode: 535 }, 'smtp.example.com')).toMatchObject({
      kind: 'broken',
      reason: { key: 'alerts.reasonSmtpAuth' },
    });
    expect(emailOutcome({ code: 'ECONNECTION' }, 'smtp.example.com').kind).toBe('retry');
    expect(emailOutcome({ code: 'EENVELOPE', responseCode: 550 }, 'smtp.example.com').kind).toBe(
      'broken',
    );
    expect(emailOutcome({ code: 'EMESSAGE', responseCode: 451 }, 'smtp.example.com').kind).toBe(
      'retry',
    );
  });
});

describe('dependsOn defaults', () => {
  const of = (input: unknown) => dependsOnOf(channelSchema.parse(input));
  it('follows the kind, the webhook format and the mail host', () => {
    expect(of({ id: 'a', kind: 'ntfy', url: 'https://ntfy.sh/t' })).toEqual([]);
    expect(of({ id: 'a', kind: 'telegram', token: 'x', chatId: '1' })).toEqual(['telegram']);
    expect(of({ id: 'a', kind: 'webhook', url: 'https://h/x', format: 'slack' })).toEqual([
      'slack',
    ]);
    expect(of({ id: 'a', kind: 'webhook', url: 'https://h/x', format: 'discord' })).toEqual([
      'discord',
    ]);
    expect(of({ id: 'a', kind: 'webhook', url: 'https://h/x', format: 'googlechat' })).toEqual([
      'google-workspace',
    ]);
    expect(of({ id: 'a', kind: 'webhook', url: 'https://h/x' })).toEqual([]);
    const mail = { id: 'a', kind: 'email', from: 'a@b.c', to: ['d@e.f'] };
    expect(of({ ...mail, host: 'smtp.gmail.com' })).toEqual(['google-workspace']);
    expect(of({ ...mail, host: 'smtp.office365.com' })).toEqual(['microsoft-365']);
    expect(of({ ...mail, host: 'ssl0.ovh.net' })).toEqual([]);
    expect(of({ ...mail, host: 'smtp.gmail.com', dependsOn: [] })).toEqual([]);
  });
});

describe('the channel kinds', () => {
  /** Each option of a discriminated union of channel schemas, by kind: its field names. */
  const fieldsByKind = (options: readonly { shape: Record<string, unknown> }[]) =>
    Object.fromEntries(
      options.map((o) => [(o.shape['kind'] as { value: string }).value, Object.keys(o.shape)]),
    );

  it('have an entry for every kind of the schema, and no other', () => {
    expect(Object.keys(CHANNEL_KINDS).sort()).toEqual(
      Object.keys(fieldsByKind(channelSchema.options)).sort(),
    );
  });

  it('keep in the settings every field of a kind but its secret fields', () => {
    const full = fieldsByKind(channelSchema.options);
    const stored = fieldsByKind(storedChannelSchema.options);
    for (const [kind, entry] of Object.entries(CHANNEL_KINDS)) {
      const secrets: readonly string[] = entry.secretFields;
      expect(stored[kind], kind).toEqual(full[kind]?.filter((f) => !secrets.includes(f)));
    }
  });
});

describe('fitting', () => {
  it('cuts by characters or bytes with an ellipsis', () => {
    expect(fitChars('abcdef', 4)).toBe('abc…');
    expect(fitChars('abc', 4)).toBe('abc');
    expect(Buffer.byteLength(fitBytes('éééé', 6))).toBeLessThanOrEqual(6);
  });
});
