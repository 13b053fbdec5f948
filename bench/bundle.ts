// Bundles a benchmark child with esbuild, as the app's build bundles the engine, so that its
// memory is measured under plain node (tsx's own loader would otherwise be counted).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles `entry` (relative to bench/) into `outfile`, an ES module for node 20. */
export async function bundleForNode(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // As the command line's build: minified and ASCII-only, so V8 keeps the source it holds for
    // lazy compilation in one byte per character (one non-ASCII comment makes it two).
    minify: true,
    legalComments: 'none',
    charset: 'ascii',
    outfile,
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return outfile;
}
