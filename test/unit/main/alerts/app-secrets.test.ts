// The app's alert secrets: encrypted by the keychain in their own file, never in the settings in
// clear, never shown to the window (only "set / not set"), and never kept without a keychain.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelView, keepSecrets, withSecrets } from '../../../../main/alerts/app-secrets';
import {
  SECRETS_FILE,
  SecretsUnavailable,
  SecretStore,
  type SecretCipher,
} from '../../../../main/alerts/secret-store';
import { channelSchema } from '../../../../shared/alerts/schema';
import { ntfySubscribeLink, randomTopic } from '../../../../shared/alerts/phone';
import { pairedChat, pairingCode } from '../../../../main/alerts/telegram-pairing';

/** A keychain stand-in: reversible, and nothing like the clear text. */
function fakeCipher(available = true): SecretCipher {
  return {
    available: () => available,
    encrypt: (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
    decrypt: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

const TOKEN = '123456:secret-bot-token';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-secrets-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('alert secrets in the app', () => {
  const entered = { id: 'tg', kind: 'telegram', token: TOKEN, chatId: '424242' } as const;

  it('stores the settings without the secret, the secret encrypted, and the window sees "set"', () => {
    const store = new SecretStore(dir, fakeCipher());
    const stored = keepSecrets(entered, store);
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
    expect(readFileSync(join(dir, SECRETS_FILE), 'utf8')).not.toContain(TOKEN);
    const view = channelView(stored, store);
    expect(view).toEqual({
      id: 'tg',
      kind: 'telegram',
      chatId: '424242',
      secrets: { token: true },
    });
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    // The main process gets it back, whole, and it parses as a channel.
    const reopened = new SecretStore(dir, fakeCipher());
    expect(channelSchema.parse(withSecrets(stored, reopened))).toMatchObject({ token: TOKEN });
  });

  it('keeps the secret already set when the form leaves it empty, and forgets it with the channel', () => {
    const store = new SecretStore(dir, fakeCipher());
    keepSecrets(entered, store);
    keepSecrets({ ...entered, token: '' }, store);
    expect(store.get('tg', 'token')).toBe(TOKEN);
    store.remove('tg');
    expect(channelView({ id: 'tg', kind: 'telegram', chatId: '1' }, store).secrets).toEqual({
      token: false,
    });
  });

  it('refuses to keep a secret without a keychain, rather than keep it in clear', () => {
    const store = new SecretStore(dir, fakeCipher(false));
    expect(() => keepSecrets(entered, store)).toThrow(SecretsUnavailable);
  });
});

describe('phone and Telegram setup', () => {
  it('makes an unguessable topic and the link the ntfy app opens', () => {
    const topic = randomTopic(new Uint8Array(16).map((_, i) => i * 17));
    expect(topic).toMatch(/^vigie-[a-z2-9]{16}$/);
    expect(ntfySubscribeLink(`https://ntfy.sh/${topic}`)).toBe(`ntfy://ntfy.sh/${topic}`);
    expect(ntfySubscribeLink('http://127.0.0.1:8080/alerts/')).toBe('ntfy://127.0.0.1:8080/alerts');
  });

  it('finds the chat that sent "/start <code>" in the bot’s updates', () => {
    const code = pairingCode(new Uint8Array(12).map((_, i) => i * 31));
    expect(code).toMatch(/^[A-Z2-9]{12}$/);
    const updates = {
      ok: true,
      result: [
        {
          update_id: 1,
          message: { message_id: 1, chat: { id: 111, type: 'private' }, text: '/start' },
        },
        {
          update_id: 2,
          message: { message_id: 2, chat: { id: 424242, type: 'private' }, text: `/start ${code}` },
        },
      ],
    };
    expect(pairedChat(updates, code)).toBe('424242');
    expect(pairedChat(updates, 'OTHERCODE123')).toBeNull();
    expect(
      pairedChat({ ok: false, error_code: 401, description: 'Unauthorized' }, code),
    ).toBeNull();
  });
});
