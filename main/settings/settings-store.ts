// The settings file: conf (electron-store's own core: atomic writes, injectable folder) under our
// zod schema and our migrations. A damaged file is kept aside, what can be saved is saved, the
// rest goes back to defaults, and the caller is told so it can tell the user.
import { messageOf } from '../../shared/errors';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Conf from 'conf';
import { createTranslator } from '../../shared/i18n';
import { decodeJsonText, jsonProblem } from '../engine/json-text';
import { NotSavedError, writeProblem } from '../history/problem';
import {
  defaultSettings,
  salvageSettings,
  SETTINGS_VERSION,
  type Settings,
} from '../../shared/settings-schema';

/** Migrations by the version they upgrade from. */
const MIGRATIONS: Readonly<
  Record<number, (old: Record<string, unknown>) => Record<string, unknown>>
> = {
  // Version 0: settings written before the schema had a version (early development builds).
  0: (old) => {
    const { notify, ...rest } = old;
    return {
      ...rest,
      ...(typeof notify === 'boolean' ? { notifications: { enabled: notify } } : {}),
      version: 1,
    };
  },
};

/** Runs every migration from the stored version up to the current one. */
export function migrate(stored: Record<string, unknown>): Record<string, unknown> {
  let current = stored;
  let version = typeof current['version'] === 'number' ? current['version'] : 0;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    current = step(current);
    version++;
  }
  return current;
}

/** What opening the settings found. */
export interface OpenedSettings {
  readonly store: SettingsStore;
  /**
   * Set when the file could not be read as it was: where the original was kept, why, and whether
   * nothing of it could be kept (`whole`) or only its invalid fields went back to their defaults.
   */
  readonly reset: {
    readonly backup: string;
    readonly problems: readonly string[];
    readonly whole: boolean;
  } | null;
  /** Why the settings could not be written at start (a full disk), or null: they are used anyway. */
  readonly notSaved: string | null;
}

/** Reads and writes the settings in `dir/settings.json`. */
export class SettingsStore {
  private constructor(
    private readonly conf: Conf<Record<string, unknown>>,
    private current: Settings,
  ) {}

  /** Opens the settings file, recovering from a damaged one. */
  static open(dir: string, now: () => number = Date.now): OpenedSettings {
    const path = join(dir, 'settings.json');
    // No settings yet: a fresh install, welcomed by the first run.
    const fresh = !existsSync(path);
    let conf: Conf<Record<string, unknown>>;
    let backup: string | null = null;
    let problems: string[] = [];
    let whole = false;
    try {
      conf = new Conf({ cwd: dir, configName: 'settings', clearInvalidConfig: false });
    } catch (error) {
      // Not JSON at all: keep it aside for a person to look at, start from defaults.
      problems = [`not readable as settings (${unreadableWhy(path, error)})`];
      whole = true;
      backup = `${path}.damaged-${now()}`;
      if (existsSync(path)) renameSync(path, backup);
      conf = new Conf({ cwd: dir, configName: 'settings', clearInvalidConfig: false });
    }
    const salvaged = salvageSettings(migrate(conf.store));
    if (salvaged.problems.length > 0 && backup === null) {
      backup = `${path}.damaged-${now()}`;
      if (existsSync(conf.path)) renameSync(conf.path, backup);
      problems = salvaged.problems;
    }
    const store = new SettingsStore(
      conf,
      fresh ? { ...salvaged.settings, firstRun: 'pending' } : salvaged.settings,
    );
    // A disk full (or read-only) at start costs the file, not the start: the settings read are used.
    let notSaved: string | null = null;
    try {
      store.write();
    } catch (error) {
      notSaved = messageOf(error);
    }
    return { store, reset: backup ? { backup, problems, whole } : null, notSaved };
  }

  /** The current settings. */
  get(): Settings {
    return this.current;
  }

  /** Changes some settings; the result must be valid as a whole, or nothing changes. */
  update(change: (settings: Settings) => Settings): Settings {
    const next = salvageSettings(change(this.current));
    // English on purpose: the window's changes were checked field by field against this schema
    // (shared/ipc.ts, in the window's language) before they get here, so only a bug in main
    // can make a whole that is invalid.
    if (next.problems.length > 0) throw new Error(`invalid settings: ${next.problems.join('; ')}`);
    // Written first: a change the disk refuses is not shown as made.
    this.saved(next.settings);
    this.current = next.settings;
    return this.current;
  }

  /** Restores every default (the file is rewritten). */
  resetToDefaults(): Settings {
    const defaults = defaultSettings();
    this.saved(defaults);
    this.current = defaults;
    return this.current;
  }

  /**
   * Writes a change the window asked for; one the disk refuses (full, read-only) is a
   * NotSavedError, whose words the window says in its language ("Non enregistré : le disque…").
   */
  private saved(settings: Settings): void {
    try {
      this.write(settings);
    } catch (error) {
      throw new NotSavedError(writeProblem(error, dirname(this.conf.path), Date.now()));
    }
  }

  private write(settings: Settings = this.current): void {
    this.conf.store = settings as unknown as Record<string, unknown>;
  }
}

/** Why the settings file could not be read: its JSON mistake with line and column, in English. */
function unreadableWhy(path: string, error: unknown): string {
  try {
    const decoded = decodeJsonText(readFileSync(path));
    const problem = decoded.ok ? jsonProblem(decoded.text) : decoded.problem;
    if (problem) return createTranslator('en').t(problem.key, problem.values);
  } catch {
    // Not readable at all: conf's own words say why.
  }
  return messageOf(error);
}
