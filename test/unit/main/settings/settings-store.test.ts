// Settings survive as the user left them; a damaged file costs nothing but the damaged part.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/settings-schema';
import { SettingsStore } from '../../../../main/settings/settings-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => join(dir, 'settings.json');

describe('settings', () => {
  it('start from the defaults and keep what the user changes', () => {
    const { store, reset } = SettingsStore.open(dir);
    expect(reset).toBeNull();
    // A fresh install: the defaults, and the first run to welcome the user.
    expect(store.get()).toEqual({ ...defaultSettings(), firstRun: 'pending' });
    store.update((s) => ({
      ...s,
      language: 'ar',
      quietHours: { enabled: true, from: '23:00', to: '06:30' },
    }));
    const again = SettingsStore.open(dir).store.get();
    expect(again.language).toBe('ar');
    expect(again.quietHours).toEqual({ enabled: true, from: '23:00', to: '06:30' });
    // Settings that exist are not a fresh install: the first run stays as it was left.
    expect(again.firstRun).toBe('pending');
    store.update((s) => ({ ...s, firstRun: 'done' }));
    expect(SettingsStore.open(dir).store.get().firstRun).toBe('done');
  });

  it('read settings written before the first run existed as set up already', () => {
    writeFileSync(file(), JSON.stringify({ version: 1, language: 'fr' }));
    const { store } = SettingsStore.open(dir);
    expect(store.get()).toMatchObject({ language: 'fr', firstRun: 'done', backupChannels: [] });
  });

  it('refuses an invalid change and keeps the settings as they were', () => {
    const { store } = SettingsStore.open(dir);
    expect(() => store.update((s) => ({ ...s, intervalSeconds: 5 }))).toThrow(/intervalSeconds/);
    expect(store.get().intervalSeconds).toBe(60);
    expect(JSON.parse(readFileSync(file(), 'utf8')).intervalSeconds).toBe(60);
  });

  it('a file that is not JSON is kept aside; defaults come back and the caller is told', () => {
    writeFileSync(file(), '{"language": "fr", oops');
    const { store, reset } = SettingsStore.open(dir, () => 1234);
    expect(store.get()).toEqual(defaultSettings());
    expect(reset?.backup).toBe(`${file()}.damaged-1234`);
    expect(reset?.whole).toBe(true);
    expect(readFileSync(`${file()}.damaged-1234`, 'utf8')).toBe('{"language": "fr", oops');
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ version: 1 });
    expect(reset?.problems).toEqual([
      'not readable as settings (a name without double quotes at line 1, column 20)',
    ]);
  });

  it('a trailing comma V8 words without a position is said with its line and column', () => {
    writeFileSync(file(), '{\n  "language": "fr",\n}\n');
    const { reset } = SettingsStore.open(dir, () => 7);
    expect(reset?.problems).toEqual([
      'not readable as settings (a comma before "}" at line 3, column 1: JSON allows no comma after the last item)',
    ]);
  });

  it('a bad field falls back to its default; the good ones are kept', () => {
    writeFileSync(
      file(),
      JSON.stringify({ version: 1, language: 'fr', intervalSeconds: 'often', theme: 'dark' }),
    );
    const { store, reset } = SettingsStore.open(dir, () => 99);
    expect(store.get()).toMatchObject({ language: 'fr', theme: 'dark', intervalSeconds: 60 });
    expect(reset?.problems).toEqual([expect.stringMatching(/^intervalSeconds: /)]);
    expect(reset?.whole).toBe(false);
    expect(existsSync(`${file()}.damaged-99`)).toBe(true);
  });

  it('migrates settings written before versions existed', () => {
    writeFileSync(file(), JSON.stringify({ notify: false, language: 'fr' }));
    const { store, reset } = SettingsStore.open(dir);
    expect(reset).toBeNull();
    expect(store.get()).toMatchObject({
      version: 1,
      language: 'fr',
      notifications: { enabled: false, down: true },
    });
  });

  it('Slack turned off with one bad field stays off after a restart, and the user is told', () => {
    writeFileSync(
      file(),
      JSON.stringify({ version: 1, services: { slack: { enabled: false, muted: 'yes' } } }),
    );
    const { store, reset } = SettingsStore.open(dir, () => 5);
    expect(store.get().services['slack']).toEqual({ enabled: false, muted: false });
    expect(reset).toEqual({
      backup: `${file()}.damaged-5`,
      problems: [expect.stringMatching(/^services\.slack\.muted: /)],
      whole: false,
    });
    expect(SettingsStore.open(dir).store.get().services['slack']?.enabled).toBe(false);
  });
});
