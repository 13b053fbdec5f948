// The modules `npm run mutate` knows, each with the tests that are its own: Stryker mutates the
// source file and runs only these tests against each mutant (vitest.mutate.config.ts reads them).

/** One module under mutation testing. */
export interface MutateModule {
  /** Short name given on the command line: `npm run mutate -- story`. */
  readonly name: string;
  /** The one source file whose code is mutated. */
  readonly source: string;
  /** The test files that judge each mutant. */
  readonly tests: readonly string[];
}

/** Every module with a mutation score to keep (docs/mutation.md). */
export const mutateModules: readonly MutateModule[] = [
  { name: 'sms', source: 'shared/sms.ts', tests: ['test/unit/shared/sms.test.ts'] },
  {
    name: 'evaluate',
    source: 'main/engine/evaluate.ts',
    tests: ['test/unit/main/engine/evaluate.test.ts'],
  },
  {
    name: 'thresholds',
    source: 'main/engine/thresholds.ts',
    tests: ['test/unit/main/engine/thresholds.test.ts', 'test/unit/main/engine/scheduler.test.ts'],
  },
  {
    name: 'second-opinion',
    source: 'main/engine/second-opinion/index.ts',
    tests: ['test/unit/main/engine/second-opinion.test.ts'],
  },
  {
    name: 'story',
    source: 'shared/story.ts',
    tests: [
      'test/unit/shared/story.test.ts',
      'test/unit/main/shell/tray-model.test.ts',
      'test/unit/main/shell/notification-model.test.ts',
    ],
  },
  {
    name: 'lock',
    source: 'main/history/lock.ts',
    // The unit tests play every other writer on a file system in memory; the lab's lock tests
    // (real processes, 40 s a run) would make each mutant take as long.
    tests: [
      'test/unit/main/history/lock.test.ts',
      'test/lab/lock-no-links.test.ts',
      'test/unit/main/history/store.test.ts',
    ],
  },
  {
    name: 'lock-file',
    source: 'main/history/lock-file.ts',
    tests: [
      'test/unit/main/history/lock-file.test.ts',
      'test/unit/main/history/lock.test.ts',
      'test/lab/lock-no-links.test.ts',
      'test/unit/main/history/store.test.ts',
    ],
  },
  {
    name: 'outbox',
    source: 'main/alerts/outbox.ts',
    tests: [
      'test/unit/main/alerts/outbox.test.ts',
      'test/unit/main/alerts/dispatcher.test.ts',
      'test/unit/main/alerts/app-alerts.test.ts',
    ],
  },
  {
    name: 'dispatcher',
    source: 'main/alerts/dispatcher.ts',
    tests: [
      'test/unit/main/alerts/dispatcher.test.ts',
      'test/unit/main/alerts/outbox.test.ts',
      'test/unit/main/alerts/app-alerts.test.ts',
    ],
  },
  {
    name: 'retry-classes',
    source: 'main/alerts/http-post.ts',
    tests: [
      'test/unit/main/alerts/retry-classes.test.ts',
      'test/unit/main/alerts/channels.test.ts',
    ],
  },
  {
    name: 'merge',
    source: 'main/team/merge.ts',
    tests: ['test/unit/main/team/merge.test.ts', 'test/unit/main/team/store.test.ts'],
  },
  {
    name: 'envelope',
    source: 'main/team/envelope.ts',
    tests: ['test/unit/main/team/crypto.test.ts'],
  },
  {
    name: 'context',
    source: 'shared/context.ts',
    tests: [
      'test/unit/shared/context.test.ts',
      'test/unit/shared/story.test.ts',
      'test/unit/shared/evidence.test.ts',
      'test/unit/main/shell/notification-model.test.ts',
      'test/unit/main/history/context-evidence.test.ts',
      'test/unit/main/engine/context.test.ts',
    ],
  },
];

/** The environment variable that names the module under test for vitest.mutate.config.ts. */
export const MUTATE_MODULE_ENV = 'VIGIE_MUTATE_MODULE';

/** Finds a module by its short name or its source path; throws naming the known ones. */
export function findMutateModule(nameOrPath: string): MutateModule {
  const found = mutateModules.find((m) => m.name === nameOrPath || m.source === nameOrPath);
  if (!found) {
    const known = mutateModules.map((m) => m.name).join(', ');
    throw new Error(`unknown module "${nameOrPath}" for mutation testing; known: ${known}`);
  }
  return found;
}
