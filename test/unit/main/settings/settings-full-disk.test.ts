// Settings on a disk that is full from the start: the app still starts on the settings it could
// read, and a change the disk refuses is not shown as made.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotSavedError } from '../../../../main/history/problem';
import { SettingsStore } from '../../../../main/settings/settings-store';
import { createHandlers, type HandlerDeps } from '../../../../main/shell/handlers';
import { createTranslator } from '../../../../shared/i18n';
import { smallDisk } from '../../../helpers/small-disk';
import { REAL_START } from '../../../helpers/clock';

describe('settings on a full disk', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const undo of cleanup.splice(0).reverse()) undo();
  });
  /** A small real disk (a tmpfs where the test may mount one, else the fault layer). */
  const disk = () => {
    const small = smallDisk();
    cleanup.push(() => small.close());
    return small;
  };

  it('opens with what it read and says the file was not saved, instead of failing the start', () => {
    const small = disk();
    const dir = small.dir;
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ version: 1, intervalSeconds: 120 }));
    small.fill();
    const opened = SettingsStore.open(dir, () => REAL_START);
    expect(opened.notSaved).toMatch(/ENOSPC/);
    expect(opened.store.get().intervalSeconds).toBe(120);
  });

  it('a change the disk refuses throws and leaves the settings as they were; it works once space is back', () => {
    const small = disk();
    const dir = small.dir;
    const { store, notSaved } = SettingsStore.open(dir, () => REAL_START);
    expect(notSaved).toBeNull();
    small.fill();
    expect(() => store.update((s) => ({ ...s, intervalSeconds: 300 }))).toThrow(NotSavedError);
    expect(store.get().intervalSeconds).toBe(60);
    // The window is told in its language, not in the file system's English.
    const handlers = createHandlers({
      updateSettings: (patch) => store.update((s) => ({ ...s, ...patch })),
      translator: () => createTranslator('fr'),
    } as Partial<HandlerDeps> as HandlerDeps);
    expect(() => handlers['settings:set']({ intervalSeconds: 300 })).toThrow(
      `Non enregistré\u00a0: le disque de ${dir} est plein\u202f; libérez de la place.`,
    );
    expect(store.get().intervalSeconds).toBe(60);
    small.free();
    store.update((s) => ({ ...s, intervalSeconds: 300 }));
    expect(SettingsStore.open(dir, () => REAL_START).store.get().intervalSeconds).toBe(300);
  });
});
