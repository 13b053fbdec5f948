// The headless engine as it ships: `npx vigie` runs main/cli.ts bundled by esbuild into one
// minified file, under node with the flags below. The benchmarks bundle and run their children the
// same way, so what they measure is what users run.
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * The node flags of the headless engine (bin/vigie.mjs's first line says the same; a test holds
 * them together). Measured with `npm run bench -- engine.rss` and `engine.flags` (each set of flags
 * side by side; docs/benchmarks.md), 50 services and 90 days of history:
 * - `--optimize-for-size`: V8's small heap (1 MiB young generation, collects sooner): 163 → 91 MB;
 * - `--no-opt`: no TurboFan; its compilations borrow memory on a worker thread that glibc never
 *   gives back (a 4–10 MB arena in one run out of two), for ~13 % more CPU per check;
 * - `--v8-pool-size=1`: one V8 worker thread, hence one such arena: 77 MB in every run.
 */
export const HEADLESS_NODE_FLAGS = ['--optimize-for-size', '--no-opt', '--v8-pool-size=1'];

/**
 * glibc's allocator settings for the headless engine (bin/vigie.mjs's first line sets them too; other
 * C libraries ignore them). By default glibc raises its mmap threshold each time a large block is
 * freed and keeps freed memory at the top of its heap: every cycle's TLS handshakes then leave the
 * heap fragmented, and the engine's resident memory wanders by ±5 MB between runs. A fixed
 * threshold (blocks over 8 KiB mapped, and given back when freed) and trimming the heap's top at
 * once hold it still (mallopt(3): M_MMAP_THRESHOLD, M_TRIM_THRESHOLD). Measured with
 * `npm run bench -- engine.rss`: 50 services with 90 days of history, 86 MB → 76 MB back to back;
 * `watch` every 10 s, 80–85 MB → 78–81 MB (docs/benchmarks.md). Since HEAD probes keep their
 * connection, the kept TLS connections' buffers are what fragments: with a 32 KiB threshold the
 * back-to-back child settled at 78.8–80.2 MB, with 16 KiB at 77.7–77.9, with 8 KiB at 77.0–77.2
 * (4 KiB: no better, more CPU), the same CPU per check (engine.flags, both in one run).
 */
export const HEADLESS_NODE_ENV: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '8192',
  MALLOC_TRIM_THRESHOLD_: '0',
};

/** Where `npm install` / `npm run build` put the command line (bin/vigie.mjs runs it). */
export const CLI_BUNDLE = fileURLToPath(new URL('../out/cli/vigie.mjs', import.meta.url));

/** Bundles the command line (main/cli.ts) into `outfile`, by default where `npx vigie` runs it. */
export function bundleCli(outfile: string = CLI_BUNDLE): Promise<string> {
  return bundleForNode(new URL('../main/cli.ts', import.meta.url), outfile);
}

/**
 * zod's `z.locales` namespace re-exports its ~50 languages (a quarter of a megabyte of source the
 * engine would hold for ever). Vigie never reads `z.locales`: it imports the one or two languages it
 * words messages with by path, and zod's English default by its own path. The namespace is empty.
 */
const noZodLocaleIndex: Plugin = {
  name: 'no-zod-locale-index',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: 'zod-locales', namespace: 'no-zod-locale-index' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-zod-locale-index' }, () => ({
      contents: 'export {};',
      loader: 'js',
    }));
  },
};

/** Bundles `entry` (a path or file: URL) into `outfile`, an ES module for node 20. */
export async function bundleForNode(entry: string | URL, outfile: string): Promise<string> {
  await build({
    entryPoints: [typeof entry === 'string' ? entry : fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Minified and ASCII-only, so V8 keeps the source it holds for lazy compilation in one byte
    // per character (one non-ASCII comment makes it two).
    minify: true,
    legalComments: 'none',
    charset: 'ascii',
    outfile,
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'error',
    plugins: [noZodLocaleIndex],
  });
  return outfile;
}
