// How the command line shows a snapshot: the DESIGN JSON object, a readable table, exit codes.
import type { ProbeResult, ServiceStatus, Snapshot, VerdictState } from '../../shared/types';

/** Exit statuses of `npm run check` (DESIGN, Command line). */
export const EXIT = {
  ok: 0,
  degraded: 1,
  down: 2,
  local: 3,
  usage: 64,
  config: 78,
  unreadable: 74,
} as const;

/** The exit status a snapshot deserves. */
export function exitCodeFor(snapshot: Snapshot): number {
  if (snapshot.connectivity.state !== 'online') return EXIT.local;
  if (snapshot.services.some((s) => s.state === 'down')) return EXIT.down;
  if (snapshot.services.some((s) => s.state !== 'up')) return EXIT.degraded;
  return EXIT.ok;
}

function probeJson(p: ProbeResult) {
  return {
    kind: p.kind,
    target: p.target,
    state: p.state,
    code: p.code,
    latencyMs: p.latencyMs,
    bytes: p.bytes,
    detail: p.detail,
    ...(p.official ? { official: p.official } : {}),
  };
}

/** The one JSON object of `check --json`. */
export function snapshotJson(snapshot: Snapshot) {
  return {
    checkedAt: new Date(snapshot.checkedAt).toISOString(),
    overall: snapshot.overall,
    connectivity: { state: snapshot.connectivity.state, detail: snapshot.connectivity.detail },
    bytes: snapshot.bytes,
    services: snapshot.services.map((s) => ({
      id: s.id,
      name: s.name,
      state: s.state,
      cause: s.cause,
      summary: s.summary,
      probes: s.probes.map(probeJson),
    })),
  };
}

const COLOURS: Readonly<Record<VerdictState, string>> = {
  up: '\u001b[32m',
  degraded: '\u001b[33m',
  maintenance: '\u001b[36m',
  down: '\u001b[31m',
  unknown: '\u001b[90m',
};
// Shapes as well as colours, for colour-blind readers and for NO_COLOR.
const MARKS: Readonly<Record<VerdictState, string>> = {
  up: '✓',
  degraded: '!',
  maintenance: '~',
  down: '✗',
  unknown: '?',
};
const RESET = '\u001b[0m';

/** Whether to colour: only on a terminal, and never when NO_COLOR is set. */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env['NO_COLOR'];
}

/** A state word with its mark, coloured when asked. */
export function stateLabel(state: VerdictState, colour: boolean): string {
  const label = `${MARKS[state]} ${state}`;
  return colour ? `${COLOURS[state]}${label}${RESET}` : label;
}

const CAUSE_WORDS: Readonly<Record<string, string>> = {
  provider: 'provider',
  network: 'your network',
  local: 'this machine',
  unconfirmed: 'unconfirmed',
};

function causeWords(s: ServiceStatus): string {
  return s.cause ? (CAUSE_WORDS[s.cause] ?? s.cause) : '';
}

/** The readable table of `check`. */
export function snapshotTable(snapshot: Snapshot, colour: boolean): string {
  const lines: string[] = [];
  lines.push(`Connectivity: ${snapshot.connectivity.state} — ${snapshot.connectivity.detail}`);
  lines.push(`Overall: ${snapshot.overall}`);
  lines.push('');
  const nameWidth = Math.max(7, ...snapshot.services.map((s) => s.name.length));
  const header = `${'SERVICE'.padEnd(nameWidth)}  ${'STATE'.padEnd(13)}  ${'CAUSE'.padEnd(12)}  SUMMARY`;
  lines.push(header);
  for (const s of snapshot.services) {
    const plain = `${MARKS[s.state]} ${s.state}`;
    const label = stateLabel(s.state, colour) + ' '.repeat(Math.max(0, 13 - plain.length));
    lines.push(`${s.name.padEnd(nameWidth)}  ${label}  ${causeWords(s).padEnd(12)}  ${s.summary}`);
  }
  lines.push('');
  lines.push(
    `Checked at ${new Date(snapshot.checkedAt).toISOString()}; ${snapshot.bytes} bytes used.`,
  );
  return lines.join('\n');
}
