// A writer racing for the history lock: waits for the start signal, tries once, says what it got,
// and holds the lock until told to exit (stdin closes).
import { existsSync } from 'node:fs';
import { acquireLock, HistoryLockedError } from '../../main/history/lock';

const [dir, go] = process.argv.slice(2);
if (!dir || !go) throw new Error('usage: lock-child DIR GO-FILE');
process.stdout.write('ready\n');
while (!existsSync(go)) {
  // Busy-wait for the start: every child tries within the same millisecond or so.
}
try {
  const lock = acquireLock(dir);
  process.stdout.write('got\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    lock.release();
    process.exit(0);
  });
} catch (error) {
  process.stdout.write(
    error instanceof HistoryLockedError ? 'locked\n' : `error ${String(error)}\n`,
  );
  process.exit(0);
}
