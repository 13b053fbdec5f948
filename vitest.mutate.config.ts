import { defineConfig } from 'vitest/config';
import base from './vitest.config';
import { findMutateModule, MUTATE_MODULE_ENV } from './scripts/mutate-modules';

// `npm run mutate`: Stryker runs this config with the module's name in the environment, so each
// mutant is judged by that module's own tests only (a config of its own rather than Stryker's
// `--testFiles`, which loses the static mutants' coverage).
const name = process.env[MUTATE_MODULE_ENV];
if (!name)
  throw new Error(`${MUTATE_MODULE_ENV} is not set: run this config through npm run mutate`);

export default defineConfig({
  test: { ...base.test, include: [...findMutateModule(name).tests] },
});
