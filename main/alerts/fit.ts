// Each channel's size limit: text cut at a character boundary, with an ellipsis, never a
// half-written character (ntfy counts bytes, Telegram and Discord characters).

const ELLIPSIS = '…';

/** At most `max` characters (code points). */
export function fitChars(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + ELLIPSIS;
}

/** At most `max` bytes of UTF-8. */
export function fitBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  const room = max - Buffer.byteLength(ELLIPSIS);
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (used + size > room) break;
    out += char;
    used += size;
  }
  return out + ELLIPSIS;
}
