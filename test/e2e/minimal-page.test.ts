// The minimal window page end to end: a real engine checks loopback servers, a real history
// records, and the page built by Vite shows it in Chromium — in English, then in Arabic, right to left.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config-schema';
import type { VigieApi } from '../../shared/ipc';
import { createEngine, type Engine } from '../../main/engine';
import { openHistory, type HistoryStore } from '../../main/history/store';
import { SettingsStore } from '../../main/settings/settings-store';
import { createHandlers } from '../../main/shell/handlers';
import { chatConfig, fixture, healthyReferences, startLab, type Lab } from '../lab/lab';
import { buildRenderer, launchChromium, openPage, screenshotPath } from './harness';

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

describe('the minimal page', () => {
  it('shows the checked state, then an outage as it is pushed, then Arabic right to left', async () => {
    healthyReferences(lab);
    lab.http.route('/', { status: 200, body: 'ok' });
    lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-operational.json'),
    });
    await engine.scheduler.checkNow();
    const { page, push, errors } = await openPage(browser, pageFile, handlers());
    await page.getByRole('heading', { name: 'All services are up' }).waitFor();
    await expect(page.getByText('✓ Chat: up')).toBeTruthy();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.screenshot({ path: screenshotPath('minimal-page-ok') });

    lab.http.route('/', { status: 503 });
    lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-major.json'),
    });
    const outage = await engine.scheduler.checkNow();
    expect(outage.overall).toBe('outage');
    await push({ type: 'snapshot', snapshot: outage });
    await page.getByRole('heading', { name: 'Outage' }).waitFor();
    expect(await page.locator('li').first().textContent()).toBe(
      '✗ Chat: down — chat.lab.test answered with an error; status page: Major System Outage',
    );
    await page.screenshot({ path: screenshotPath('minimal-page-outage') });

    const arabic = await page.evaluate(() =>
      (globalThis as unknown as { vigie: VigieApi }).vigie.updateSettings({ language: 'ar' }),
    );
    expect(arabic).toMatchObject({ ok: true });
    await push({ type: 'settings', settings: settings.get() });
    await page.getByRole('heading', { name: 'انقطاع' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('li').first().textContent()).toBe(
      '✗ Chat: متوقفة — ردّ chat.lab.test بخطأ؛ صفحة الحالة: Major System Outage',
    );
    await page.screenshot({ path: screenshotPath('minimal-page-outage-ar') });

    // A bad request from the page is refused with a reason, and the page keeps working.
    const bad = await page.evaluate(() =>
      (globalThis as unknown as { vigie: VigieApi }).vigie.pause(-5),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(errors).toEqual([]);
    expect(history.incidents()).toEqual([
      expect.objectContaining({ serviceId: 'chat', end: null }),
    ]);
  });
});
