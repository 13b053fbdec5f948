// Crash tests: runs a writer script with node (bundled by esbuild once per script, not through the
// tsx wrapper, so SIGKILL hits the writer itself and a trial costs a node start, not a compile),
// reads the count it acknowledges on each stdout line, and kills it with SIGKILL once it has
// acknowledged `stopAfter`. Resolves to the last count acknowledged.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../scripts/bundle-node';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const bundles = new Map<string, Promise<string>>();

/** The script bundled into one ES module in a temporary folder, once per test process. */
function bundled(script: string): Promise<string> {
  let bundle = bundles.get(script);
  if (!bundle) {
    const out = join(mkdtempSync(join(tmpdir(), 'vigie-writer-')), `${basename(script)}.mjs`);
    bundle = bundleForNode(join(ROOT, script), out);
    bundles.set(script, bundle);
  }
  return bundle;
}

/**
 * How many times a crash test kills its writer: a few in the suite, more on demand
 * (`VIGIE_CRASH_TRIALS=200 npx vitest run test/lab/history-crash.test.ts`).
 */
export function crashTrials(inSuite: number): number {
  const asked = Number(process.env.VIGIE_CRASH_TRIALS);
  return Number.isInteger(asked) && asked > 0 ? asked : inSuite;
}

/** The writer's count at which trial `i` kills it: spread between `from` and `to`, the same every run. */
export function stopPoint(i: number, from: number, to: number): number {
  return from + ((i * 7919) % (to - from + 1));
}

export async function killAfter(
  script: string,
  args: readonly string[],
  stopAfter: number,
  acknowledgedBefore = 0,
): Promise<number> {
  const bundle = await bundled(script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd: ROOT });
    let acknowledged = acknowledgedBefore;
    let buffered = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) acknowledged = Math.max(acknowledged, Number(line));
      if (!killed && acknowledged >= stopAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // 'close', not 'exit': lines the writer printed before it died may still be in the pipe, and
    // each one is an entry it acknowledged (200 trials found a writer 34 entries ahead of 'exit').
    child.on('close', (_, signal) =>
      signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`writer exited: ${stderr}`)),
    );
  });
}
