// Same-run yardsticks for the window's first paint, so a figure means something on any machine:
// a blank page painted through the same harness, the overview with one service, and the page's own
// main-thread work from Chromium's trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Handlers } from '../main/shell/handlers';
import { openPage } from '../test/e2e/harness';
import { pageWork, type PageWork } from './trace-work';

/** A page with one paragraph and nothing else: the floor of "navigation to painted" here. */
export function blankPage(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'vigie-blank-')), 'blank.html');
  writeFileSync(file, '<!doctype html><html><body><p id="blank">Vigie</p></body></html>');
  return file;
}

/**
 * Opens `pageFile` through the test harness (bridge included) and returns the page's clock when
 * `selector` matches at least `count` elements: navigation to painted, as the overview is timed.
 */
export async function paintedAt(
  browser: Browser,
  pageFile: string,
  handlers: Handlers,
  selector: string,
  count: number,
): Promise<number> {
  const { page } = await openPage(browser, pageFile, handlers);
  try {
    await page.waitForFunction(
      ([s, n]) =>
        (
          globalThis as unknown as {
            document: { querySelectorAll(s: string): { length: number } };
          }
        ).document.querySelectorAll(s).length >= n,
      [selector, count] as const,
    );
    return Number(await page.evaluate('performance.now()'));
  } finally {
    await page.context().close();
  }
}

/** Runs `paint` under Chromium's tracing; the main-thread work of the page it opened. */
export async function traced(browser: Browser, paint: () => Promise<unknown>): Promise<PageWork> {
  await browser.startTracing(undefined, {
    categories: [
      '__metadata',
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'blink',
    ],
  });
  let trace: Buffer;
  try {
    await paint();
  } finally {
    trace = await browser.stopTracing();
  }
  return pageWork(trace.toString('utf8'));
}
