// The phone channel's setup: a topic nobody can guess, and the link the ntfy app opens
// (`ntfy://<host>/<topic>`, shown as a QR code for Android and as text for iOS).

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random topic, `vigie-` and 16 letters or digits (80 bits), from `bytes` random bytes. */
export function randomTopic(bytes: Uint8Array): string {
  if (bytes.length < 16) throw new Error('randomTopic needs 16 random bytes');
  let out = 'vigie-';
  for (let i = 0; i < 16; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return out;
}

/** The ntfy app's subscribe link for a channel URL: `https://ntfy.sh/t` → `ntfy://ntfy.sh/t`. */
export function ntfySubscribeLink(url: string): string {
  const parsed = new URL(url);
  const topic = parsed.pathname.replace(/^\/+|\/+$/g, '');
  return `ntfy://${parsed.host}/${topic}`;
}
