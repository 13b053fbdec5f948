// `npm run bench [-- PREFIX…] [--runs N] [--markdown [--out FILE [--add]]]`: runs every benchmark,
// or those whose names start with one of the PREFIXes, N times in a row (runs A, B, …). `--markdown`
// prints the runs as a Markdown page with budgets and verdicts (bench/markdown.ts) after them;
// `--out FILE.md` writes them instead as the section of these PREFIXes in FILE.md, kept with the
// other sections' rows in FILE.json (bench/results.ts): the section is replaced, or with `--add`
// its earlier runs are kept and these follow them. `npm run bench -- --render FILE.md` runs nothing
// and renders FILE.md again from FILE.json (after a change of layout).
import { existsSync, writeFileSync } from 'node:fs';
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
import { resultsMarkdown, thisMachine } from './markdown';
import { runLabel } from './markdown-tables';
import { rendererBenches } from './renderer.bench';
import {
  dataFileOf,
  mergeSection,
  readResults,
  resultsJson,
  sectionKey,
  type BenchRow,
  type Results,
  type Run,
  type Section,
} from './results';
import { teamBenches } from './team.bench';
import { messageOf } from '../shared/errors';

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

/** At most this many runs in one command (ten runs of the detection benchmark are two hours). */
const MAX_RUNS = 10;

/** The command line: prefixes, `--runs N`, `--markdown`, `--out FILE`, `--add`; anything else is refused. */
function parseArgs(args: readonly string[]): {
  prefixes: string[];
  runs: number;
  markdown: boolean;
  out?: string;
  add: boolean;
  render?: string;
} {
  const prefixes: string[] = [];
  let markdown = false;
  let add = false;
  let runs = 1;
  let out: string | undefined;
  let render: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--markdown') markdown = true;
    else if (arg === '--add') add = true;
    else if (arg === '--render') {
      render = args[++i];
      if (render === undefined || render.startsWith('--')) usage('--render needs a file name');
    } else if (arg === '--out') {
      out = args[++i];
      if (out === undefined || out.startsWith('--')) usage('--out needs a file name');
    } else if (arg === '--runs') {
      const given = args[++i] ?? '';
      runs = Number(given);
      if (!/^\d+$/.test(given) || runs < 1 || runs > MAX_RUNS)
        usage(`--runs needs a whole number from 1 to ${MAX_RUNS}, not "${given}"`);
    } else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else prefixes.push(arg);
  }
  if (render !== undefined && args.length > 2) usage('--render FILE goes alone');
  if (out !== undefined && !markdown) usage('--out goes with --markdown');
  if (add && out === undefined) usage('--add goes with --out (it adds runs to a section of FILE)');
  return { prefixes: prefixes.length > 0 ? prefixes : [''], runs, markdown, out, add, render };
}

function usage(problem: string): never {
  console.error(
    `${problem}\nusage: npm run bench -- [PREFIX…] [--runs N] [--markdown [--out FILE.md [--add]]]\n` +
      '       npm run bench -- --render FILE.md',
  );
  process.exit(64);
}

const options = parseArgs(process.argv.slice(2));
if (options.render !== undefined) {
  try {
    const data = dataFileOf(options.render);
    if (!existsSync(data)) throw new Error(`${data}, the rows to render, does not exist`);
    await writePage(options.render, readResults(options.render));
    process.exit(0);
  } catch (error) {
    console.error(messageOf(error));
    process.exit(65);
  }
}
const { prefixes, markdown, out } = options;
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
// Before any benchmark runs: a results file that cannot take the new section is said at once.
let before: Results = { sections: [] };
if (out !== undefined) {
  try {
    before = readResults(out);
  } catch (error) {
    console.error(messageOf(error));
    process.exit(65);
  }
}
const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`;
const knobs = Object.fromEntries(
  [...new Set(chosen.flatMap((b) => b.knobs ?? []))].flatMap((name) => {
    const value = process.env[name];
    return value === undefined ? [] : [[name, value]];
  }),
);
const runs: Run[] = [];
try {
  for (let r = 0; r < options.runs; r++) {
    if (options.runs > 1) console.error(`run ${runLabel(r)} of ${options.runs}`);
    const rows: BenchRow[] = [];
    for (const bench of chosen) {
      await bench.run((name, value, unit) => {
        if (prefixes.some((prefix) => name.startsWith(prefix) || bench.name.startsWith(prefix))) {
          console.log(`bench ${name} ${value} ${unit}`);
          rows.push({ name, value, unit });
        }
      });
    }
    runs.push({ date: new Date().toISOString(), machine: thisMachine(), command, knobs, rows });
  }
  if (markdown) await writeMarkdown({ benchmarks: sectionKey(prefixes), runs });
} catch (error) {
  // Say what failed and end: a lab process left running would keep `npm run bench` waiting.
  console.error(error);
  process.exitCode = 1;
} finally {
  killRemoteLabs();
}

/** Prints the runs' page, or merges their section into `--out` and its data file, formatted. */
async function writeMarkdown(section: Section): Promise<void> {
  if (out === undefined) {
    console.log(`\n${resultsMarkdown({ sections: [section] }, null)}`);
    return;
  }
  await writePage(out, mergeSection(before, section, options.add));
  const rows = section.runs.reduce((sum, run) => sum + run.rows.length, 0);
  console.error(`(${section.runs.length} run(s), ${rows} rows)`);
}

/** Writes the results' data file and the page rendered from it, formatted as the repository is. */
async function writePage(page: string, results: Results): Promise<void> {
  const data = dataFileOf(page);
  const config = (await resolveConfig(page)) ?? {};
  writeFileSync(data, await format(resultsJson(results), { ...config, parser: 'json' }));
  const text = resultsMarkdown(results, data);
  writeFileSync(page, await format(text, { ...config, parser: 'markdown' }));
  console.error(`wrote ${page} and ${data}`);
}
