// `npm install` (prepare) and `npm run build`: the command line bundled into out/cli/vigie.mjs.
import { bundleForNode, CLI_BUNDLE } from './bundle-node';

await bundleForNode(new URL('../main/cli.ts', import.meta.url), CLI_BUNDLE);
