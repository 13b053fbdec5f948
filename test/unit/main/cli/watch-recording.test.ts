// Every fault of what `watch` records says itself on stderr, in the user's language, and so does
// its end: the history and the checklist's runs on a disk that fills up and is freed (through the
// fault layer; the lab runs the same on a real tmpfs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE } from '../../../../shared/durations';
import { createTranslator, type Language } from '../../../../shared/i18n';
import { openWatchRecording } from '../../../../main/cli/watch-recording';
import { RETRY_DELAYS_MS } from '../../../../main/history/retry';
import { installFullDisk, type FullDisk } from '../../../helpers/full-disk';
import { snapshotAt } from '../../../helpers/snapshots';

const T0 = Date.UTC(2021, 9, 4, 15, 40);
let dir: string;
let disk: FullDisk;
beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  dir = mkdtempSync(join(tmpdir(), 'vigie-watch-recording-'));
  disk = installFullDisk(dir);
});
afterEach(() => {
  disk.uninstall();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

async function fullThenFreed(language: Language): Promise<string[]> {
  const err: string[] = [];
  const out: string[] = [];
  const recording = openWatchRecording(dir, {
    tr: createTranslator(language),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  recording.record(snapshotAt(T0, { wa: { state: 'down' } }));
  expect(recording.checklist?.runs.book.active()?.services.map((s) => s.id)).toEqual(['wa']);
  disk.full = true;
  // A second service goes down: its incident and its joining the run are refused.
  vi.setSystemTime(T0 + MINUTE);
  recording.record(snapshotAt(T0 + MINUTE, { wa: { state: 'down' }, ig: { state: 'down' } }));
  expect(recording.checklist?.runs.book.active()?.services.map((s) => s.id)).toEqual(['wa']);
  disk.full = false;
  await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]!);
  // Written by the retries alone: the run has both services.
  expect(recording.checklist?.runs.book.active()?.services.map((s) => s.id)).toEqual(['wa', 'ig']);
  recording.close();
  return err;
}

describe("watch's stderr on a disk that fills up", () => {
  it('says each fault and its end, in English', async () => {
    expect(await fullThenFreed('en')).toEqual([
      `history not saved: the disk holding ${join(dir, 'history')} is full; free some space. Vigie keeps checking.`,
      `checklist not saved: the disk holding ${join(dir, 'checklists')} is full; free some space. Vigie keeps checking and tries again.`,
      'history: saved again',
      'checklist: saved again',
    ]);
  });

  it('in French', async () => {
    const french = await fullThenFreed('fr');
    expect(french[1]).toBe(
      `liste d’actions non enregistrée\u00a0: le disque de ${join(dir, 'checklists')} est plein\u202f; libérez de la place. Vigie continue de vérifier et réessaie.`,
    );
    expect(french.slice(2)).toEqual([
      createTranslator('fr').t('cli.savedAgain'),
      'liste d’actions\u00a0: de nouveau enregistrée',
    ]);
  });

  it('in Arabic', async () => {
    const arabic = await fullThenFreed('ar');
    expect(arabic.slice(2)).toEqual(['السجل: يُحفَظ من جديد', 'قائمة الإجراءات: تُحفَظ من جديد']);
  });
});
