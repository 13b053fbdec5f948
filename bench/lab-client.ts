// Starts bench/lab-process.ts as a child and talks to it.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Route } from '../test/lab/http-lab';
import type { LabChange, LabRequest, LabStarted } from './lab-process';

export interface LabTraffic {
  readonly http: { bytes: number; connections: number };
  readonly dns: { bytes: number; queries: number };
}

export interface RemoteLab extends LabStarted {
  route(path: string, route: Route): Promise<void>;
  traffic(): Promise<LabTraffic>;
  /** Applies changes now; the time (epoch ms) they took effect. */
  apply(changes: readonly LabChange[]): Promise<number>;
  /** Applies changes `delayMs` after the next request on `watch`; the time they took effect. */
  phased(watch: string, delayMs: number, changes: readonly LabChange[]): Promise<number>;
  stop(): Promise<void>;
}

/** Lab processes still running: a benchmark that throws leaves its own, and `run.ts` ends them. */
const running = new Set<ChildProcess>();

/** Ends every lab process still running (a benchmark failed before stopping its lab). */
export function killRemoteLabs(): void {
  for (const child of running) child.kill();
  running.clear();
}

/** Forks the lab with certificates for `names` and waits until it listens. */
export async function startRemoteLab(names: readonly string[]): Promise<RemoteLab> {
  const child: ChildProcess = fork(
    fileURLToPath(new URL('./lab-process.ts', import.meta.url)),
    [],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let next = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  child.on('message', (message: { id: number; value: unknown }) => {
    waiting.get(message.id)?.(message.value);
    waiting.delete(message.id);
  });
  const ask = <T>(request: LabRequest): Promise<T> =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, (value) => resolve(value as T));
      child.send({ id, request });
    });
  const started = await ask<LabStarted>({ type: 'start', names });
  return {
    ...started,
    route: async (path, route) => {
      await ask({ type: 'route', path, route });
    },
    traffic: () => ask<LabTraffic>({ type: 'traffic' }),
    apply: (changes) => ask<number>({ type: 'apply', changes }),
    phased: (watch, delayMs, changes) => ask<number>({ type: 'phased', watch, delayMs, changes }),
    stop: async () => {
      await ask({ type: 'stop' });
    },
  };
}
