// Three `watch` processes, three data folders, one loopback ntfy-compatible relay: the outage opens
// one team incident; `checklist done` on one (beside its running watch) shows on the others; a
// member that was stopped catches up, also after the relay restarted without its cache; the relay
// holds nothing in clear.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatConfig, fixture, healthyReferences, startLab, type Lab } from './lab';
import { bundleCli, HEADLESS_NODE_FLAGS } from '../../scripts/bundle-node';
import { NtfyRelay } from './ntfy-relay';
import type { ChecklistJson } from '../../main/cli/team-command';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let lab: Lab;
let relay: NtfyRelay;
let dir: string;
let caFile: string;
let vigie: string[];
let config: string;
const children: ChildProcess[] = [];

const env = () => ({
  ...process.env,
  NO_COLOR: '1',
  NODE_EXTRA_CA_CERTS: caFile,
  LANG: 'C',
  LC_ALL: '',
  LC_MESSAGES: '',
});

beforeAll(async () => {
  lab = await startLab();
  relay = await new NtfyRelay().start();
  dir = mkdtempSync(join(tmpdir(), 'vigie-team-watch-'));
  vigie = [...HEADLESS_NODE_FLAGS, await bundleCli(join(dir, 'vigie.mjs'))];
  caFile = join(dir, 'lab-ca.pem');
  writeFileSync(caFile, lab.certs.ca);
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
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await relay.stop();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...vigie, ...args],
      { cwd: ROOT, env: env() },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

interface Watch {
  readonly child: ChildProcess;
  /** Resolves once stdout matched. */
  until(pattern: RegExp): Promise<void>;
  stop(): Promise<void>;
}

function watch(data: string): Watch {
  const child = spawn(process.execPath, [...vigie, 'watch', '--config', config, '--data', data], {
    cwd: ROOT,
    env: env(),
  });
  children.push(child);
  let stdout = '';
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const w of waiting.splice(0)) {
      if (w.pattern.test(stdout)) w.resolve();
      else waiting.push(w);
    }
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    until: (pattern) =>
      new Promise((resolve) => {
        if (pattern.test(stdout)) resolve();
        else waiting.push({ pattern, resolve });
      }),
    stop: async () => {
      child.kill('SIGINT');
      await exited;
    },
  };
}

const checklist = async (data: string) =>
  JSON.parse((await cli(['checklist', '--data', data, '--json'])).stdout) as ChecklistJson;

describe('three watches on one relay', () => {
  it('share one incident and one run, and the relay sees only envelopes', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((n) => join(dir, n)) as [string, string, string];
    const made = await cli([
      'team',
      'create',
      '--server',
      relay.url,
      '--name',
      'Awa Traoré',
      '--data',
      a,
    ]);
    expect(made.code).toBe(0);
    const invite = made.stdout.trim().split('\n').at(-1)!;
    expect(invite).toMatch(/^vigie-team:1:[A-Za-z0-9_-]{43}:http:\/\/127\.0\.0\.1:\d+$/);
    expect((await cli(['team', 'join', invite, '--name', 'Koffi Yao', '--data', b])).code).toBe(0);
    expect((await cli(['team', 'join', invite, '--name', 'Zoé Bamba', '--data', c])).code).toBe(0);

    const wa = watch(a);
    const wb = watch(b);
    let wc = watch(c);
    await Promise.all([wa, wb, wc].map((w) => w.until(/Checklist started for Chat/)));
    // Zoé's Vigie stops for a while.
    await wc.stop();
    const run = await checklist(a);
    const step = run.steps[0]!;
    const done = await cli([
      'checklist',
      'done',
      step.id,
      '--note',
      'Called Mme Konan',
      '--data',
      a,
    ]);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Handed to the Vigie recording this folder');
    await wb.until(new RegExp(`Team: Awa Traoré ticked ${step.id}`));
    const seen = await checklist(b);
    expect(seen.steps.find((s) => s.id === step.id)).toMatchObject({
      done: true,
      by: 'Awa Traoré',
    });

    // Back, Zoé's Vigie catches up from the last message it kept.
    wc = watch(c);
    await wc.until(new RegExp(`Team: Awa Traoré ticked ${step.id}`));
    expect((await checklist(c)).steps.find((s) => s.id === step.id)).toMatchObject({
      done: true,
      by: 'Awa Traoré',
    });

    // One team incident for Chat, whoever opened first (concurrent opens merge into it).
    for (const data of [b, c]) {
      const team = JSON.parse((await cli(['team', '--data', data, '--json'])).stdout) as {
        members: { name: string }[];
        incidents: { service: string; end: string | null }[];
      };
      expect(team.incidents.filter((i) => i.service === 'chat' && i.end === null)).toHaveLength(1);
      expect(team.members.map((m) => m.name)).toEqual(expect.arrayContaining(['Awa Traoré']));
    }
    expect((await checklist(a)).steps.find((s) => s.id === step.id)).toMatchObject({
      done: true,
      by: 'Awa Traoré',
      note: 'Called Mme Konan',
    });
    expect((await checklist(b)).notes).toEqual([
      expect.objectContaining({ by: 'Awa Traoré', text: 'Called Mme Konan' }),
    ]);
    // Koffi's report holds the team's timeline: Awa's tick and note, by name.
    const report = await cli(['history', '--report', seen.id, '--data', b]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain(`Done by Awa Traoré: ${step.title}`);
    expect(report.stdout).toContain('Note from Awa Traoré: Called Mme Konan');
    expect(report.stdout).toMatch(/\*\*Team:\*\* .*Koffi Yao/);

    // Zoé's Vigie stops again; Awa ticks a second step; then the relay restarts without its cache
    // (every stream drops) and Koffi ticks a third. Back, Zoé's Vigie has both: the relay forgot
    // the second, her teammates still hold it.
    await wc.stop();
    const [second, third] = [run.steps[1]!, run.steps[2]!];
    expect((await cli(['checklist', 'done', second.id, '--data', a])).code).toBe(0);
    await wb.until(new RegExp(`Team: Awa Traoré ticked ${second.id}`));
    const relayDown = await relay.down();
    expect((await cli(['checklist', 'done', third.id, '--data', b])).code).toBe(0);
    await relayDown.back();
    await wa.until(new RegExp(`Team: Koffi Yao ticked ${third.id}`));
    wc = watch(c);
    await expect
      .poll(
        async () =>
          (await checklist(c)).steps
            .filter((s) => s.id === second.id || s.id === third.id)
            .map((s) => [s.id, s.done, s.by]),
        { timeout: 60_000, interval: 1000 },
      )
      .toEqual([
        [second.id, true, 'Awa Traoré'],
        [third.id, true, 'Koffi Yao'],
      ]);

    await Promise.all([wa.stop(), wb.stop(), wc.stop()]);
    const bodies = relay.everyBody();
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    for (const body of bodies) {
      expect(body).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
      // The body is base64url only (no JSON, no name can show as such); what it decodes to must
      // not hold them either (base64 of a plaintext is not encryption). Random ciphertext holds a
      // given 8-byte run with odds far below one in a billion; three letters would not be so.
      const sealed = Buffer.from(body.split('.')[2]!, 'base64url');
      for (const clear of [
        '"service":"chat"',
        step.id,
        step.title,
        'Mme Konan',
        'Awa Traoré',
        'Koffi Yao',
        'Zoé Bamba',
      ])
        expect(sealed.includes(Buffer.from(clear))).toBe(false);
    }
    expect(readFileSync(join(a, 'team', 'team.json'), 'utf8')).toContain(invite);
  }, 180_000);
});
