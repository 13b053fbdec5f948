#!/usr/bin/env -S MALLOC_MMAP_THRESHOLD_=8192 MALLOC_TRIM_THRESHOLD_=0 node --optimize-for-size --no-opt --v8-pool-size=1
// `npx vigie check|watch|history …`: the command line without npm's own lines on stdout, so
// `npx vigie history --format json > file` writes only the JSON. Runs the bundle `npm install` and
// `npm run build` make (out/cli/vigie.mjs), under the flags and glibc allocator settings above: the
// headless engine's memory budget is met with them (scripts/bundle-node.ts says what each buys). Without a bundle (the
// install skipped its scripts), the sources run through tsx, at ~35 MB more.
import { existsSync } from 'node:fs';

const bundle = new URL('../out/cli/vigie.mjs', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli.ts');
}
