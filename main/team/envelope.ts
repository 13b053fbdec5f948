// The only thing the relay ever sees: `v1.<base64url(IV)>.<base64url(ciphertext ‖ tag)>`, AES-256-GCM
// with a fresh random 12-byte IV each time and the topic bound in as associated data
// ("vigie/v1|<topic>"), so an envelope replayed on another team's topic fails its tag.
import { webcrypto } from 'node:crypto';
import { base64url, fromBase64url, type TeamKeys } from './keys';

const { subtle } = webcrypto;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The largest plaintext an envelope carries (a longer digest is split by its sender). */
export const MAX_PLAINTEXT_BYTES = 2800;

/** Why a message on the topic was dropped (counted, never shown). */
export type DropReason = 'not-v1' | 'malformed' | 'bad-tag' | 'not-json' | 'too-large';

function aad(topic: string): Uint8Array {
  return encoder.encode(`vigie/v1|${topic}`);
}

/** Seals a plaintext; `iv` only for test vectors (a fresh random one otherwise). */
export async function seal(
  plaintext: string,
  keys: TeamKeys,
  iv: Uint8Array = webcrypto.getRandomValues(new Uint8Array(IV_BYTES)),
): Promise<string> {
  const bytes = encoder.encode(plaintext);
  if (bytes.length > MAX_PLAINTEXT_BYTES)
    throw new RangeError(`plaintext of ${bytes.length} bytes (at most ${MAX_PLAINTEXT_BYTES})`);
  if (iv.length !== IV_BYTES) throw new RangeError('the IV is 12 bytes');
  const sealed = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(keys.topic), tagLength: TAG_BYTES * 8 },
    keys.key,
    bytes,
  );
  return `v1.${base64url(iv)}.${base64url(new Uint8Array(sealed))}`;
}

/** Opens an envelope: its plaintext, or why it was dropped. */
export async function open(
  body: string,
  keys: TeamKeys,
): Promise<{ readonly plaintext: string } | { readonly dropped: DropReason }> {
  if (!body.startsWith('v1.')) return { dropped: 'not-v1' };
  const parts = body.split('.');
  if (parts.length !== 3) return { dropped: 'malformed' };
  const iv = fromBase64url(parts[1] ?? '');
  const sealed = fromBase64url(parts[2] ?? '');
  if (!iv || iv.length !== IV_BYTES || !sealed || sealed.length < TAG_BYTES)
    return { dropped: 'malformed' };
  if (sealed.length - TAG_BYTES > MAX_PLAINTEXT_BYTES) return { dropped: 'too-large' };
  let plain: ArrayBuffer;
  try {
    plain = await subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: aad(keys.topic), tagLength: TAG_BYTES * 8 },
      keys.key,
      sealed,
    );
  } catch {
    return { dropped: 'bad-tag' };
  }
  try {
    return { plaintext: decoder.decode(plain) };
  } catch {
    return { dropped: 'not-json' };
  }
}
