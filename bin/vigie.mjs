#!/usr/bin/env node
// `npx vigie check|watch|history …`: the command line without npm's own lines on stdout, so
// `npx vigie history --format json > file` writes only the JSON. Runs the TypeScript sources
// through tsx, as `npm run check` does.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli.ts');
