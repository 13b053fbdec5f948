// Text from outside (a provider's status, an incident's words, a service's name) on its way to a
// terminal: escape sequences and control characters are removed, so a status page cannot move the
// cursor, clear the screen, retitle the window or hide text (ESC]0;…, ESC[2J, bidi overrides).

// Escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), and any other ESC + one char.
/* eslint-disable no-control-regex -- removing control characters is the point */
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[\s\S]?/g;
// C0 controls, DEL, C1 controls (U+009B is a one-byte CSI), and bidi embeddings and overrides.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** One line of outside text, safe to print: escapes dropped, controls and line breaks as spaces. */
export function forTerminal(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, ' ');
}

// Characters a terminal draws with no width: direction marks (Intl puts them around "%" in
// Arabic) and combining marks (Arabic vowel signs, accents typed as two code points).
const ZERO_WIDTH = /[\u200e\u200f\u061c\p{M}]/gu;

/** `text` padded with spaces to `width` columns as a terminal draws it (padEnd counts marks). */
export function padTo(text: string, width: number): string {
  const shown = text.replace(ZERO_WIDTH, '').length;
  return text + ' '.repeat(Math.max(0, width - shown));
}
