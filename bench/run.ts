// `npm run bench [-- PREFIX…] [--markdown [--out FILE]]`: runs every benchmark, or those whose names
// start with one of the PREFIXes; `--markdown` prints the rows as a Markdown table with budgets and verdicts
// (bench/markdown.ts) after the run, or writes it to FILE.
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import type { Bench } from './bench';
import { alertsBenches } from './alerts.bench';
import { checklistBenches } from './checklist.bench';
import { detectBenches } from './detect.bench';
import { engineBenches } from './engine.bench';
import { firstRunBenches } from './first-run.bench';
import { flagsBenches } from './flags.bench';
import { historyBenches } from './history.bench';
import { killRemoteLabs } from './lab-client';
import { benchMarkdown, thisMachine, type BenchRow } from './markdown';
import { rendererBenches } from './renderer.bench';
import { teamBenches } from './team.bench';

const all: readonly Bench[] = [
  ...engineBenches,
  ...flagsBenches,
  ...detectBenches,
  ...historyBenches,
  ...checklistBenches,
  ...rendererBenches,
  ...teamBenches,
  ...alertsBenches,
  ...firstRunBenches,
];

/** The command line: prefixes, `--markdown`, `--out FILE`; anything else is refused. */
function parseArgs(args: readonly string[]): {
  prefixes: string[];
  markdown: boolean;
  out?: string;
} {
  const prefixes: string[] = [];
  let markdown = false;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--markdown') markdown = true;
    else if (arg === '--out') {
      out = args[++i];
      if (out === undefined || out.startsWith('--')) usage('--out needs a file name');
    } else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else prefixes.push(arg);
  }
  if (out !== undefined && !markdown) usage('--out goes with --markdown');
  return { prefixes: prefixes.length > 0 ? prefixes : [''], markdown, out };
}

function usage(problem: string): never {
  console.error(`${problem}\nusage: npm run bench -- [PREFIX…] [--markdown [--out FILE]]`);
  process.exit(64);
}

const { prefixes, markdown, out } = parseArgs(process.argv.slice(2));
for (const prefix of prefixes) {
  if (!all.some((b) => b.name.startsWith(prefix) || prefix.startsWith(b.name))) {
    console.error(
      `no benchmark starts with "${prefix}"; known: ${all.map((b) => b.name).join(', ')}`,
    );
    process.exit(64);
  }
}
const chosen = all.filter((b) =>
  prefixes.some((prefix) => b.name.startsWith(prefix) || prefix.startsWith(b.name)),
);
const rows: BenchRow[] = [];
try {
  for (const bench of chosen) {
    await bench.run((name, value, unit) => {
      if (prefixes.some((prefix) => name.startsWith(prefix) || bench.name.startsWith(prefix))) {
        console.log(`bench ${name} ${value} ${unit}`);
        rows.push({ name, value, unit });
      }
    });
  }
  if (markdown) await writeMarkdown(rows);
} catch (error) {
  // Say what failed and end: a lab process left running would keep `npm run bench` waiting.
  console.error(error);
  process.exitCode = 1;
} finally {
  killRemoteLabs();
}

/** Prints the run's table, or writes it to `--out` formatted as the repository formats Markdown. */
async function writeMarkdown(measured: readonly BenchRow[]): Promise<void> {
  const args = process.argv.slice(2).join(' ');
  const page = benchMarkdown(measured, thisMachine(), new Date(), `npm run bench -- ${args}`);
  if (out === undefined) {
    console.log(`\n${page}`);
    return;
  }
  const options = (await resolveConfig(out)) ?? {};
  writeFileSync(out, await format(page, { ...options, parser: 'markdown' }));
  console.error(`wrote ${out} (${measured.length} rows)`);
}
