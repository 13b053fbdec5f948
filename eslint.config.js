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
    // Electron lives only in main/app and the preload (docs/design.md#layout).
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
    // IPC is declared once (shared/ipc.ts): only the typed wrappers touch Electron's IPC objects.
    files: ['main/app/**'],
    ignores: ['main/app/ipc.ts', 'main/app/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'IPC goes through main/app/ipc.ts (registerIpc, sendEvent).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**'],
    ignores: ['main/app/ipc.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='send'][callee.object.property.name='webContents']",
          message: 'Events to the window go through sendEvent (main/app/ipc.ts).',
        },
        {
          selector:
            "CallExpression[callee.property.name='send'][callee.object.name=/[cC]ontents$/]",
          message: 'Events to the window go through sendEvent (main/app/ipc.ts).',
        },
        {
          selector: "MemberExpression[object.name='ipcRenderer']",
          message: 'Only the preload uses ipcRenderer, through the contract table.',
        },
      ],
    },
  },
  {
    // The preload is the one place ipcRenderer is used.
    files: ['main/preload.ts'],
    rules: { 'no-restricted-syntax': 'off' },
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
    // Non-null assertions only in tests.
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
