import { defineConfig } from 'electron-vite';
import { devCsp } from './scripts/dev-csp';
import { bridgeTable } from './shared/ipc';

// One build tool for the main process, the preload (CommonJS: sandboxed preloads cannot load ES
// modules) and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: 'main/app/index.ts' } },
    },
  },
  preload: {
    // The window's API table (method → channel): the preload cannot load the contract's zod.
    define: { __VIGIE_BRIDGE__: JSON.stringify(bridgeTable()) },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: 'main/preload.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [devCsp()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: 'renderer/index.html' } },
    },
  },
});
