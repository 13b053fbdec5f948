// Every probe's deadline holds while the garbage collector runs (nodejs/node#57736: a timeout
// signal combined with the cycle's signal could be collected, and a request to a server that never
// answers then waited for minutes). The probes run in a child started with --expose-gc.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./deadline-gc-child.ts', import.meta.url));

function runChild(): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ stdout, stderr, code }));
  });
}

it('every probe kind, every official source and the second opinion end at their deadline under constant GC', async () => {
  const run = await runChild();
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const { results, opinion } = JSON.parse(run.stdout) as {
    results: { kind: string; code: string | null; state: string }[];
    opinion: string;
  };
  expect(results.map((r) => [r.kind, r.code])).toEqual([
    ['http', 'TIMEOUT'],
    ['http', 'TIMEOUT'],
    ['http', 'TIMEOUT'],
    ['tls', 'TIMEOUT'],
    ['dns', 'DNS_TIMEOUT'],
    ['statuspage', 'TIMEOUT'],
    ['slack', 'TIMEOUT'],
    ['google-workspace', 'TIMEOUT'],
    ['incidentio', 'TIMEOUT'],
    ['instatus', 'TIMEOUT'],
    ['feed', 'TIMEOUT'],
    ['metastatus', 'TIMEOUT'],
    ['m365', 'TIMEOUT'],
  ]);
  expect(opinion).toBe('no answer in time');
}, 60_000);
