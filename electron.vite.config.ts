import { defineConfig } from 'electron-vite';

// One build tool for the main process (and, with the next issues, the preload and the renderer).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: 'main/app/index.ts' } },
    },
  },
});
