// `npm run audit:electron`: Doyensec's electronegativity over the Electron sources; fails on any
// high-severity finding. Offline: its network look-ups are stubbed (scripts/offline-got.cjs) and
// the check that needs Electron's release list is skipped.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The cells of one CSV row (quoted cells may hold commas). */
function csvCells(row) {
  return [...row.matchAll(/\s*("(?:[^"]|"")*"|[^,]*)\s*(?:,|$)/g)].map((m) =>
    m[1].replace(/^"|"$/g, '').replace(/""/g, '"'),
  );
}
const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
const electron = require('electron/package.json').version;
const dir = mkdtempSync(join(tmpdir(), 'vigie-audit-'));
let high = 0;
try {
  // One scan over both sides, so that global checks see the whole app (navigation is limited in
  // main/, the CSP is in renderer/).
  const sources = join(dir, 'src');
  for (const part of ['main', 'renderer']) cpSync(part, join(sources, part), { recursive: true });
  for (const input of [sources]) {
    const report = join(dir, 'report.csv');
    execFileSync(
      process.execPath,
      [
        '-r',
        './scripts/offline-got.cjs',
        cli,
        '-i',
        input,
        '-r',
        '-e',
        electron,
        '-x',
        'AvailableSecurityFixesGlobalCheck',
        '-o',
        report,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1);
    for (const row of rows) {
      const [check, severity, confidence, file, location] = csvCells(row);
      console.log(`${severity.padEnd(8)} ${confidence.padEnd(10)} ${check} ${file}:${location}`);
      if (severity === 'HIGH') high++;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  high === 0
    ? 'electronegativity: no high-severity finding'
    : `electronegativity: ${high} high-severity finding(s)`,
);
process.exit(high === 0 ? 0 : 1);
