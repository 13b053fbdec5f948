// The `alerts` object of a config file: the documented example parses, defaults are filled in,
// and a bad channel is named by its path.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config-schema';

const base = {
  version: 1,
  connectivity: { targets: [{ url: 'http://127.0.0.1:1/generate_204', expectStatus: 204 }] },
  services: [],
};

const example = {
  language: 'fr',
  events: ['down', 'recovered'],
  services: ['whatsapp', 'facebook'],
  channels: [
    {
      id: 'phone',
      kind: 'ntfy',
      url: 'https://ntfy.sh/vigie-k3f9x2',
      token: { env: 'NTFY_TOKEN' },
      priority: 4,
    },
    {
      id: 'tg',
      kind: 'telegram',
      token: { env: 'TG_BOT_TOKEN' },
      chatId: '123456789',
      apiUrl: 'https://api.telegram.org',
    },
    {
      id: 'mail',
      kind: 'email',
      host: 'smtp.example.com',
      port: 587,
      secure: false,
      user: 'shop@example.com',
      password: { env: 'SMTP_PASSWORD' },
      from: 'shop@example.com',
      to: ['owner@example.com'],
    },
    {
      id: 'chat',
      kind: 'webhook',
      url: 'https://hooks.slack.com/services/T0/B0/x',
      format: 'slack',
      dependsOn: ['slack'],
    },
  ],
};

describe('alerts config', () => {
  it('accepts the documented example', () => {
    const parsed = parseConfig({ ...base, alerts: example });
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.config.alerts?.channels.map((c) => c.id)).toEqual([
        'phone',
        'tg',
        'mail',
        'chat',
      ]);
  });

  it('fills in the default events and the webhook format', () => {
    const parsed = parseConfig({
      ...base,
      alerts: { channels: [{ id: 'hook', kind: 'webhook', url: 'https://example.com/hook' }] },
    });
    expect(parsed.ok && parsed.config.alerts).toMatchObject({
      events: ['down', 'recovered'],
      channels: [{ format: 'json' }],
    });
  });

  it('names a duplicate channel id and a bad environment variable name, in French too', () => {
    const bad = {
      ...base,
      alerts: {
        channels: [
          { id: 'phone', kind: 'ntfy', url: 'https://ntfy.sh/a' },
          { id: 'phone', kind: 'ntfy', url: 'https://ntfy.sh/b', token: { env: 'not a name' } },
        ],
      },
    };
    const en = parseConfig(bad);
    expect(en.ok).toBe(false);
    if (!en.ok) {
      expect(en.problems).toContainEqual({
        path: 'alerts.channels[1].id',
        message: 'duplicate channel id "phone"',
      });
      expect(en.problems.map((p) => p.path)).toContain('alerts.channels[1].token.env');
    }
    const fr = parseConfig(bad, 'fr');
    if (!fr.ok)
      expect(fr.problems).toContainEqual({
        path: 'alerts.channels[1].id',
        message: 'identifiant de canal «\u00a0phone\u00a0» en double',
      });
  });

  it('refuses a webhook address that is not http or https', () => {
    const parsed = parseConfig({
      ...base,
      alerts: { channels: [{ id: 'hook', kind: 'webhook', url: 'file:///etc/passwd' }] },
    });
    expect(parsed.ok).toBe(false);
  });
});
