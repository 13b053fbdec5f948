// The rows a results file is generated from: `npm run bench -- … --markdown --out FILE.md` keeps
// every run's rows in FILE.json beside it, one section per set of benchmark prefixes, so a new run
// of some benchmarks replaces (or, with `--add`, joins) their section and leaves the others, with
// their own machine, load and date, as they were. The Markdown page is rendered from this file
// alone (bench/markdown.ts).
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { messageOf } from '../shared/errors';

/** One `bench <name> <value> <unit>` line. */
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

/** What the figures were measured on. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  /** The 1, 5 and 15-minute load averages when the run ended. */
  readonly load: readonly [number, number, number];
  readonly node: string;
}

/** One run of a section's benchmarks: its rows and where and when they were measured. */
export interface Run {
  /** When the run ended (ISO 8601, UTC). */
  readonly date: string;
  readonly machine: Machine;
  /** The command that ran it, as typed. */
  readonly command: string;
  /** The environment knobs the chosen benchmarks read that were set (`VIGIE_DETECT_STAGING_S`). */
  readonly knobs: Readonly<Record<string, string>>;
  readonly rows: readonly BenchRow[];
}

/** The runs of one set of benchmark prefixes (`engine.detect_50`, or several). */
export interface Section {
  /** The prefixes, sorted; `['']` is every benchmark. */
  readonly benchmarks: readonly string[];
  readonly runs: readonly Run[];
}

export interface Results {
  readonly sections: readonly Section[];
}

const machineSchema = z.object({
  cpu: z.string(),
  cores: z.number().int().positive(),
  load: z.tuple([z.number(), z.number(), z.number()]),
  node: z.string(),
});

// JSON has no NaN: a figure that came out as not a number is kept as null.
const rowSchema = z.object({
  name: z.string().min(1),
  value: z.number().nullable(),
  unit: z.string(),
});

const fileSchema = z.object({
  version: z.literal(1),
  sections: z.array(
    z.object({
      benchmarks: z.array(z.string()).min(1),
      runs: z
        .array(
          z.object({
            date: z.iso.datetime(),
            machine: machineSchema,
            command: z.string(),
            knobs: z.record(z.string(), z.string()),
            rows: z.array(rowSchema),
          }),
        )
        .min(1),
    }),
  ),
});

/** The key of a section: the prefixes, each once, sorted. */
export function sectionKey(prefixes: readonly string[]): string[] {
  return [...new Set(prefixes)].sort();
}

function sameKey(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/**
 * The results with `section` in: it replaces the section of the same prefixes where that one was,
 * or, with `add`, its runs follow that section's runs; a section of new prefixes goes last.
 */
export function mergeSection(results: Results, section: Section, add = false): Results {
  const key = sectionKey(section.benchmarks);
  const found = results.sections.findIndex((s) => sameKey(s.benchmarks, key));
  const merged: Section = { benchmarks: key, runs: section.runs };
  if (found === -1) return { sections: [...results.sections, merged] };
  const previous = results.sections[found]?.runs ?? [];
  return {
    sections: results.sections.map((s, i) =>
      i === found
        ? { benchmarks: key, runs: add ? [...previous, ...section.runs] : section.runs }
        : s,
    ),
  };
}

/** Where the rows behind a generated page are kept: `results.md` → `results.json`. */
export function dataFileOf(page: string): string {
  return `${page.replace(/\.md$/i, '')}.json`;
}

/** The results as the data file holds them (formatting is the caller's). */
export function resultsJson(results: Results): string {
  const plain = {
    version: 1,
    sections: results.sections.map((s) => ({
      benchmarks: s.benchmarks,
      runs: s.runs.map((r) => ({
        ...r,
        rows: r.rows.map((row) => ({ ...row, value: Number.isNaN(row.value) ? null : row.value })),
      })),
    })),
  };
  return `${JSON.stringify(plain, null, 2)}\n`;
}

/** Parses a data file's text; throws naming the file and the first problem. */
export function parseResults(text: string, file: string): Results {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${messageOf(error)}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the file';
    throw new Error(`${file} is not a benchmark results file: ${where}: ${issue?.message}`);
  }
  return {
    sections: parsed.data.sections.map((s) => ({
      benchmarks: s.benchmarks,
      runs: s.runs.map((r) => ({
        ...r,
        rows: r.rows.map((row) => ({ ...row, value: row.value ?? Number.NaN })),
      })),
    })),
  };
}

/**
 * The results a page was generated from, before a new run is merged in: none when neither the page
 * nor its data file exists. A page without its data file is refused (its figures would be lost).
 */
export function readResults(page: string): Results {
  const data = dataFileOf(page);
  if (existsSync(data)) return parseResults(readFileSync(data, 'utf8'), data);
  if (existsSync(page)) {
    throw new Error(
      `${page} exists but ${data}, the rows it is generated from, does not: ` +
        `move ${page} away to start a new results file`,
    );
  }
  return { sections: [] };
}
