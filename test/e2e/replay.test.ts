// The window on the built-in catalog, replayed: 4 October 2021 (Facebook, Instagram, WhatsApp and
// Messenger down for everyone) and a day the user's network blocks WhatsApp — in English, French
// and Arabic, light and dark. These screenshots are the README's (copied into docs/).
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/types';
import { buildRenderer, launchChromium, screenshotPath } from './harness';
import { openReplayWindow } from './replay-window';
import { replaySnapshot, type Scenario } from './replay';
import { seriousViolations } from './world';

let browser: Browser;
let pageFile: string;
const dirs: string[] = [];

beforeAll(async () => {
  [browser, pageFile] = await Promise.all([launchChromium(), buildRenderer()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A data folder holding the replayed history, settings and checklist, and the window on it. */
async function replay(scenario: Scenario, language: 'en' | 'fr' | 'ar') {
  const snapshot: Snapshot = replaySnapshot(scenario);
  const opened = await openReplayWindow({
    browser,
    pageFile,
    prefix: `vigie-replay-${scenario}-`,
    scenario,
    snapshot,
    language,
    startRuns: true,
  });
  dirs.push(opened.dir);
  return opened;
}

/** Screenshots of the page as it is, light then dark; the page is left light. */
async function lightAndDark(page: Page, light: string, dark: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(light) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: screenshotPath(dark) });
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('the built-in catalog, replayed', () => {
  // One test per language: each opens its own window on its own replay, and the three together
  // (~23 s alone) overran the 30 s budget on a loaded machine.
  // The English one is genuinely long: four views, six screenshots and an accessibility scan in
  // a real Chromium (19 s with the test sharing one core with four busy processes): 60 s.
  it('4 October 2021: Meta down for everyone, in English, light and dark', async () => {
    const en = await replay('meta-outage', 'en');
    const banner = en.page.locator('.banner-text');
    await expect
      .poll(() => banner.textContent())
      .toMatch(
        /^Facebook has been down for everyone since 03:40 PM — checks from other networks confirm it\. 4 other services are affected too\.$/,
      );
    await en.page.locator('.service h3', { hasText: 'Gmail / Google Workspace' }).waitFor();
    const names = await en.page.locator('.service h3').allTextContents();
    for (const name of ['WhatsApp', 'Instagram', 'Messenger', 'Slack', 'Telegram']) {
      expect(names.some((n) => n.startsWith(name))).toBe(true);
    }
    expect(names.join(' ')).not.toMatch(/Chat|lab\.test/);
    expect(await seriousViolations(en.page)).toEqual([]);
    await lightAndDark(en.page, 'replay-overview-light', 'replay-overview-dark');

    // WhatsApp's own view: its 90 days end in the outage, the evidence names its hosts.
    await en.push({ type: 'focusService', serviceId: 'whatsapp' });
    await en.page.locator('.uptime').waitFor();
    expect(await en.page.getByRole('heading', { level: 2 }).textContent()).toBe('WhatsApp');
    await expect.poll(() => en.page.locator('main').textContent()).toMatch(/web\.whatsapp\.com/);
    await en.page.screenshot({ path: screenshotPath('replay-service-light'), fullPage: true });

    // The checklist the outage opened, on its next step.
    await en.page.getByRole('button', { name: 'Checklist' }).click();
    await en.page.locator('.next-step').waitFor();
    expect(await en.page.getByRole('heading', { level: 2 }).textContent()).toMatch(
      /^Checklist: (Facebook|Instagram|WhatsApp)/,
    );
    await en.page.screenshot({ path: screenshotPath('replay-checklist-light'), fullPage: true });

    // The settings list the catalog, and say what a month of checks costs.
    await en.page.getByRole('button', { name: 'Settings' }).click();
    await en.page.getByRole('row', { name: /Gmail \/ Google Workspace/ }).waitFor();
    await en.page.getByText('A month of checks').waitFor();
    await en.page.screenshot({ path: screenshotPath('replay-settings-light') });
    expect(en.errors).toEqual([]);
    en.close();
  }, 60_000);

  it('4 October 2021: Meta down for everyone, in French, light and dark', async () => {
    const fr = await replay('meta-outage', 'fr');
    await expect
      .poll(() => fr.page.locator('.banner-text').textContent())
      .toMatch(/^Facebook est en panne pour tout le monde depuis /);
    expect(await seriousViolations(fr.page)).toEqual([]);
    await lightAndDark(fr.page, 'replay-overview-fr', 'replay-overview-fr-dark');
    fr.close();
  });

  it('4 October 2021: Meta down for everyone, in Arabic, light and dark', async () => {
    const ar = await replay('meta-outage', 'ar');
    await expect.poll(() => ar.page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect
      .poll(() => ar.page.locator('.banner-text').textContent())
      .toMatch(/^خدمة Facebook /);
    expect(await seriousViolations(ar.page)).toEqual([]);
    await lightAndDark(ar.page, 'replay-overview-ar', 'replay-overview-ar-dark');
    ar.close();
  });

  it('WhatsApp blocked by the user’s network while Meta says all is well, in English, light and dark', async () => {
    const en = await replay('network-block', 'en');
    await expect
      .poll(() => en.page.locator('.banner-text').textContent())
      .toBe('Your connection cannot reach WhatsApp, while other networks in your country can');
    expect(await seriousViolations(en.page)).toEqual([]);
    await lightAndDark(en.page, 'replay-block-light', 'replay-block-dark');
    en.close();
  });

  it('WhatsApp blocked by the user’s network, in French, light and dark', async () => {
    const fr = await replay('network-block', 'fr');
    await expect
      .poll(() => fr.page.locator('.banner-text').textContent())
      .toMatch(/^Votre connexion ne joint pas WhatsApp/);
    await lightAndDark(fr.page, 'replay-block-fr', 'replay-block-fr-dark');
    fr.close();
  });

  it('WhatsApp blocked by the user’s network, in Arabic, light and dark', async () => {
    const ar = await replay('network-block', 'ar');
    await expect.poll(() => ar.page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect
      .poll(() => ar.page.locator('.banner-text').textContent())
      .toBe('اتصالك لا يصل إلى خدمة WhatsApp، بينما تصل إليها شبكات أخرى في بلدك');
    expect(await seriousViolations(ar.page)).toEqual([]);
    await lightAndDark(ar.page, 'replay-block-ar', 'replay-block-ar-dark');
    expect(ar.errors).toEqual([]);
    ar.close();
  });
});
