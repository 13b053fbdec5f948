// `npm run history`: uptime, daily states and incidents from the recorded history, as a table,
// JSON or CSV. Reads without the writer lock, so it works while the app or `watch` records.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DAY } from '../../shared/durations';
import { formatBytes, formatRatio } from '../../shared/format';
import type { DayState } from '../history/queries';
import type { Incident } from '../../shared/history-types';
import { isolated, type Translator } from '../../shared/i18n';
import { recordedEvidenceWords } from '../../shared/i18n/evidence';
import { forTerminal, padTo } from './terminal-text';
import { daysCsv, incidentsCsv, localDate } from '../history/export';
import { ENDED_UNSEEN } from '../history/incidents';
import type { HistoryStore } from '../history/store';
import type { CliArgs } from './args';

export interface HistoryIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly tr: Translator;
}

const DAY_MARKS: Readonly<Record<DayState, string>> = {
  up: '✓',
  degraded: '!',
  down: '✗',
  maintenance: '~',
  none: '·',
};

/** Whether a data folder holds any history yet. */
export function hasHistory(dataDir: string): boolean {
  return existsSync(join(dataDir, 'history'));
}

/** Prints the history; returns the exit status. */
export function printHistory(
  store: HistoryStore,
  args: CliArgs,
  names: { get(id: string): string | undefined },
  io: HistoryIo,
  now: number,
): number {
  const days = Math.max(1, Math.ceil(args.sinceMs / DAY));
  const ids = args.service ? [args.service] : store.services();
  if (args.service && !store.services().includes(args.service)) {
    const recorded = store.services();
    io.err(
      recorded.length === 0
        ? io.tr.t('cliErrors.noServiceYet', { service: args.service })
        : io.tr.t('cliErrors.noService', {
            service: args.service,
            services: io.tr.list(
              recorded.map((id) => isolated(id, io.tr.language)),
              'plain',
            ),
          }),
    );
    return 64;
  }
  const since = now - args.sinceMs;
  const nameOf = (id: string) => names.get(id) ?? id;
  const services = ids.map((id) => ({
    id,
    name: nameOf(id),
    uptime: store.uptime(id, now),
    days: store.dailyCells(id, days, now),
    firstSeen: store.firstSeen(id, now),
  }));
  const incidents = store.incidents({ serviceId: args.service, since });
  for (const warning of store.warnings) io.err(`warning: ${warning}`);

  if (args.format === 'json') {
    io.out(
      JSON.stringify(
        {
          generatedAt: new Date(now).toISOString(),
          dataDir: store.dir,
          since: new Date(since).toISOString(),
          services: services.map((s) => ({
            id: s.id,
            name: s.name,
            recordedSince: s.firstSeen === null ? null : new Date(s.firstSeen).toISOString(),
            uptime: Object.fromEntries(
              ['24h', '7d', '30d', '90d'].map((k, i) => [k, s.uptime[i] ?? null]),
            ),
            days: s.days.map((d) => ({ ...d, date: localDate(d.day) })),
          })),
          incidents,
          bytesPerDay: store
            .bytesPerDay(days, now)
            .map((d) => ({ date: localDate(d.day), bytes: d.bytes })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  if (args.format === 'csv') {
    io.out(args.csv === 'days' ? daysCsv(services) : incidentsCsv(incidents, now).trimEnd());
    return 0;
  }
  const { t } = io.tr;
  const span = io.tr.duration(args.sinceMs);
  const width = Math.max(t('cli.service').length, ...services.map((s) => s.name.length));
  io.out(t('history.heading', { dir: store.dir, duration: span }));
  io.out('');
  io.out(
    `${t('cli.service').padEnd(width)}  ${'24H'.padEnd(8)}  ${'7D'.padEnd(8)}  ${'30D'.padEnd(8)}  ${'90D'.padEnd(8)}  ${t('history.days')}`,
  );
  // A window longer than what was recorded is marked: 70 % after three minutes says little.
  const partial: { service: string; duration: string }[] = [];
  for (const s of services) {
    const recorded = s.firstSeen === null ? null : now - s.firstSeen;
    let marked = false;
    const cells = s.uptime
      .map((u) => {
        if (u?.ratio == null) return padTo(t('window.none'), 8);
        const short = recorded !== null && recorded < u.windowMs;
        marked ||= short;
        return padTo(`${formatRatio(u.ratio, io.tr)}${short ? '*' : ''}`, 8);
      })
      .join('  ');
    if (recorded !== null && marked) {
      partial.push({ service: s.name, duration: io.tr.duration(recorded) });
    }
    io.out(
      `${forTerminal(s.name).padEnd(width)}  ${cells}  ${s.days.map((d) => DAY_MARKS[d.state]).join('')}`,
    );
  }
  // Recorded for the same time (one watch since the start): said once, not once per service.
  const durations = new Set(partial.map((p) => p.duration));
  const [duration] = durations;
  if (
    partial.length > 1 &&
    partial.length === services.length &&
    duration !== undefined &&
    durations.size === 1
  )
    io.out(forTerminal(t('history.partialAll', { duration })));
  else if (partial.length > 0)
    io.out(
      forTerminal(
        t('history.partial', {
          services: io.tr.list(partial.map((p) => t('history.recordedFor', p))),
        }),
      ),
    );
  io.out('');
  if (incidents.length === 0) {
    io.out(t('history.noIncident', { duration: span }));
  } else {
    io.out(t('history.incidents'));
    for (const i of incidents) io.out(incidentLine(i, io.tr, now, nameOf));
  }
  const bytes = store.bytesPerDay(1, now)[0]?.bytes ?? 0;
  io.out('');
  io.out(t('history.bytesToday', { used: formatBytes(bytes, io.tr) }));
  return 0;
}

/** One incident of `history`: when, how long, what and why, in the translator's language. */
export function incidentLine(
  i: Incident,
  tr: Translator,
  now: number,
  nameOf: (serviceId: string) => string,
): string {
  const { t } = tr;
  const end = i.end === null ? t('history.ongoing') : tr.moment(i.end);
  const line = t('menu.serviceLine', {
    service: nameOf(i.serviceId),
    state: t(`state.${i.worstState}`),
  });
  const what = i.cause
    ? t('history.withCause', {
        what: line,
        cause: t(`cli.${i.cause}`, { name: nameOf(i.serviceId) }),
      })
    : line;
  const evidence = recordedEvidenceWords(i.evidenceAtStart, tr);
  const lasted = t('join.aside', {
    text: t('join.arrow', { from: tr.moment(i.start), to: end }),
    aside: tr.duration((i.end ?? now) - i.start),
  });
  // Any other note is the recorder's English: the reader gets none rather than English.
  const period =
    i.endNote === ENDED_UNSEEN
      ? t('join.aside', { text: lasted, aside: t('history.endedUnseen') })
      : lasted;
  const told = evidence ? t('join.dash', { a: what, b: evidence }) : what;
  return forTerminal(`  ${period}  ${told}`);
}
