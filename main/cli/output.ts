// How the command line shows a snapshot: the JSON object of docs/reference.md#json-output, a readable table, exit codes.
import type { Translator } from '../../shared/i18n';
import { localSummary } from '../../shared/i18n/evidence';
import { forTerminal } from './terminal-text';
import { formatBytes } from '../../shared/format';
import { story } from '../../shared/story';
import type {
  ProbeResult,
  PublicContext,
  SecondOpinion,
  ServiceStatus,
  Snapshot,
  VerdictChange,
  VerdictState,
} from '../../shared/types';

/** Exit statuses of `npm run check` (docs/reference.md#exit-status). */
export const EXIT = {
  ok: 0,
  degraded: 1,
  down: 2,
  local: 3,
  usage: 64,
  config: 78,
  unreadable: 74,
  software: 70,
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
    ...(p.scope ? { scope: p.scope } : {}),
    ...(p.official ? { official: p.official } : {}),
  };
}

/** The second opinion as JSON: counts per group, times in ISO, or null when none was asked. */
function opinionJson(opinion: SecondOpinion | null | undefined) {
  if (!opinion) return null;
  return {
    country: opinion.country,
    world: opinion.world,
    checkedAt: new Date(opinion.checkedAt).toISOString(),
    outcome: opinion.outcome,
    check: opinion.check,
    target: opinion.target,
    ...(opinion.failure ? { failure: opinion.failure } : {}),
  };
}

const iso = (at: number) => new Date(at).toISOString();

/** Public context as JSON: each part with its time in ISO (bytes left out), null when not asked. */
function contextJson(context: PublicContext | null | undefined) {
  if (!context) return null;
  const { routes, ooni, ioda } = context;
  return {
    routes: routes && {
      checkedAt: iso(routes.checkedAt),
      prefixes: routes.prefixes,
      withdrawn: routes.withdrawn,
      ...(routes.failure ? { failure: routes.failure } : {}),
    },
    ooni: ooni && {
      checkedAt: iso(ooni.checkedAt),
      country: ooni.country,
      test: ooni.test,
      ...(ooni.domains ? { domains: ooni.domains } : {}),
      since: ooni.since,
      until: ooni.until,
      networks: ooni.networks,
      ...(ooni.failure ? { failure: ooni.failure } : {}),
      ...(ooni.message ? { message: ooni.message } : {}),
    },
    ioda: ioda && {
      checkedAt: iso(ioda.checkedAt),
      country: ioda.country,
      outage: ioda.outage && { ...ioda.outage, since: iso(ioda.outage.since) },
      ...(ioda.failure ? { failure: ioda.failure } : {}),
      ...(ioda.message ? { message: ioda.message } : {}),
    },
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
      secondOpinion: opinionJson(s.secondOpinion),
      context: contextJson(s.context),
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
export function stateLabel(state: VerdictState, colour: boolean, tr: Translator): string {
  const label = `${MARKS[state]} ${tr.t(`state.${state}`)}`;
  return colour ? `${COLOURS[state]}${label}${RESET}` : label;
}

const CONNECTIVITY_KEYS = {
  online: 'cli.online',
  offline: 'cli.offline',
  captive: 'cli.captive',
  'dns-broken': 'cli.dnsBroken',
} as const;

function causeWords(s: ServiceStatus, tr: Translator): string {
  return s.cause ? tr.t(`cli.${s.cause}`, { name: s.name }) : '';
}

/** The connectivity line, in the user's language. */
export function connectivityLine(snapshot: Snapshot, tr: Translator): string {
  const refs = snapshot.connectivity.references;
  return tr.t('cli.connectivity', {
    state: tr.t(CONNECTIVITY_KEYS[snapshot.connectivity.state]),
    answered: refs.filter((r) => r.state === 'up').length,
    asked: refs.length,
  });
}

/** The overall state as the tray and the window tell it: "Overall: Outage — WhatsApp is down…". */
export function overallLine(snapshot: Snapshot, tr: Translator, now: number): string {
  const told = story(snapshot, tr, now);
  // "You are offline — You are offline: services are checked again…" would say it twice.
  return told.sentence.startsWith(told.headline)
    ? tr.t('cli.overall', { overall: told.sentence })
    : tr.t('cli.overallWithSentence', { overall: told.headline, sentence: told.sentence });
}

/** The readable table of `check`, in the user's language (LANG), evidence included. */
export function snapshotTable(snapshot: Snapshot, colour: boolean, tr: Translator): string {
  const lines: string[] = [];
  lines.push(connectivityLine(snapshot, tr));
  lines.push(overallLine(snapshot, tr, Date.now()));
  lines.push('');
  const width = (texts: string[], min: number) => Math.max(min, ...texts.map((t) => t.length));
  const nameWidth = width([tr.t('cli.service'), ...snapshot.services.map((s) => s.name)], 7);
  const states = snapshot.services.map((s) => `${MARKS[s.state]} ${tr.t(`state.${s.state}`)}`);
  const stateWidth = width([tr.t('cli.state'), ...states], 5);
  const causeWidth = width(
    [tr.t('cli.cause'), ...snapshot.services.map((s) => causeWords(s, tr))],
    5,
  );
  lines.push(
    `${tr.t('cli.service').padEnd(nameWidth)}  ${tr.t('cli.state').padEnd(stateWidth)}  ${tr.t('cli.cause').padEnd(causeWidth)}  ${tr.t('cli.summary')}`,
  );
  // Offline, behind a login page or without DNS, the overall line says why once, not per service.
  const localSaid = snapshot.connectivity.state !== 'online';
  snapshot.services.forEach((s, i) => {
    const pad = ' '.repeat(Math.max(0, stateWidth - (states[i] ?? '').length));
    const summary =
      localSaid && s.cause === 'local'
        ? ''
        : forTerminal(
            localSummary(s.probes, tr, s.cause, s.secondOpinion, {
              context: s.context,
              service: s.name,
              provider: s.provider,
            }),
          );
    lines.push(
      `${forTerminal(s.name).padEnd(nameWidth)}  ${stateLabel(s.state, colour, tr)}${pad}  ${causeWords(s, tr).padEnd(causeWidth)}  ${summary}`.trimEnd(),
    );
  });
  lines.push('');
  lines.push(
    tr.t('cli.footer', {
      time: tr.clock(snapshot.checkedAt),
      used: formatBytes(snapshot.bytes, tr),
    }),
  );
  return lines.join('\n');
}

/**
 * One confirmed change, as a line: "15:42:03  Chat: up → down (their side) — …"; a change of cause
 * only says the causes ("down (your network → their side)"); a recovery says how long it lasted.
 */
export function describeChange(change: VerdictChange, tr: Translator): string {
  const { previous, current } = change;
  const causeOf = (status: { cause: VerdictChange['current']['cause'] }) =>
    status.cause ? tr.t(`cli.${status.cause}`, { name: change.name }) : '';
  const state = tr.t(`state.${current.state}`);
  const arrow = (from: string, to: string) => tr.t('join.arrow', { from, to });
  let what: string;
  if (previous && previous.state === current.state) {
    const causes = arrow(causeOf(previous) || '—', causeOf(current) || '—');
    what = tr.t('join.aside', { text: state, aside: causes });
  } else {
    const from = previous ? tr.t(`state.${previous.state}`) : tr.t('cli.start');
    what = arrow(from, state);
    if (current.cause) what = tr.t('join.aside', { text: what, aside: causeOf(current) });
    const since = previous?.since;
    if (previous && current.state === 'up' && since !== undefined && since < change.at)
      what += ` ${tr.t('cli.lasted', { state: tr.t(`state.${previous.state}`), duration: tr.duration(change.at - since) })}`;
  }
  const summary = localSummary(current.probes, tr, current.cause, current.secondOpinion, {
    context: current.context,
    service: current.name,
    provider: current.provider,
  });
  const said = tr.t('join.dash', { a: what, b: summary });
  return forTerminal(
    `${tr.clock(change.at)}  ${tr.t('join.label', { label: change.name, value: said })}`,
  );
}

/** While this computer is offline every service reads "unknown": the connectivity line says it once. */
export function saidByConnectivity(change: VerdictChange): boolean {
  return change.current.state === 'unknown' && change.current.cause === 'local';
}
