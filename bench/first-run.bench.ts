// The first run's default path (test/e2e/first-run-walk.ts), walked in Debian's Chromium over the
// handlers the app runs: what it takes a new user, counted (clicks, or keys with the keyboard
// alone), and the wall time of the automated walk, from opening the window to the overview. The
// walk's time is the machine's, not a person's: a person reads each step; the counts say how
// little they have to do.
import { defaultConfig } from '../main/engine/catalog';
import { openPage } from '../test/e2e/harness';
import { asNewUser, ENGLISH_WALK, walkByKeyboard, walkByMouse } from '../test/e2e/first-run-walk';
import { allWell, startWorld } from '../test/e2e/world';
import type { Bench, Report } from './bench';
import { median } from './history.bench';

const RUNS = 5;

async function firstRun(report: Report): Promise<void> {
  // The whole catalog is listed, switched off: only the lab's Chat is ever checked.
  const catalog = defaultConfig().services.map((s) => ({ ...s, enabled: false }));
  const world = await startWorld({ catalog });
  const walk = async (by: typeof walkByMouse) => {
    asNewUser(world);
    const started = performance.now();
    const { page } = await openPage(world.browser, world.pageFile, world.handlers(), 'en-CI');
    await page.locator('.first-run h2').waitFor();
    const actions = await by(page, ENGLISH_WALK);
    const ms = performance.now() - started;
    await page.context().close();
    return { actions, ms };
  };
  try {
    allWell(world);
    const times: number[] = [];
    let clicks = 0;
    for (let run = 0; run < RUNS; run++) {
      const walked = await walk(walkByMouse);
      clicks = walked.actions;
      times.push(walked.ms);
    }
    const keys = (await walk(walkByKeyboard)).actions;
    report(
      'firstrun.walk_ms',
      Math.round(median(times)),
      `ms (window opened to the overview, the default path walked by the mouse in Chromium: country and suggested services accepted, backup channels kept, phone step skipped; median of ${RUNS})`,
    );
    report('firstrun.walk_clicks', clicks, 'clicks (the same path: Next ×3, Skip this step)');
    report(
      'firstrun.walk_keys',
      keys,
      'keys (the same path with the keyboard alone: Tab from each step’s heading to its button, Enter)',
    );
  } finally {
    await world.close();
  }
}

export const firstRunBenches: readonly Bench[] = [{ name: 'firstrun', run: firstRun }];
