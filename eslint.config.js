// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const focusedOrSkipped = [
  { selector: "CallExpression[callee.property.name='only']", message: 'No .only in tests.' },
  { selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' },
];

// Test clocks start at a real time (test/helpers/clock.ts), never at the epoch: a number below
// this is not a date any user will ever see (1e12 ms is September 2001).
const EPOCH_CLOCK = 'Start test clocks at REAL_START (fakeClockAt, useFakeTimersAt), never at 0.';
const early = '[value<1000000000000]';
const clockAtEpoch = [
  `CallExpression[callee.property.name='setSystemTime'] > Literal.arguments${early}`,
  `CallExpression[callee.property.name='useFakeTimers'] Property[key.name='now'] > Literal.value${early}`,
  `NewExpression[callee.name=/Clock$/] > Literal.arguments${early}`,
  `VariableDeclarator[id.name=/^(now|clock|time|t0)$/i] > Literal.init${early}`,
  `Property[key.name='now'] > ArrowFunctionExpression.value > Literal.body${early}`,
  `NewExpression > ArrowFunctionExpression.arguments > Literal.body${early}`,
].map((selector) => ({ selector, message: EPOCH_CLOCK }));

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'artifacts/',
      'coverage/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      'no-console': 'error',
      'no-restricted-syntax': ['error', ...focusedOrSkipped],
    },
  },
  {
    // Electron lives only in main/app and the preload (DESIGN, Layout).
    files: ['main/engine/**', 'main/history/**', 'main/playbooks/**', 'main/cli.ts', 'shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only main/app and main/preload.ts import electron.' },
          ],
        },
      ],
    },
  },
  {
    // shared/ is imported by both sides: no Node built-ins, no Electron, no React.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'electron', 'react', 'react-dom', '../main/*', '../renderer/*'] },
      ],
    },
  },
  {
    // The command line and benchmarks talk to the terminal on purpose.
    files: ['main/cli/**', 'main/cli.ts', 'bench/**', 'test/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // STYLE 10: non-null assertions only in tests.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: { 'no-restricted-syntax': ['error', ...focusedOrSkipped, ...clockAtEpoch] },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  prettier,
);
