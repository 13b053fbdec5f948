// A JSON file's bytes as text, and why a text is not JSON, in the user's language: the encodings
// editors really save (UTF-8 with or without a BOM, UTF-16 with its BOM, as Notepad and
// PowerShell's `>` do) are read; any mistake is said with its line and column.
import { findJsonError, lineColumn } from '../../shared/json-error';

/** The words of one problem: an i18n key under `jsonError` and its values. */
export interface JsonProblem {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export type DecodedText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: JsonProblem };

/** Decodes a file's bytes: UTF-8 (a BOM is dropped), or UTF-16 LE/BE announced by its BOM. */
export function decodeJsonText(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return { ok: true, text: utf16(bytes.subarray(2), 'le') };
  if (b0 === 0xfe && b1 === 0xff) return { ok: true, text: utf16(bytes.subarray(2), 'be') };
  const body = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? bytes.subarray(3) : bytes;
  // ASCII JSON saved as UTF-16 without a BOM has a zero byte beside every character.
  if (body.length >= 2 && (body[0] === 0 || body[1] === 0)) {
    return { ok: false, problem: { key: 'jsonError.utf16NoBom' } };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(body);
    const at = lineColumn(lossy, lossy.indexOf('\uFFFD'));
    return { ok: false, problem: { key: 'jsonError.notUtf8', values: at } };
  }
}

function utf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  if (order === 'be') copy.swap16();
  return copy.toString('utf16le');
}

/** Why `text` is not JSON and where; null when it is JSON. */
export function jsonProblem(text: string): JsonProblem | null {
  const found = findJsonError(text);
  if (!found) return null;
  const { mistake, line, column, char, word, close } = found;
  return {
    key: `jsonError.${mistake}`,
    values: {
      line,
      column,
      ...(char !== undefined ? { char } : {}),
      ...(word !== undefined ? { word } : {}),
      ...(close !== undefined ? { close } : {}),
    },
  };
}
