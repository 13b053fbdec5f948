// How many SMS a text takes (3GPP TS 23.038 alphabet, TS 23.040 concatenation): a text in the GSM
// 7-bit alphabet fits 160 characters in one SMS and 153 per part once split (the rest of each
// part says how to join them); a text with any other character (Arabic, "ê", the typographic
// apostrophe "’", an emoji) is sent as UCS-2: 70 in one SMS, 67 per part. Each part is billed.

/** The basic GSM 7-bit alphabet (one septet each). */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each takes two septets (an escape, then the character). */
const GSM_EXTENDED = '^{}\\[~]|€\f';

const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsLength {
  readonly encoding: SmsEncoding;
  /** How many SMS the text is sent as. */
  readonly segments: number;
  /** Characters as the person counts them. */
  readonly characters: number;
}

const LIMITS: Readonly<Record<SmsEncoding, { single: number; part: number }>> = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
};

/** The encoding, the number of SMS and the length of `text`. */
export function smsLength(text: string): SmsLength {
  const characters = [...text];
  const gsm = characters.every((c) => BASIC.has(c) || EXTENDED.has(c));
  const encoding: SmsEncoding = gsm ? 'gsm7' : 'ucs2';
  // The units each character takes: septets in GSM-7, UTF-16 code units in UCS-2.
  const units = characters.map((c) => (gsm ? (EXTENDED.has(c) ? 2 : 1) : c.length));
  const total = units.reduce((sum, u) => sum + u, 0);
  const limit = LIMITS[encoding];
  if (total <= limit.single) return { encoding, segments: 1, characters: characters.length };
  // Split, a character never cut between two parts (an escape pair, a surrogate pair).
  let segments = 1;
  let used = 0;
  for (const u of units) {
    if (used + u > limit.part) {
      segments++;
      used = 0;
    }
    used += u;
  }
  return { encoding, segments, characters: characters.length };
}

/** The characters of `text` outside the GSM alphabet, each once, in order (what makes it UCS-2). */
export function nonGsmCharacters(text: string): string[] {
  return [...new Set([...text].filter((c) => !BASIC.has(c) && !EXTENDED.has(c)))];
}

/** Whether `text` opens with an Arabic letter (a phone then lays it out right to left). */
export function opensInArabic(text: string): boolean {
  const first = /\p{L}|\{/u.exec(text)?.[0] ?? '';
  return /\p{Script=Arabic}/u.test(first);
}
