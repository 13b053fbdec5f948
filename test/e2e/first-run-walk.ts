// The first run's default path as a new user takes it: each step's answer accepted as offered
// (language and country from the system, the services usual in that country, the backup channels
// ticked), the phone step skipped. Walked with the mouse (counting clicks) or with the keyboard
// alone (counting key presses: Tab to the button, Enter on it), from the first step's heading to
// the overview. Used by test/e2e/first-run-walk.test.ts and by `npm run bench` (firstrun.*).
import type { Page } from 'playwright-core';
import type { World } from './world';

/** The buttons of the default path, in the window's language. */
export interface WalkWords {
  readonly next: string;
  readonly skipStep: string;
}

export const ENGLISH_WALK: WalkWords = { next: 'Next', skipStep: 'Skip this step' };

/** Settings as a new user's: nothing chosen, no country, no channel, the first run pending. */
export function asNewUser(world: World): void {
  world.settings.update((s) => ({
    ...s,
    language: 'system',
    services: {},
    backupChannels: [],
    firstRun: 'pending',
    secondOpinion: { ...s.secondOpinion, country: null },
    alerts: { ...s.alerts, channels: [] },
  }));
}

/** The buttons pressed, in order: Next on the three first steps, then the phone step skipped. */
const path = (words: WalkWords) => [words.next, words.next, words.next, words.skipStep];

/** The step's title: the heading that has the focus. */
const title = (page: Page) => page.locator('.first-run h2').textContent();

/** Waits for the step after the one titled `from` (its heading), or the overview after the last. */
async function stepDone(page: Page, step: number, from: string | null): Promise<void> {
  if (step === 3) await page.locator('#view-heading').waitFor();
  else
    await page.waitForFunction(
      `document.querySelector('.first-run h2')?.textContent !== ${JSON.stringify(from)}`,
    );
}

/** The default path with the mouse; the number of clicks. */
export async function walkByMouse(page: Page, words: WalkWords): Promise<number> {
  let clicks = 0;
  for (const [step, name] of path(words).entries()) {
    const from = await title(page);
    await page.locator('.first-run-nav').getByRole('button', { name, exact: true }).click();
    clicks += 1;
    await stepDone(page, step, from);
  }
  return clicks;
}

/** Whether the focused element is the button named `name` (evaluated in the page). */
const focusedOn = async (page: Page, name: string) =>
  (await page.evaluate(
    "document.activeElement?.tagName === 'BUTTON' ? document.activeElement.textContent : null",
  )) === name;

/**
 * The default path with the keyboard alone, from the focus each step gives its heading: Tab until
 * the button has the focus, then Enter. The number of keys pressed.
 */
export async function walkByKeyboard(page: Page, words: WalkWords): Promise<number> {
  let keys = 0;
  for (const [step, name] of path(words).entries()) {
    const from = await title(page);
    let tabs = 0;
    while (!(await focusedOn(page, name))) {
      if (++tabs > 60) throw new Error(`the keyboard never reaches "${name}" on step ${step + 1}`);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    keys += tabs + 1;
    await stepDone(page, step, from);
  }
  return keys;
}
