// The app's alert secrets (tokens, passwords, webhook addresses), kept encrypted by the OS
// keychain (Electron's safeStorage, handed in as a SecretCipher) in `alert-secrets.json`, apart
// from the settings file. Never written in clear: without a working keychain nothing is saved and
// the caller is told. The window only ever learns whether each secret is set.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the OS keychain does for us (safeStorage in the app, a fake in tests). */
export interface SecretCipher {
  available(): boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

/** The file's name in the app's data folder. */
export const SECRETS_FILE = 'alert-secrets.json';

/** Why a secret could not be kept. */
export class SecretsUnavailable extends Error {
  constructor() {
    super('the system keychain is not available: alert secrets cannot be kept encrypted');
    this.name = 'SecretsUnavailable';
  }
}

const key = (channel: string, field: string) => `${channel}.${field}`;

export class SecretStore {
  private readonly file: string;
  private sealed: Record<string, string>;

  constructor(
    dir: string,
    private readonly cipher: SecretCipher,
  ) {
    this.file = join(dir, SECRETS_FILE);
    this.sealed = SecretStore.read(this.file);
  }

  /** Keeps a secret, encrypted; throws SecretsUnavailable rather than keep it in clear. */
  set(channel: string, field: string, value: string): void {
    if (!this.cipher.available()) throw new SecretsUnavailable();
    this.sealed[key(channel, field)] = this.cipher.encrypt(value).toString('base64');
    this.write();
  }

  /** The secret in clear, for the channel that uses it (main process only); null if not set. */
  get(channel: string, field: string): string | null {
    const sealed = this.sealed[key(channel, field)];
    if (sealed === undefined || !this.cipher.available()) return null;
    try {
      return this.cipher.decrypt(Buffer.from(sealed, 'base64'));
    } catch {
      // Encrypted by another user or keychain: as good as not set.
      return null;
    }
  }

  /** Whether a secret is set: all the window may know. */
  has(channel: string, field: string): boolean {
    return this.sealed[key(channel, field)] !== undefined;
  }

  /** Forgets every secret of a channel (the channel was removed). */
  remove(channel: string): void {
    this.sealed = Object.fromEntries(
      Object.entries(this.sealed).filter(([name]) => !name.startsWith(`${channel}.`)),
    );
    this.write();
  }

  private write(): void {
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: 1, secrets: this.sealed }), { mode: 0o600 });
    renameSync(temp, this.file);
  }

  private static read(file: string): Record<string, string> {
    if (!existsSync(file)) return {};
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { secrets?: unknown };
      const secrets = parsed.secrets;
      if (secrets === null || typeof secrets !== 'object') return {};
      return Object.fromEntries(
        Object.entries(secrets).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
    } catch {
      return {};
    }
  }
}
