// A new user set up by the first run's default path, in Chromium over the handlers the app runs:
// every answer accepted as offered (country from the system, the services usual there, the backup
// channels ticked), the phone step skipped. What it takes is counted, not timed: four clicks with
// the mouse, and a bounded number of key presses with the keyboard alone (the wall time of the
// automated walk is the `firstrun.walk_ms` row of `npm run bench`). Settings runs it again.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../main/engine/catalog';
import { countryPicks } from '../../shared/country-picks';
import { openPage } from './harness';
import { asNewUser, ENGLISH_WALK, walkByKeyboard, walkByMouse } from './first-run-walk';
import { allWell, startWorld, type World } from './world';

let world: World;

beforeAll(async () => {
  // The whole catalog is listed, switched off: only the lab's Chat is ever checked.
  const catalog = defaultConfig().services.map((s) => ({ ...s, enabled: false }));
  world = await startWorld({ catalog });
}, 90_000);

afterAll(() => world?.close());

beforeEach(() => {
  allWell(world);
  asNewUser(world);
});

/** Opens the window as a new user on an English system in Côte d'Ivoire would see it. */
async function newUser(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(world.browser, world.pageFile, world.handlers(), 'en-CI');
  await opened.page.locator('.first-run h2').waitFor();
  return opened;
}

/** What the default path must have set up: the suggestion for Côte d'Ivoire, as offered. */
function expectSetUp(): void {
  const saved = world.settings.get();
  expect(saved.firstRun).toBe('done');
  expect(saved.secondOpinion.country).toBe('CI');
  expect(saved.backupChannels).toEqual(['sms', 'phone']);
  const watched = Object.entries(saved.services)
    .filter(([, choice]) => choice.enabled)
    .map(([id]) => id)
    .sort();
  expect(watched).toEqual([...(countryPicks('CI') ?? [])].sort());
  expect(saved.alerts.channels).toEqual([]);
}

describe('the first run’s default path', () => {
  it('sets up a new user in four clicks: Next, Next, Next, then the phone step skipped', async () => {
    const { page, errors } = await newUser();
    expect(await walkByMouse(page, ENGLISH_WALK)).toBe(4);
    expectSetUp();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes the keyboard alone from each step’s heading to its buttons in few keys', async () => {
    const { page, errors } = await newUser();
    // Each step's heading has the focus; Tab reaches the buttons past the step's own fields.
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('H2');
    const keys = await walkByKeyboard(page, ENGLISH_WALK);
    // Measured: 36 = 4 Enter and 32 Tab (4 past language and country, 12 past the 8 suggested
    // services and the search, 11 past the 8 backup channels, 5 on the phone step).
    expect(keys).toBeLessThanOrEqual(36);
    expectSetUp();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('skips each step without applying what it offered, and ends on the overview', async () => {
    const { page, errors } = await newUser();
    const skip = ENGLISH_WALK.skipStep;
    expect(await walkByMouse(page, { next: skip, skipStep: skip })).toBe(4);
    const saved = world.settings.get();
    expect(saved.firstRun).toBe('done');
    expect(saved.secondOpinion.country).toBeNull();
    expect(saved.services).toEqual({});
    expect(saved.backupChannels).toEqual([]);
    expect(saved.alerts.channels).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs again from Settings with the answers already given, and the same four clicks keep them', async () => {
    const { page, errors } = await newUser();
    await walkByMouse(page, ENGLISH_WALK);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Set up again' }).click();
    await page.locator('.first-run h2').waitFor();
    expect(await page.getByLabel('Country', { exact: true }).inputValue()).toBe('CI');
    expect(await walkByMouse(page, ENGLISH_WALK)).toBe(4);
    expectSetUp();
    expect(errors).toEqual([]);
    await page.close();
  });
});
