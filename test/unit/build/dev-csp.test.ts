// `npm start` works under the page's CSP, and what is built keeps the strict policy.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devCsp, devServerCsp } from '../../../scripts/dev-csp';

const page = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
const policy = (html: string) => /content="([^"]*script-src[^"]*)"/.exec(html)?.[1] ?? '';

describe('the page policy', () => {
  it("in development allows the dev server's socket and injected styles, nothing else", () => {
    const dev = policy(devServerCsp(page));
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
    expect(dev).toContain("script-src 'self';");
    const others = (p: string) =>
      p.split('; ').filter((d) => !d.startsWith('style-src') && !d.startsWith('connect-src'));
    expect(others(dev)).toEqual(others(policy(page)));
  });

  it('is widened only while serving: a build keeps the strict one', () => {
    expect(devCsp().apply).toBe('serve');
    expect(policy(page)).toContain("style-src 'self';");
    expect(policy(page)).toContain("connect-src 'none'");
  });
});
