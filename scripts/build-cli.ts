// `npm install` (prepare) and `npm run build`: the command line bundled into out/cli/vigie.mjs.
import { bundleCli } from './bundle-node';

await bundleCli();
