// Text from outside (a provider's status, an incident's words, a service's name) on its way to a
// terminal: escape sequences and control characters are removed, so a status page cannot move the
// cursor, clear the screen, retitle the window or hide text (ESC]0;…, ESC[2J, bidi overrides).

// Escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), and any other ESC + one char.
/* eslint-disable no-control-regex -- removing control characters is the point */
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[\s\S]?/g;
// C0 controls, DEL, C1 controls (U+009B is a one-byte CSI), and bidi embeddings and overrides.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/g;
/* eslint-enable no-control-regex */
// Bidi isolates (LRI, RLI, FSI … PDI): our Arabic lines put them around "--since", paths and
// "http://" so those read left to right. Kept when they pair up within the line; a stray one
// (from outside text) becomes a space, so nothing it opens runs past its own words.
const ISOLATE = /[\u2066-\u2069]/g;

/** One line of outside text, safe to print: escapes dropped, controls and line breaks as spaces. */
export function forTerminal(text: string): string {
  return pairedIsolates(text.replace(ESCAPES, '').replace(CONTROLS, ' '));
}

/** Keeps isolates that open and close within the text; any other becomes a space. */
function pairedIsolates(text: string): string {
  const open: number[] = [];
  const keep = new Set<number>();
  for (const match of text.matchAll(ISOLATE)) {
    const at = match.index;
    if (match[0] !== '\u2069') open.push(at);
    else {
      const opener = open.pop();
      if (opener === undefined) continue;
      keep.add(opener);
      keep.add(at);
    }
  }
  return text.replace(ISOLATE, (mark, at: number) => (keep.has(at) ? mark : ' '));
}

// Characters a terminal draws with no width: direction marks (Intl puts them around "%" in
// Arabic) and combining marks (Arabic vowel signs, accents typed as two code points).
const ZERO_WIDTH = /[\u200e\u200f\u061c\u2066-\u2069\p{M}]/gu;

/** `text` padded with spaces to `width` columns as a terminal draws it (padEnd counts marks). */
export function padTo(text: string, width: number): string {
  const shown = text.replace(ZERO_WIDTH, '').length;
  return text + ' '.repeat(Math.max(0, width - shown));
}
