// The window on a replayed day: a data folder holding the replayed history, settings (a user
// already set up, in the given language) and checklist, handlers over them, and the page open on
// them at the replay's time. Shared by the replay end-to-end tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createTranslator, type Language } from '../../shared/i18n';
import type { Snapshot } from '../../shared/types';
import { defaultConfig } from '../../main/engine/catalog';
import { Checklist } from '../../main/playbooks';
import { SettingsStore } from '../../main/settings/settings-store';
import { createHandlers } from '../../main/shell/handlers';
import { openPage } from './harness';
import { REPLAY_AT, replayScheduler, seedReplayHistory, type Scenario } from './replay';

export interface ReplayWindowOptions {
  readonly browser: Browser;
  readonly pageFile: string;
  /** Where the folder is made (the caller removes it). */
  readonly prefix: string;
  readonly scenario: Scenario;
  readonly snapshot: Snapshot;
  readonly language: Language;
  /** Start the checklist runs of the incidents still open (as the app would on that snapshot). */
  readonly startRuns?: boolean;
}

/** Opens the window on a replay; returns the page, its folder and how to close the stores. */
export async function openReplayWindow(options: ReplayWindowOptions) {
  const { scenario, snapshot, language } = options;
  const dir = mkdtempSync(join(tmpdir(), options.prefix));
  const history = seedReplayHistory(dir, scenario);
  const settings = SettingsStore.open(dir).store;
  // A user already set up (the first run has its own tests: test/e2e/catalog.test.ts).
  settings.update((s) => ({ ...s, language, firstRun: 'done' }));
  const checklist = new Checklist(dir, () => REPLAY_AT);
  if (options.startRuns)
    checklist.observe(
      snapshot,
      history.incidents().filter((i) => i.end === null),
    );
  const config = defaultConfig();
  const handlers = createHandlers({
    scheduler: () => replayScheduler(snapshot),
    history,
    settings: () => settings.get(),
    updateSettings: (patch) => settings.update((s) => ({ ...s, ...patch })),
    openExternal: async () => undefined,
    catalog: () => config,
    tryService: () => Promise.reject(new Error('nothing is checked in a replay')),
    saveFile: async () => null,
    dataDir: dir,
    version: '1.0.0',
    checklist,
    translator: () => createTranslator(language),
    copy: () => undefined,
    now: () => REPLAY_AT,
  });
  const locale = { en: 'en-US', fr: 'fr-FR', ar: 'ar-MA' }[language];
  const opened = await openPage(options.browser, options.pageFile, handlers, locale, REPLAY_AT);
  await opened.page.locator('#view-heading').waitFor();
  return {
    ...opened,
    dir,
    close: () => {
      history.close();
      checklist.close();
    },
  };
}
