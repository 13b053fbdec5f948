// The first run and Settings → Services over the whole catalog, in Chromium: a seller in Abidjan
// set up in English, a Paris comms manager in French, a shop in Casablanca in Arabic (right to
// left); searching the catalog by name, alias, category, accents and Arabic names; light and dark,
// checked with axe. Screenshots go to docs/ (the README's) and artifacts/screenshots.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../main/engine/catalog';
import { openPage, screenshotPath } from './harness';
import { allWell, inBothThemes, openWindow, startWorld, type World } from './world';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
let world: World;

beforeAll(async () => {
  // The whole catalog is listed, switched off: only the lab's Chat is ever checked.
  const catalog = defaultConfig().services.map((s) => ({ ...s, enabled: false }));
  world = await startWorld({ catalog });
}, 90_000);

afterAll(() => world?.close());

beforeEach(async () => {
  allWell(world);
  world.settings.update((s) => ({
    ...s,
    language: 'en',
    theme: 'system',
    services: {},
    backupChannels: [],
    firstRun: 'pending',
    secondOpinion: { ...s.secondOpinion, country: null },
  }));
  await world.engine.scheduler.checkNow();
});

/** Opens the window as a person on a system in `locale` would, on the first run's first step. */
async function firstRun(locale: string) {
  const opened = await openPage(world.browser, world.pageFile, world.handlers(), locale);
  await opened.page.locator('.first-run h2').waitFor();
  return opened;
}

const checked = (page: Page) =>
  page
    .locator('.picks')
    .first()
    .locator('input:checked')
    .evaluateAll((boxes) =>
      boxes.map((b) => b.closest('label')?.querySelector('bdi')?.textContent ?? ''),
    );

/** Saves a screenshot under docs/ as well, for the README. */
async function toDocs(page: Page, name: string, fullPage = true): Promise<void> {
  const path = screenshotPath(name);
  await page.screenshot({ path, fullPage });
  copyFileSync(path, join(DOCS, `${name}.png`));
}

describe('the first run', () => {
  it('sets up a seller in Côte d’Ivoire: country from the system, the usual services ticked, backup channels', async () => {
    const { page, errors } = await firstRun('en-CI');
    // Step 1: the heading has the focus; the country comes from the system's locale.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Language and country');
    expect(await page.getByLabel('Country', { exact: true }).inputValue()).toBe('CI');
    await page.getByRole('button', { name: 'Next' }).press('Enter');

    // Step 2: a suggestion, said as one, with the services usual in Côte d'Ivoire ticked.
    await page.getByRole('heading', { name: 'What does your business run on?' }).waitFor();
    expect(await page.locator('.first-run p').nth(2).textContent()).toContain(
      'A suggestion for your country (Côte d’Ivoire)',
    );
    expect(await checked(page)).toEqual([
      'Facebook',
      'TikTok',
      'WhatsApp',
      'Jumia',
      'Orange Money',
      'MTN Mobile Money (MoMo)',
      'Wave',
      'Moov Money (Flooz)',
    ]);
    const data = page.locator('.first-run [aria-live]');
    const before = await data.textContent();
    expect(before).toMatch(/^Data each month, estimated: [\d.,]+ (megabytes|MB)/);
    // The whole catalog is searchable: Canva added, the month of data grows.
    await page.getByLabel('Search the catalog').fill('canva');
    await page.getByRole('checkbox', { name: 'Canva' }).check();
    await expect.poll(() => data.textContent()).not.toBe(before);
    const themes = await inBothThemes(page, 'first-run-services');
    expect(themes).toEqual({ light: [], dark: [] });
    await toDocs(page, 'first-run');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 3: backup channels; SMS and phone ticked, WhatsApp added.
    await page
      .getByRole('heading', { name: 'When a platform is down, how do you reach customers?' })
      .waitFor();
    await page.getByRole('checkbox', { name: 'WhatsApp' }).check();
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 4: alerts on the phone (test/e2e/first-run-phone.test.ts), skipped here.
    await page.getByRole('heading', { name: 'Alerts on your phone' }).waitFor();
    await page.getByRole('button', { name: 'Skip this step' }).click();

    await page.locator('#view-heading').waitFor();
    const saved = world.settings.get();
    expect(saved.firstRun).toBe('done');
    expect(saved.secondOpinion.country).toBe('CI');
    expect(saved.backupChannels).toEqual(['sms', 'phone', 'whatsapp']);
    // What her business runs on is critical to it: the phone alerts cover mobile money too.
    for (const id of ['orange-money', 'mtn-momo', 'wave', 'canva'])
      expect(saved.services[id], id).toMatchObject({ enabled: true, critical: true });
    expect(errors).toEqual([]);
  });

  it('speaks French on a French system, suggests what Paris runs on, and can be skipped', async () => {
    world.settings.update((s) => ({ ...s, language: 'system' }));
    const { page, errors } = await firstRun('fr-FR');
    expect(await page.locator('.first-run h2').textContent()).toBe('Langue et pays');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('heading', { name: 'Sur quoi repose votre activité\u202f?' }).waitFor();
    expect(await checked(page)).toEqual(
      expect.arrayContaining(['Instagram', 'LinkedIn', 'Gmail / Google Workspace', 'Canva']),
    );
    await inBothThemes(page, 'first-run-fr');
    await toDocs(page, 'first-run-fr');
    // Skipped: nothing of this step is applied, the window opens.
    await page.getByRole('button', { name: 'Passer la configuration' }).click();
    await page.locator('#view-heading').waitFor();
    expect(world.settings.get()).toMatchObject({ firstRun: 'done', services: {} });
    expect(world.settings.get().secondOpinion.country).toBe('FR');
    expect(errors).toEqual([]);
  });

  it('reads right to left in Arabic, and finds services by their Arabic names', async () => {
    world.settings.update((s) => ({ ...s, language: 'ar' }));
    const { page, errors } = await firstRun('ar-MA');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('button', { name: 'التالي' }).click();
    await page.getByRole('heading', { name: 'على ماذا يعتمد عملك؟' }).waitFor();
    expect(await checked(page)).toEqual(expect.arrayContaining(['Avito', 'WhatsApp']));
    await page.getByLabel('البحث في الدليل').fill('اورانج');
    await page.getByRole('checkbox', { name: 'Orange Money' }).waitFor();
    const themes = await inBothThemes(page, 'first-run-ar');
    expect(themes).toEqual({ light: [], dark: [] });
    await toDocs(page, 'first-run-ar');
    expect(errors).toEqual([]);
  });
});

describe('Settings → Services', () => {
  beforeEach(() => world.settings.update((s) => ({ ...s, firstRun: 'done' })));

  it('searches the whole catalog by category, alias and accents; one click watches and makes critical', async () => {
    const { page, errors } = await openWindow(world);
    await page.getByRole('button', { name: 'Settings' }).click();
    const search = page.getByLabel('Search the catalog');
    await search.fill('paiement');
    await page.getByRole('rowheader', { name: /Orange Money/ }).waitFor();
    expect(await page.locator('.catalog-count').textContent()).toMatch(/^\d+ services found$/);
    await page.getByRole('checkbox', { name: 'Critical: Wave' }).check();
    await expect
      .poll(() => world.settings.get().services['wave'])
      .toEqual({ enabled: true, critical: true, muted: false });
    // An old name and an accent-free spelling find their service.
    await search.fill('sendinblue');
    await page.getByRole('rowheader', { name: /Brevo/ }).waitFor();
    await search.fill('cote divoire');
    await page.getByRole('rowheader', { name: /Wave/ }).waitFor();
    const themes = await inBothThemes(page, 'catalog-search');
    expect(themes).toEqual({ light: [], dark: [] });
    await toDocs(page, 'catalog-search', false);
    // Empty search: what is watched, and the user's own service still possible beside them.
    await search.fill('');
    expect(await page.getByRole('rowheader', { name: /Wave/ }).count()).toBe(1);
    await page
      .getByRole('heading', { name: 'Add your own service' })
      .or(page.getByText('Add your own service'))
      .first()
      .waitFor();
    // Settings can run the first run again.
    await page.getByRole('button', { name: 'Set up again' }).click();
    await page.locator('.first-run h2').waitFor();
    expect(errors).toEqual([]);
  });

  it('offers every catalog entry, at least 150, category by category, each one click from watched', async () => {
    const { page, errors } = await openWindow(world);
    await page.getByRole('button', { name: 'Settings' }).click();
    const category = page.getByLabel('Category', { exact: true });
    await category.waitFor();
    const values = await category
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    let offered = 0;
    for (const value of values.filter((v) => v !== '')) {
      await category.selectOption(value);
      const count = await page.locator('.catalog-count').textContent();
      offered += Number(/^(\d+) services? found$/.exec(count ?? '')?.[1] ?? 0);
    }
    // The whole catalog, and the lab's Chat this world watches.
    const catalog = defaultConfig().services;
    expect(offered).toBe(catalog.length + world.config.services.length);
    expect(offered).toBeGreaterThanOrEqual(150);
    // The last entry of the catalog, found and watched in one click.
    const last = catalog.at(-1)!;
    await category.selectOption('');
    await page.getByLabel('Search the catalog').fill(last.name);
    await page.getByRole('checkbox', { name: `Watch: ${last.name}` }).check();
    await expect.poll(() => world.settings.get().services[last.id]?.enabled).toBe(true);
    expect(errors).toEqual([]);
  });

  it('finds Arabic names right to left, and French categories in French', async () => {
    world.settings.update((s) => ({ ...s, language: 'ar' }));
    const ar = await openWindow(world);
    await ar.page.getByRole('button', { name: 'الإعدادات' }).click();
    await ar.page.getByLabel('البحث في الدليل').fill('واتساب');
    await ar.page.getByRole('rowheader', { name: /WhatsApp Business Platform/ }).waitFor();
    const themes = await inBothThemes(ar.page, 'catalog-search-ar');
    expect(themes).toEqual({ light: [], dark: [] });
    await toDocs(ar.page, 'catalog-search-ar', false);
    expect(ar.errors).toEqual([]);

    world.settings.update((s) => ({ ...s, language: 'fr' }));
    const fr = await openWindow(world);
    await fr.page.getByRole('button', { name: 'Réglages' }).click();
    await fr.page.getByLabel('Catégorie').selectOption('delivery');
    await fr.page.getByRole('rowheader', { name: /Glovo/ }).waitFor();
    expect(await fr.page.locator('.catalog-count').textContent()).toMatch(/services trouvés$/);
    await inBothThemes(fr.page, 'catalog-search-fr');
    expect(fr.errors).toEqual([]);
  });
});
