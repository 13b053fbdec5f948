// Where a JSON text stops being JSON, and why, found by our own scan: V8 words some mistakes
// without a position (a truncated `tru`, a trailing comma in `[1,]`, `undefined`), and only in
// English. The scan runs only after JSON.parse has refused the text.

/** What kind of mistake stops the text from being JSON. */
export type JsonMistake =
  | 'empty'
  | 'end'
  | 'token'
  | 'word'
  | 'trailingComma'
  | 'comment'
  | 'singleQuote'
  | 'key'
  | 'colon'
  | 'commaOrClose'
  | 'string'
  | 'escape'
  | 'number'
  | 'after';

/** The first mistake of a JSON text: what, and where a person counts it (1-based line and column). */
export interface JsonSyntaxError {
  readonly mistake: JsonMistake;
  /** Index in the text of the character the scan stopped at (the text's length at its end). */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** The character found there, shown so a person can see it (`U+0009` for an invisible one). */
  readonly char?: string;
  /** The bare word found there (`undefined`, `NaN`, `tru`). */
  readonly word?: string;
  /** The closing bracket the container expected (`}` or `]`). */
  readonly close?: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;

/** A character as a person can see it in a message. */
function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || char.trim() === ''
    ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : char;
}

/** Line and column (in characters, not UTF-16 units) of an index of the text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: Array.from(text.slice(start, offset)).length + 1 };
}

type Expect =
  | 'value'
  | 'valueOrClose'
  | 'valueAfterComma'
  | 'keyOrClose'
  | 'key'
  | 'colon'
  | 'commaOrClose'
  | 'end';

class Stop {
  constructor(
    readonly mistake: JsonMistake,
    readonly offset: number,
    readonly extra: { word?: string; close?: string } = {},
  ) {}
}

/** Index just after a string that starts at `i` (a `"`). */
function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    if (j >= text.length) throw new Stop('end', text.length);
    const ch = text.charCodeAt(j);
    if (ch === 0x22) return j + 1;
    if (ch < 0x20) throw new Stop('string', j);
    if (ch === 0x5c) {
      const next = text[j + 1];
      if (next === undefined) throw new Stop('end', text.length);
      if (ESCAPES.has(next)) j += 2;
      else if (next === 'u') {
        for (let k = j + 2; k < j + 6; k++) {
          if (k >= text.length) throw new Stop('end', text.length);
          if (!/[0-9a-fA-F]/.test(text[k] ?? '')) throw new Stop('escape', k);
        }
        j += 6;
      } else throw new Stop('escape', j + 1);
    } else j++;
  }
}

/** Index just after a number that starts at `i`. */
function skipNumber(text: string, i: number): number {
  NUMBER.lastIndex = i;
  const match = NUMBER.exec(text);
  const end = match ? i + match[0].length : i;
  if (!match || match[0] === '-') {
    const at = i + 1;
    throw new Stop(at >= text.length ? 'end' : 'number', Math.min(at, text.length));
  }
  if (end < text.length && /[0-9.eE+-]/.test(text[end] ?? '')) {
    // "1." or "1e" at the very end is a truncated number; "01" or "1.2.3" a malformed one.
    throw new Stop('number', end);
  }
  return end;
}

/** Index just after a literal that starts at `i`, or the stop at the word that is not one. */
function skipLiteral(text: string, i: number): number {
  WORD.lastIndex = i;
  const word = WORD.exec(text)?.[0] ?? text[i] ?? '';
  if ((LITERALS as readonly string[]).includes(word)) return i + word.length;
  // Where a reader of JSON stops: the first character no literal allows ("tru]" stops at "]").
  const matched = Math.max(
    ...LITERALS.map((literal) => {
      let k = 0;
      while (k < word.length && k < literal.length && word[k] === literal[k]) k++;
      return k;
    }),
  );
  const truncated = matched === word.length && i + word.length >= text.length;
  if (truncated) throw new Stop('end', text.length);
  throw new Stop('word', i + matched, { word });
}

function scan(text: string): void {
  const stack: ('}' | ']')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'commaOrClose');
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i] ?? '')) i++;
    if (i >= text.length) {
      if (expect === 'end') return;
      throw new Stop('end', text.length);
    }
    const c = text[i] ?? '';
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) throw new Stop('comment', i);
    switch (expect) {
      case 'end':
        throw new Stop('after', i);
      case 'colon':
        if (c !== ':') throw new Stop('colon', i);
        expect = 'value';
        i++;
        continue;
      case 'commaOrClose': {
        const close = stack.at(-1) ?? '}';
        if (c === ',') {
          expect = close === '}' ? 'key' : 'valueAfterComma';
          i++;
        } else if (c === close) {
          stack.pop();
          expect = afterValue();
          i++;
        } else throw new Stop('commaOrClose', i, { close });
        continue;
      }
      case 'keyOrClose':
      case 'key':
        if (c === '}') {
          if (expect === 'key') throw new Stop('trailingComma', i);
          stack.pop();
          expect = afterValue();
          i++;
        } else if (c === '"') {
          i = skipString(text, i);
          expect = 'colon';
        } else if (c === "'") throw new Stop('singleQuote', i);
        else throw new Stop('key', i);
        continue;
      case 'value':
      case 'valueOrClose':
      case 'valueAfterComma':
        if (c === ']' && expect !== 'value') {
          if (expect === 'valueAfterComma') throw new Stop('trailingComma', i);
          stack.pop();
          expect = afterValue();
          i++;
        } else if (c === '{' || c === '[') {
          stack.push(c === '{' ? '}' : ']');
          expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
          i++;
        } else if (c === '"') {
          i = skipString(text, i);
          expect = afterValue();
        } else if (c === "'") throw new Stop('singleQuote', i);
        else if (c === '-' || (c >= '0' && c <= '9')) {
          i = skipNumber(text, i);
          expect = afterValue();
        } else if (/[A-Za-z_$]/.test(c)) {
          i = skipLiteral(text, i);
          expect = afterValue();
        } else throw new Stop('token', i);
        continue;
      default: {
        const never: never = expect;
        return never;
      }
    }
  }
}

/**
 * The first mistake of a text that is not JSON (null when it is JSON after all). A text of
 * nothing but blanks is `empty`; a text that stops early ends at its last character.
 */
export function findJsonError(text: string): JsonSyntaxError | null {
  if (text.trim() === '') return { mistake: 'empty', offset: 0, line: 1, column: 1 };
  try {
    scan(text);
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const char = text[error.offset];
    return {
      mistake: error.mistake,
      offset: error.offset,
      ...lineColumn(text, error.offset),
      ...(char !== undefined && error.mistake !== 'end'
        ? { char: visible(String.fromCodePoint(text.codePointAt(error.offset) ?? 0)) }
        : {}),
      ...error.extra,
    };
  }
}
