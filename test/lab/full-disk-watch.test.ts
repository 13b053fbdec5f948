// `watch` started on a full disk, as a user runs it (the bundle in a child process): it says the
// history is not saved, keeps checking, and once space is freed records again by itself and says
// so. On a real tmpfs the test mounts (root), and always through the fault layer too.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistory } from '../../main/history/store';
import { hasHistory } from '../../main/cli/history-command';
import { problemSentence } from '../../main/history/problem';
import { createTranslator } from '../../shared/i18n';
import { bundleCli, HEADLESS_NODE_FLAGS } from '../../scripts/bundle-node';
import { faultDisk, smallDisk, type SmallDisk } from '../helpers/small-disk';
import { chatConfig, healthyReferences, startLab, type Lab } from './lab';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const french = createTranslator('fr');

let lab: Lab;
let dir: string;
let bundle: string;
let caFile: string;

beforeAll(async () => {
  lab = await startLab();
  dir = mkdtempSync(join(tmpdir(), 'vigie-full-watch-'));
  bundle = await bundleCli(join(dir, 'vigie.mjs'));
  caFile = join(dir, 'lab-ca.pem');
  writeFileSync(caFile, lab.certs.ca);
  healthyReferences(lab);
  lab.http.route('/', { status: 200, body: 'ok' });
  lab.http.route('/chat/api/v2/summary.json', { status: 404 });
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A child's output, and a wait for a condition on it, bounded by a deadline. */
function follow(child: ChildProcessWithoutNullStreams) {
  const seen = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  const check = () => waiters.forEach((w) => w());
  child.stdout.on('data', (chunk: Buffer) => ((seen.stdout += chunk.toString()), check()));
  child.stderr.on('data', (chunk: Buffer) => ((seen.stderr += chunk.toString()), check()));
  const until = (what: string, ok: () => boolean, ms = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`not seen within ${ms} ms: ${what}\n${seen.stdout}\n${seen.stderr}`));
      }, ms);
      const waiter = () => {
        if (!ok()) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve();
      };
      waiters.add(waiter);
      waiter();
    });
  return { seen, until };
}

/** Samples of the lab's service recorded in `data` (read as `history` reads, without the lock). */
function samples(data: string): number {
  if (!hasHistory(data)) return 0;
  const store = openHistory({ dir: data, readOnly: true });
  try {
    const day = store.uptime('chat')[0];
    return day ? day.up + day.degraded + day.down : 0;
  } finally {
    store.close();
  }
}

/** Polls `ok` every 200 ms until it holds, or fails at the deadline (the child runs on its own). */
async function eventually(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function fullDiskThenSpace(disk: SmallDisk, lang: 'en' | 'fr'): Promise<void> {
  const data = join(disk.dir, 'data');
  const config = join(dir, `watch-${disk.kind}.json`);
  writeFileSync(config, JSON.stringify({ ...chatConfig(lab), intervalSeconds: 10 }));
  disk.fill();
  const child = spawn(
    process.execPath,
    [
      ...HEADLESS_NODE_FLAGS,
      ...disk.child.args,
      bundle,
      'watch',
      '--config',
      config,
      '--data',
      data,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...disk.child.env,
        NO_COLOR: '1',
        NODE_EXTRA_CA_CERTS: caFile,
        LANG: lang === 'fr' ? 'fr_FR.UTF-8' : 'C',
        LC_ALL: '',
        LC_MESSAGES: '',
      },
    },
  );
  const { seen, until } = follow(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const notSaved =
      lang === 'fr'
        ? problemSentence({ key: 'historyReason.diskFull', values: { dir: data } }, french)
        : `history not saved: the disk holding ${data} is full; free some space. Vigie keeps checking.`;
    // Said at once, and checking goes on: a first cycle is printed, nothing is recorded.
    await until('history not saved', () => seen.stderr.includes(notSaved));
    await until('a first cycle', () => /^\d\d:\d\d:\d\d/m.test(seen.stdout));
    expect(samples(data)).toBe(0);
    disk.free();
    const savedAgain = lang === 'fr' ? french.t('cli.savedAgain') : 'history: saved again';
    // By the retries alone, within seconds (the next try after a few seconds full is at most 5 s
    // away), then recorded by the next cycle (10 s).
    await until('saved again', () => seen.stderr.includes(savedAgain), 20_000);
    await eventually('samples recorded again', () => samples(data) >= 1, 30_000);
    // The line cleared once, and no other fault was said.
    expect(seen.stderr.trim().split('\n')).toEqual([notSaved, savedAgain]);
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
}

describe('watch started on a full disk', () => {
  it('records again by itself once space is freed, and says so (a real tmpfs where it can mount)', async () => {
    const disk = smallDisk();
    try {
      await fullDiskThenSpace(disk, 'en');
    } finally {
      disk.close();
    }
  }, 90_000);

  it('the same through the fault layer (every machine), in French', async () => {
    const disk = faultDisk();
    try {
      await fullDiskThenSpace(disk, 'fr');
    } finally {
      disk.close();
    }
  }, 90_000);
});
