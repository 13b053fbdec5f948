// The window's overview end to end: a real engine checks loopback servers, a real history
// records, and the page built by Vite answers "is it me, my network, or them?" in Chromium —
// in light and dark, in English and in Arabic right to left, with no serious accessibility issue.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config-schema';
import type { VigieApi } from '../../shared/ipc';
import { createEngine, type Engine } from '../../main/engine';
import { openHistory, type HistoryStore } from '../../main/history/store';
import { SettingsStore } from '../../main/settings/settings-store';
import { createHandlers } from '../../main/shell/handlers';
import { chatConfig, fixture, healthyReferences, startLab, type Lab } from '../lab/lab';
import { buildRenderer, launchChromium, openPage, screenshotPath } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let lab: Lab;
let browser: Browser;
let engine: Engine;
let history: HistoryStore;
let dir: string;
let pageFile: string;
let settings: SettingsStore;

beforeAll(async () => {
  [lab, browser, pageFile] = await Promise.all([startLab(), launchChromium(), buildRenderer()]);
  dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  const parsed = parseConfig({ ...chatConfig(lab), failureThreshold: 1 });
  if (!parsed.ok) throw new Error('bad config');
  engine = createEngine(parsed.config, { extraCa: [lab.certs.ca], retryDelayMs: 20 });
  history = openHistory({ dir });
  settings = SettingsStore.open(dir).store;
  engine.scheduler.on('snapshot', (s) => history.recordSnapshot(s));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await engine?.close();
  history?.close();
  await lab?.close();
  rmSync(dir, { recursive: true, force: true });
});

function handlers() {
  return createHandlers({
    scheduler: () => engine.scheduler,
    history,
    settings: () => settings.get(),
    updateSettings: (patch) => settings.update((s) => ({ ...s, ...patch })),
    openExternal: async () => undefined,
  });
}

/** axe-core in the page (evaluated through DevTools, so the page's CSP stays as it is). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const ids = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id);
  });
  return ids;
}

const call = (page: Page, fn: (vigie: VigieApi) => Promise<unknown>) =>
  page.evaluate(`(${fn.toString()})(globalThis.vigie)`);

describe('the overview', () => {
  it('all well, then a provider outage pushed live, then Arabic; accessible in light and dark', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'ok' });
    lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-operational.json'),
    });
    await engine.scheduler.checkNow();
    const { page, push, errors } = await openPage(browser, pageFile, handlers());
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toBe('All services are up');
    await page.locator('.service h3', { hasText: 'Chat' }).waitFor();
    expect(await page.locator('.service .badge').first().textContent()).toBe('✓ up');
    expect(await page.locator('.strip .cell').count()).toBe(90);
    expect(await page.locator('.strip .cell').last().getAttribute('class')).toBe('cell cell-up');
    expect(await page.locator('.strip').first().getAttribute('aria-label')).toBe(
      'Chat — Last 90 days: 1 days up, 0 with problems, 0 with an outage, 89 without data',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('overview-ok-light') });

    // "Check now" shows its progress, then comes back.
    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByRole('button', { name: 'Check now' }).waitFor();

    lab.http.route('/', { status: 503 });
    lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-major.json'),
    });
    const outage = await engine.scheduler.checkNow();
    expect(outage.overall).toBe('outage');
    await push({ type: 'snapshot', snapshot: outage });
    await expect
      .poll(() => status.textContent())
      .toMatch(/^Chat is down for everyone since .+ — ChatCo’s status page confirms$/);
    expect(await page.locator('.evidence').first().textContent()).toBe(
      'chat.lab.test answered with an error; status page: Major System Outage',
    );
    expect(await page.locator('.service .badge').first().textContent()).toBe('✗ down');
    await page.screenshot({ path: screenshotPath('overview-outage-light') });

    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('overview-outage-dark') });
    await page.emulateMedia({ colorScheme: 'light' });

    expect(await call(page, (v) => v.updateSettings({ language: 'ar' }))).toMatchObject({
      ok: true,
    });
    await push({ type: 'settings', settings: settings.get() });
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await status.textContent()).toMatch(
      /^Chat متوقفة لدى الجميع منذ .+ — صفحة حالة ChatCo تؤكد ذلك$/,
    );
    expect(await page.locator('.strip').first().getAttribute('direction')).toBe('ltr');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('overview-outage-ar') });

    expect(errors).toEqual([]);
    expect(history.incidents()).toEqual([
      expect.objectContaining({ serviceId: 'chat', end: null }),
    ]);
    await call(page, (v) => v.updateSettings({ language: 'en' }));
  });
});
