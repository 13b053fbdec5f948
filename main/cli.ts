// The command line over the engine: `check` runs one cycle, `watch` runs continuously.
// Works with no Electron at all: `npm run check` straight after `npm install`.
import { styleText } from 'node:util';
import type { VigieConfig } from '../shared/config-schema';
import type { Snapshot, VerdictChange } from '../shared/types';
import { parseCli, USAGE, UsageError, type CliArgs } from './cli/args';
import { EXIT, exitCodeFor, snapshotJson, snapshotTable, useColour } from './cli/output';
import { defaultConfig } from './engine/catalog';
import { loadConfigFile } from './engine/config-file';
import { createEngine } from './engine';

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly colour: boolean;
}

async function loadConfig(args: CliArgs, io: Io): Promise<VigieConfig | number> {
  let config: VigieConfig;
  if (args.config) {
    const loaded = await loadConfigFile(args.config);
    if (!loaded.ok) {
      io.err(`Bad config file ${loaded.file}:`);
      for (const p of loaded.problems) io.err(`  ${p.path}: ${p.message}`);
      return EXIT.config;
    }
    config = loaded.config;
  } else {
    config = defaultConfig();
  }
  if (args.only) {
    const known = new Set(config.services.map((s) => s.id));
    const unknown = args.only.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      io.err(`Unknown service id: ${unknown.join(', ')}. Known: ${[...known].join(', ')}`);
      return EXIT.usage;
    }
    const only = new Set(args.only);
    config = {
      ...config,
      services: config.services.map((s) => ({ ...s, enabled: only.has(s.id) })),
    };
  }
  return config;
}

async function check(config: VigieConfig, args: CliArgs, io: Io): Promise<number> {
  const engine = createEngine(config);
  try {
    const snapshot = await engine.checkOnce();
    io.out(
      args.json
        ? JSON.stringify(snapshotJson(snapshot), null, 2)
        : snapshotTable(snapshot, io.colour),
    );
    return exitCodeFor(snapshot);
  } finally {
    await engine.close();
  }
}

function clock(at: number): string {
  return new Date(at).toISOString().slice(11, 19);
}

function describeChange(change: VerdictChange): string {
  const from = change.previous ? change.previous.state : 'start';
  const cause = change.current.cause ? ` (${change.current.cause})` : '';
  return `${clock(change.at)}  ${change.name}: ${from} → ${change.current.state}${cause} — ${change.current.summary}`;
}

async function watch(config: VigieConfig, io: Io): Promise<number> {
  const engine = createEngine(config);
  let lastConnectivity = '';
  let lastOverall = '';
  engine.scheduler.on('change', (change) => io.out(describeChange(change)));
  engine.scheduler.on('snapshot', (snapshot: Snapshot) => {
    const connectivity = `${snapshot.connectivity.state} — ${snapshot.connectivity.detail}`;
    if (snapshot.connectivity.state !== lastConnectivity.split(' ')[0] || lastConnectivity === '') {
      io.out(`${clock(snapshot.checkedAt || Date.now())}  connectivity: ${connectivity}`);
    }
    lastConnectivity = connectivity;
    if (snapshot.overall !== lastOverall)
      io.out(`${clock(snapshot.checkedAt || Date.now())}  overall: ${snapshot.overall}`);
    lastOverall = snapshot.overall;
  });
  engine.scheduler.on('error', (error) =>
    io.err(`check failed: ${error instanceof Error ? error.message : String(error)}`),
  );
  io.out(
    `Watching ${config.services.filter((s) => s.enabled).length} services every ${config.intervalSeconds} s. Ctrl-C stops.`,
  );
  engine.scheduler.start();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await engine.close();
  io.out('Stopped.');
  return EXIT.ok;
}

/** Runs the command line; returns the exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
  if (args.command === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  const config = await loadConfig(args, io);
  if (typeof config === 'number') return config;
  return args.command === 'check' ? check(config, args, io) : watch(config, io);
}

const colour = useColour(process.stdout, process.env);
main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${colour ? styleText('red', text) : text}\n`),
  colour,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vigie: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
