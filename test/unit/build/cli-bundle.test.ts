// The command line's bundle as `npm install` makes it: what V8 keeps of it for the engine's whole
// life. ASCII only, so the 1.5 MB of source is held at one byte per character (a single other
// character anywhere makes V8 hold all of it at two: 3 MB); and zod's fifty languages left out.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../../../scripts/bundle-node';

let dir: string;
let bundle: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-cli-bundle-'));
  bundle = readFileSync(await bundleCli(join(dir, 'vigie.mjs')));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the command line bundle', () => {
  it('is ASCII only', () => {
    const at = bundle.findIndex((byte) => byte > 0x7f);
    expect(
      at === -1 ? null : bundle.subarray(Math.max(0, at - 40), at + 20).toString('utf8'),
    ).toBeNull();
  });

  it('leaves out the languages zod would carry and Vigie never reads', () => {
    const text = bundle.toString('latin1');
    // zod's German and Spanish messages, as its locales namespace would bring them.
    expect(text).not.toContain('ltige Eingabe');
    expect(text).not.toContain('Entrada inv');
    // zod itself is there: the config is checked with it.
    expect(text).toContain('invalid_type');
  });
});
