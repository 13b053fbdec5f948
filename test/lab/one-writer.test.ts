// One writer per data folder: the app's wiring (main/app/index.ts, against the fake electron module
// and a scripted engine) and a real `watch` (the bundle, in a child process) on one folder. The
// first holds the history and the checklist's runs; the other writes neither and says why, and
// takes over once the first has stopped.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MINUTE } from '../../shared/durations';
import { bundleCli, HEADLESS_NODE_FLAGS } from '../../scripts/bundle-node';
import { recorder } from '../helpers/fake-electron';
import { chatConfig, fixture, healthyReferences, startLab, type Lab } from './lab';

vi.mock('electron', async () => (await import('../helpers/fake-electron')).fakeElectron());
vi.mock('electron-updater', async () =>
  (await import('../helpers/fake-updater')).fakeElectronUpdater(),
);
vi.mock('../../main/engine', async () =>
  (await import('../helpers/scripted-engine')).scriptedEngine(),
);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCKED = '⚠ History is not being saved: another Vigie is recording it. Vigie keeps checking.';

let lab: Lab;
let dir: string;
let data: string;
let bundle: string;
let config: string;
let caFile: string;

beforeAll(async () => {
  lab = await startLab();
  dir = mkdtempSync(join(tmpdir(), 'vigie-one-writer-'));
  data = join(dir, 'data');
  bundle = await bundleCli(join(dir, 'vigie.mjs'));
  caFile = join(dir, 'lab-ca.pem');
  writeFileSync(caFile, lab.certs.ca);
  // Chat is down for everyone: `watch` opens an incident and its checklist run.
  healthyReferences(lab);
  lab.http.route('/', { status: 503 });
  lab.http.route('/chat/api/v2/summary.json', {
    status: 200,
    body: fixture('statuspage-summary-major.json'),
  });
  config = join(dir, 'watch.json');
  writeFileSync(
    config,
    JSON.stringify({ ...chatConfig(lab), recheckSeconds: 1, intervalSeconds: 10 }),
  );
});
afterAll(async () => {
  recorder.appEvents.emit('before-quit');
  vi.useRealTimers();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Watch {
  readonly child: ChildProcessWithoutNullStreams;
  readonly seen: { stdout: string; stderr: string };
  until(what: string, ok: () => boolean): Promise<void>;
  stop(): Promise<number | null>;
}

/** `watch` on the shared folder, its output followed; waits end on what it prints, or a deadline. */
function watch(): Watch {
  const child = spawn(
    process.execPath,
    [...HEADLESS_NODE_FLAGS, bundle, 'watch', '--config', config, '--data', data],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NO_COLOR: '1',
        NODE_EXTRA_CA_CERTS: caFile,
        LANG: 'C',
        LC_ALL: '',
        LC_MESSAGES: '',
      },
    },
  );
  const seen = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => ((seen.stdout += chunk), waiters.forEach((w) => w())));
  child.stderr.on('data', (chunk: Buffer) => ((seen.stderr += chunk), waiters.forEach((w) => w())));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    seen,
    until: (what, ok) =>
      new Promise<void>((resolve, reject) => {
        const waiter = () => {
          if (!ok()) return;
          waiters.delete(waiter);
          resolve();
        };
        waiters.add(waiter);
        void exited.then(() => reject(new Error(`watch exited before: ${what}\n${seen.stderr}`)));
        waiter();
      }),
    stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}

const tray = () => recorder.trays[0]!;
/** A call from the window, with the method's arguments as the preload sends them. */
const invoke = (channel: string, ...args: unknown[]) => {
  const window = recorder.windows.at(-1)!;
  const ours = { sender: window.webContents, senderFrame: { url: window.loaded, parent: null } };
  return recorder.handlers.get(channel)!(ours, args) as Promise<{
    ok: boolean;
    value: { runs: { id: string; steps: { key: string; done: unknown }[] }[] };
    error?: { message: string };
  }>;
};
const journal = () => join(data, 'checklists', 'runs.journal');
const lockPid = () =>
  (JSON.parse(readFileSync(join(data, 'history', 'writer.lock'), 'utf8')) as { pid: number }).pid;

describe('the app and watch on one data folder', () => {
  let first: Watch;

  it('watch first: it records, and its outage opens a checklist run', async () => {
    first = watch();
    await first.until('recording', () => first.seen.stdout.includes('Recording history in'));
    await first.until('a run', () => first.seen.stdout.includes('Checklist started for Chat'));
    expect(lockPid()).toBe(first.child.pid);
  }, 60_000);

  it('the app started beside it says another Vigie records, shows its run, and writes nothing', async () => {
    vi.useFakeTimers({
      now: Date.now(),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    recorder.userData = data;
    process.env['XDG_CONFIG_HOME'] = join(dir, 'xdg');
    await import('../../main/app/index');
    recorder.ready();
    await vi.waitFor(() => expect(recorder.trays).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(tray().menu.map((i) => i.label)).toContain(LOCKED);
    const runs = (await invoke('checklist:get')).value.runs;
    expect(runs.map((r) => r.id)).toEqual([expect.stringMatching(/^run-\d+-chat$/)]);
    const before = readFileSync(journal(), 'utf8');
    const tick = await invoke('checklist:tick', runs[0]!.id, runs[0]!.steps[0]!.key, true);
    expect(tick).toMatchObject({
      ok: false,
      error: {
        message: `Not saved: another Vigie process (pid ${first.child.pid}) is already recording history in ${join(data, 'history')}; stop it first, or read the history without recording.`,
      },
    });
    expect((await invoke('checklist:get')).value.runs[0]!.steps[0]!.done).toBeNull();
    // One writer: the journal and the lock are watch's alone.
    expect(readFileSync(journal(), 'utf8')).toBe(before);
    expect(lockPid()).toBe(first.child.pid);
  }, 60_000);

  it('once watch stops, the app takes over by itself; a second watch is told why and writes nothing', async () => {
    expect(await first.stop()).toBe(0);
    expect(existsSync(join(data, 'history', 'writer.lock'))).toBe(false);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(tray().menu.map((i) => i.label)).not.toContain(LOCKED);
    expect(lockPid()).toBe(process.pid);
    const run = (await invoke('checklist:get')).value.runs[0]!;
    expect(await invoke('checklist:tick', run.id, run.steps[0]!.key, true)).toMatchObject({
      ok: true,
    });
    const journalNow = readFileSync(journal(), 'utf8');
    const second = watch();
    const told = `history not saved: another Vigie process (pid ${process.pid}) is already recording history in ${join(data, 'history')}; stop it first, or read the history without recording. Vigie keeps checking.`;
    await second.until('told why', () => second.seen.stderr.includes(told));
    await second.until('a cycle', () => /Overall/.test(second.seen.stdout));
    expect(await second.stop()).toBe(0);
    expect(second.seen.stdout).not.toContain('Recording history in');
    expect(second.seen.stdout).not.toContain('Checklist started');
    expect(readFileSync(journal(), 'utf8')).toBe(journalNow);
    expect(lockPid()).toBe(process.pid);
  }, 60_000);
});
