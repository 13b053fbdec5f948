// Writers racing for one history lock, as separate processes that live for many trials: each
// trial plants a starting lock in a fresh folder, starts every writer at one instant (a "go" sent
// to all once all are ready), and collects what each got. Spawning a process per trial would cost
// ~0.3 s each.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromChild, ToChild } from './lock-child';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./lock-child.ts', import.meta.url));

/** One writer's answer to one trial. */
export type Answer = Extract<FromChild, { trial: number }>;

/** A pool of writer processes answering trials in lock-step. */
export class Writers {
  private readonly children: ChildProcess[];
  private waiting: ((message: FromChild) => void) | null = null;

  constructor(count: number) {
    this.children = Array.from({ length: count }, () => {
      const child = fork(CHILD, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: 'inherit' });
      child.on('message', (message: FromChild) => this.waiting?.(message));
      return child;
    });
  }

  /** Runs one trial in `dir` (made and planted): every writer tries at once; their answers. */
  async trial(trial: number, dir: string): Promise<Answer[]> {
    const answers: Answer[] = [];
    let ready = 0;
    const done = new Promise<void>((resolve) => {
      this.waiting = (message) => {
        if ('ready' in message) {
          if (message.ready === trial && ++ready === this.children.length) {
            for (const child of this.children) child.send('go' satisfies ToChild);
          }
        } else if (message.trial === trial) {
          answers.push(message);
          if (answers.length === this.children.length) resolve();
        }
      };
    });
    for (const child of this.children) child.send({ trial, dir } satisfies ToChild);
    await done;
    return answers;
  }

  /** Lets every writer release its lock and exit. */
  async end(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.send('end' satisfies ToChild);
          }),
      ),
    );
  }
}
