// A team's invite and keys: `vigie-team:1:<secret>:<server URL>`, the secret 32 random bytes in
// base64url; from it, by HKDF-SHA-256 (salt "vigie/team/v1"), the ntfy topic ("vg_" + 40
// characters) and the AES-256-GCM key. Node's WebCrypto only. docs/design.md#team
import { webcrypto } from 'node:crypto';

const { subtle } = webcrypto;
const encoder = new TextEncoder();
const SALT = encoder.encode('vigie/team/v1');
const SECRET_BYTES = 32;
const PREFIX = 'vigie-team:1:';

/** base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** Bytes from base64url (no padding); null when the text is not base64url. */
export function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

/** What an invite carries. */
export interface Invite {
  readonly secret: Uint8Array;
  /** The ntfy server, without a trailing slash (https://ntfy.sh). */
  readonly server: string;
}

/** Why a text is not an invite, in a word a person can be told. */
export type InviteProblem = 'not-an-invite' | 'unknown-version' | 'bad-secret' | 'bad-server';

/** A new invite for a team on `server`: 32 random bytes of secret. */
export function newInvite(
  server: string,
  random = webcrypto.getRandomValues.bind(webcrypto),
): Invite {
  return { secret: random(new Uint8Array(SECRET_BYTES)), server: server.replace(/\/+$/, '') };
}

/** The invite as text: `vigie-team:1:<secret>:<server URL>`. */
export function inviteText(invite: Invite): string {
  return `${PREFIX}${base64url(invite.secret)}:${invite.server}`;
}

/** Reads an invite (pasted, scanned); the server must be http(s). */
export function parseInvite(text: string): Invite | { readonly problem: InviteProblem } {
  const trimmed = text.trim();
  if (!trimmed.startsWith('vigie-team:')) return { problem: 'not-an-invite' };
  if (!trimmed.startsWith(PREFIX)) return { problem: 'unknown-version' };
  const rest = trimmed.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return { problem: 'bad-server' };
  const secret = fromBase64url(rest.slice(0, colon));
  if (!secret || secret.length !== SECRET_BYTES) return { problem: 'bad-secret' };
  const server = rest.slice(colon + 1).replace(/\/+$/, '');
  try {
    const url = new URL(server);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'bad-server' };
    if (url.username || url.password || url.search || url.hash) return { problem: 'bad-server' };
  } catch {
    return { problem: 'bad-server' };
  }
  return { secret, server };
}

/** The team's topic and key, derived from its secret. */
export interface TeamKeys {
  readonly topic: string;
  readonly key: webcrypto.CryptoKey;
}

async function hkdf(secret: Uint8Array, info: string, bytes: number): Promise<Uint8Array> {
  const ikm = await subtle.importKey('raw', secret, 'HKDF', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: SALT, info: encoder.encode(info) },
    ikm,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

/** Derives the topic (`vg_` + the first 40 characters of base64url(HKDF "topic")) and the key. */
export async function teamKeys(secret: Uint8Array): Promise<TeamKeys> {
  const topicBytes = await hkdf(secret, 'topic', 32);
  const keyBytes = await hkdf(secret, 'key', 32);
  const key = await subtle.importKey('raw', keyBytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { topic: `vg_${base64url(topicBytes).slice(0, 40)}`, key };
}
