// `npm run mutate [-- NAME…] [--force] [--concurrency N]`: mutation testing of the core modules
// (docs/mutation.md). For each module Stryker mutates its source one small edit at a time, rejects
// the edits that do not compile (TypeScript checker) and runs the module's own tests against each
// of the others (vitest.mutate.config.ts). Incremental: a second run re-tests only the mutants
// whose code or tests changed; --force re-tests them all. Reports per module in
// reports/mutation/NAME/ (index.html, mutation.json).
import { existsSync, writeFileSync } from 'node:fs';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';
import {
  findMutateModule,
  MUTATE_MODULE_ENV,
  mutateModules,
  type MutateModule,
} from './mutate-modules';

/** Below this score `npm run mutate` fails (docs/mutation.md). */
const FLOOR = 90;

interface Args {
  readonly modules: readonly MutateModule[];
  readonly force: boolean;
  readonly concurrency: number | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const names: string[] = [];
  let force = false;
  let concurrency: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--force') force = true;
    else if (arg === '--concurrency') {
      concurrency = Number(argv[++i]);
      if (!Number.isInteger(concurrency) || concurrency < 1)
        throw new Error(`--concurrency needs a whole number of workers, got "${argv[i] ?? ''}"`);
    } else if (arg.startsWith('--')) throw new Error(`unknown option "${arg}"`);
    else names.push(arg);
  }
  const modules = names.length === 0 ? mutateModules : names.map(findMutateModule);
  return { modules, force, concurrency };
}

/**
 * The TypeScript checker's project: the module and its tests, with what they import. A mutant
 * that breaks only code these tests never load is no concern of theirs, and checking each mutant
 * against the whole project takes several times as long.
 */
const CHECKER_TSCONFIG = 'tsconfig.mutate.json';

function writeCheckerTsconfig(module: MutateModule, tests: readonly string[]): void {
  const project = {
    extends: './tsconfig.json',
    // Declarations of modules without types (main/engine/net/undici-parts.d.ts) are ambient.
    include: ['main/**/*.d.ts', 'shared/**/*.d.ts', 'test/**/*.d.ts'],
    files: [module.source, ...tests],
  };
  writeFileSync(CHECKER_TSCONFIG, `${JSON.stringify(project, null, 2)}\n`);
}

/** The module's test files that exist (a new module may list a test still to be written). */
function existingTests(module: MutateModule): string[] {
  const tests = module.tests.filter((file) => existsSync(file));
  for (const file of module.tests) {
    if (!tests.includes(file)) console.warn(`${module.name}: no test file ${file}, left out`);
  }
  if (tests.length === 0) throw new Error(`${module.name}: none of its test files exists`);
  return tests;
}

function optionsFor(module: MutateModule, args: Args): PartialStrykerOptions {
  const dir = `reports/mutation/${module.name}`;
  return {
    mutate: [module.source],
    testRunner: 'vitest',
    // The module's own tests, chosen by the config, not by Stryker's `testFiles`.
    vitest: { configFile: 'vitest.mutate.config.ts', related: false },
    checkers: ['typescript'],
    tsconfigFile: CHECKER_TSCONFIG,
    coverageAnalysis: 'perTest',
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: `${dir}/index.html` },
    jsonReporter: { fileName: `${dir}/mutation.json` },
    incremental: true,
    incrementalFile: `${dir}/incremental.json`,
    force: args.force,
    thresholds: { high: FLOOR, low: 80, break: null },
    // The machine is shared: a mutant's tests may wait for a core.
    timeoutMS: 10_000,
    ignorePatterns: ['out', 'dist', 'artifacts', 'coverage', 'reports', 'docs/*.png'],
    tempDirName: '.stryker-tmp',
    ...(args.concurrency ? { concurrency: args.concurrency } : {}),
  };
}

interface Row {
  readonly module: MutateModule;
  readonly mutants: number;
  readonly killed: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly score: number;
  readonly seconds: number;
}

/** Counts as Stryker's "score based on all covered and uncovered mutants that compile". */
function rowOf(module: MutateModule, results: readonly MutantResult[], seconds: number): Row {
  const count = (...statuses: MutantResult['status'][]) =>
    results.filter((r) => statuses.includes(r.status)).length;
  const killed = count('Killed', 'Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const mutants = killed + survived + noCoverage;
  const score = mutants === 0 ? 100 : (100 * killed) / mutants;
  return { module, mutants, killed, survived, noCoverage, score, seconds };
}

const args = parseArgs(process.argv.slice(2));
const rows: Row[] = [];
for (const module of args.modules) {
  process.env[MUTATE_MODULE_ENV] = module.name;
  writeCheckerTsconfig(module, existingTests(module));
  const started = performance.now();
  const results = await new Stryker(optionsFor(module, args)).runMutationTest();
  rows.push(rowOf(module, results, (performance.now() - started) / 1000));
}

console.log('\n| module | mutants (compiling) | killed | survived | no coverage | score | time |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const cells = [r.mutants, r.killed, r.survived, r.noCoverage].join(' | ');
  console.log(
    `| \`${r.module.source}\` | ${cells} | ${r.score.toFixed(1)} % | ${Math.round(r.seconds)} s |`,
  );
}
const low = rows.filter((r) => r.score < FLOOR);
if (low.length > 0) {
  console.error(`below ${FLOOR} %: ${low.map((r) => r.module.name).join(', ')}`);
  process.exitCode = 1;
}
