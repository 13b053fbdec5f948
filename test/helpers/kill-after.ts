// Crash tests: runs a writer script with node (not through the tsx wrapper, so SIGKILL hits the
// writer itself), reads the count it acknowledges on each stdout line, and kills it with SIGKILL
// once it has acknowledged `stopAfter`. Resolves to the last count acknowledged.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function killAfter(
  script: string,
  args: readonly string[],
  stopAfter: number,
  acknowledgedBefore = 0,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT });
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
    child.on('exit', (_, signal) =>
      signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`writer exited: ${stderr}`)),
    );
  });
}
