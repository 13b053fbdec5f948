// The incident report of a run: services, what failed, a timeline (verdict changes, the provider's
// messages, steps ticked and unticked, notes), the checklist with times, the notes — as Markdown
// (`npm run history -- --report ID` prints it) and as a standalone, print-ready HTML page.
import type { Incident } from '../../shared/history-types';
import { isolated, type Translator } from '../../shared/i18n';
import { recordedEvidenceWords } from '../../shared/i18n/evidence';
import { textIn } from '../../shared/playbook-schema';
import type { Run } from './runs';
import type { TeamEvent } from '../team/events';
import type { TeamIncident } from '../team/merge';

/** The team's side of a run's report: every member's ticks, unticks and notes, by name. */
export interface ReportTeam {
  /** This member's id: its own ticks are the run's (already in it), unless `own`. */
  readonly me: string;
  /** Also this member's team events (a run this computer has no journal for). */
  readonly own: boolean;
  readonly incident: TeamIncident;
  /** The events of the incident (and of the openings merged into it). */
  readonly events: readonly TeamEvent[];
  /** This member's name, on the run's own ticks and notes. */
  readonly myName: string;
  readonly members: readonly string[];
  readonly openedBy: string;
  readonly seenHere: boolean;
  /** A member's name by id (the latest they gave). */
  readonly nameOf: (member: string) => string;
}

interface Line {
  readonly at: number;
  readonly text: string;
}

export interface Report {
  readonly title: string;
  readonly facts: readonly (readonly [string, string])[];
  readonly failed: readonly string[];
  readonly timeline: readonly Line[];
  readonly steps: readonly { readonly done: boolean; readonly text: string }[];
  readonly notes: readonly Line[];
  readonly footer: string;
}

/** The report's content, in the translator's language. */
export function buildReport(
  run: Run,
  incidents: readonly Incident[],
  tr: Translator,
  now: number,
  team: ReportTeam | null = null,
): Report {
  const { t } = tr;
  const lang = tr.language;
  const mine = incidents.filter((i) => run.incidentIds.includes(i.id));
  const names = tr.list(run.services.map((s) => s.name));
  const stepTitle = (key: string) => {
    const step = run.steps.find((s) => s.key === key);
    return step ? textIn(step.title, lang) : key;
  };
  const end = run.endedAt;
  const timeline: Line[] = [];
  for (const incident of mine) {
    const cause = incident.cause ? t(`cli.${incident.cause}`, { name: incident.serviceName }) : '—';
    timeline.push({
      at: incident.start,
      text: t('report.incidentStart', {
        service: incident.serviceName,
        state: t(`state.${incident.worstState}`),
        cause,
      }),
    });
    const provider = run.services.find((s) => s.id === incident.serviceId)?.provider;
    for (const message of incident.messages)
      timeline.push({
        at: message.seenAt,
        text: t('report.official', {
          provider: provider ?? t('notify.theProvider'),
          title: isolated(message.title, tr.language),
        }),
      });
    if (incident.end !== null)
      timeline.push({
        at: incident.end,
        text: t('report.incidentEnd', { service: incident.serviceName }),
      });
  }
  // With a team, each tick, untick and note says who: this member's from the run, the others'
  // from the team's events.
  const ticked = (name: string | null, step: string, done: boolean) =>
    name === null
      ? t(done ? 'report.ticked' : 'report.unticked', { step })
      : t(done ? 'teamRun.reportTicked' : 'teamRun.reportUnticked', { name, step });
  const myName = team?.myName ?? null;
  for (const event of run.events) {
    if (event.type === 'tick')
      timeline.push({
        at: event.at,
        text: event.note
          ? t('join.dash', { a: ticked(myName, stepTitle(event.key), true), b: event.note })
          : ticked(myName, stepTitle(event.key), true),
      });
    if (event.type === 'untick')
      timeline.push({ at: event.at, text: ticked(myName, stepTitle(event.key), false) });
    if (event.type === 'join')
      timeline.push({ at: event.at, text: t('report.joined', { service: event.service.name }) });
    if (event.type === 'after') timeline.push({ at: event.at, text: t('report.afterPhase') });
    if (event.type === 'note')
      timeline.push({
        at: event.at,
        text:
          myName === null
            ? t('report.noteEvent', { text: event.text })
            : t('teamRun.reportNote', { name: myName, text: event.text }),
      });
  }
  const teamNotes: Line[] = [];
  for (const event of team?.events ?? []) {
    const at = Date.parse(event.ts);
    if (!team || !Number.isFinite(at) || (event.m === team.me && !team.own)) continue;
    const name = team.nameOf(event.m);
    if (event.type === 'incident.open')
      timeline.push({
        at,
        text: t('teamRun.reportOpened', {
          name,
          service: run.services.find((s) => s.id === event.service)?.name ?? event.service,
        }),
      });
    if (event.type === 'step.set')
      timeline.push({ at, text: ticked(name, stepTitle(event.step), event.done) });
    if (event.type === 'note.add') {
      timeline.push({ at, text: t('teamRun.reportNote', { name, text: event.text }) });
      teamNotes.push({ at, text: t('teamRun.reportNoteLine', { name, text: event.text }) });
    }
  }
  timeline.sort((a, b) => a.at - b.at);
  const failed = mine.map((i) => {
    const evidence = recordedEvidenceWords(
      i.evidenceAtWorst.length > 0 ? i.evidenceAtWorst : i.evidenceAtStart,
      tr,
    );
    const state = t(`state.${i.worstState}`);
    const what = i.cause
      ? t('report.incidentStart', {
          service: i.serviceName,
          state,
          cause: t(`cli.${i.cause}`, { name: i.serviceName }),
        })
      : t('menu.serviceLine', { service: i.serviceName, state });
    return evidence ? t('report.failedWith', { what, evidence }) : what;
  });
  const stepBy = (key: string) => {
    const shared = team?.incident.steps[key];
    if (!shared) return '';
    const at = Date.parse(shared.ts);
    const name = team?.nameOf(shared.by) ?? shared.byName;
    return Number.isFinite(at)
      ? tr.dated('teamRun.reportBy', at, { name })
      : t('teamRun.reportByName', { name });
  };
  return {
    title: t('report.title', { services: names }),
    facts: [
      [t('report.started'), tr.moment(run.startedAt, { zone: true })],
      [t('report.ended'), end === null ? t('report.ongoing') : tr.moment(end, { zone: true })],
      [t('report.duration'), tr.duration((end ?? now) - run.startedAt)],
      [
        t('report.services'),
        tr.list(
          run.services.map((s) =>
            s.provider ? t('join.aside', { text: s.name, aside: s.provider }) : s.name,
          ),
        ),
      ],
      ...(team
        ? ([
            [t('teamRun.reportTeam'), tr.list(team.members)],
            [
              t('teamRun.reportSeen'),
              team.seenHere
                ? t('teamRun.reportSeenHere')
                : t('teamRun.reportNotSeen', { name: team.openedBy }),
            ],
          ] as const)
        : []),
    ],
    failed,
    timeline,
    steps: run.steps.map((s) => {
      const when = s.done ? stepBy(s.key) || tr.dated('report.doneOn', s.done.at) : '';
      return {
        done: s.done !== null,
        text: t('join.dash', {
          a: textIn(s.title, lang),
          b: !s.done
            ? t('report.notDone')
            : s.done.note
              ? t('join.aside', { text: when, aside: s.done.note })
              : when,
        }),
      };
    }),
    notes: [
      ...run.events.flatMap((e) =>
        e.type === 'note'
          ? [
              {
                at: e.at,
                text:
                  myName === null
                    ? e.text
                    : t('teamRun.reportNoteLine', { name: myName, text: e.text }),
              },
            ]
          : [],
      ),
      ...teamNotes,
    ].sort((a, b) => a.at - b.at),
    footer: tr.dated('report.generated', now, {}, { zone: true }),
  };
}

/**
 * Text in Markdown, as text: line breaks become spaces (every line starts with our own markup, so
 * nothing can start a heading or a "- [x]" line), the punctuation that makes links, images,
 * emphasis, code and table cells inline is escaped, and HTML is written as entities (no
 * `<img onerror>` or `<script>` in a viewer that renders HTML).
 */
export function markdownText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~!]/g, (c) => `\\${c}`)
  );
}

export function reportMarkdown(report: Report, tr: Translator): string {
  const { t } = tr;
  const md = markdownText;
  const lines = [`# ${md(report.title)}`, ''];
  for (const [name, value] of report.facts)
    lines.push(`- **${md(t('report.factLabel', { name }))}** ${md(value)}`);
  lines.push('', `## ${md(t('report.whatFailed'))}`, '');
  for (const line of report.failed) lines.push(`- ${md(line)}`);
  lines.push(
    '',
    `## ${md(t('report.timeline'))}`,
    '',
    `| ${md(t('report.time'))} | ${md(t('report.event'))} |`,
    '| --- | --- |',
  );
  for (const line of report.timeline) lines.push(`| ${tr.moment(line.at)} | ${md(line.text)} |`);
  lines.push('', `## ${md(t('report.steps'))}`, '');
  for (const step of report.steps) lines.push(`- [${step.done ? 'x' : ' '}] ${md(step.text)}`);
  if (report.notes.length > 0) {
    lines.push('', `## ${md(t('report.notes'))}`, '');
    for (const note of report.notes)
      lines.push(`- ${t('join.dash', { a: tr.moment(note.at), b: md(note.text) })}`);
  }
  lines.push('', `_${md(report.footer)}_`, '');
  return lines.join('\n');
}

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A standalone page, right to left in Arabic, that prints on paper as it looks on screen. */
export function reportHtml(report: Report, tr: Translator): string {
  const { t } = tr;
  const dir = tr.language === 'ar' ? 'rtl' : 'ltr';
  const rows = report.timeline
    .map((l) => `<tr><td>${escape(tr.moment(l.at))}</td><td>${escape(l.text)}</td></tr>`)
    .join('\n');
  const steps = report.steps
    .map((s) => `<li>${s.done ? '☑' : '☐'} ${escape(s.text)}</li>`)
    .join('\n');
  const notes =
    report.notes.length > 0
      ? `<h2>${escape(t('report.notes'))}</h2>\n<ul>${report.notes.map((n) => `<li>${escape(t('join.dash', { a: tr.moment(n.at), b: n.text }))}</li>`).join('\n')}</ul>`
      : '';
  return `<!doctype html>
<html lang="${tr.language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(report.title)}</title>
<style>
body { font-family: system-ui, 'Noto Sans', 'Noto Sans Arabic', sans-serif; color: #111; margin: 2rem; max-width: 50rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; border-bottom: 1px solid #ccc; padding: 0.3rem 0.5rem; vertical-align: top; }
td:first-child { white-space: nowrap; font-variant-numeric: tabular-nums; }
ul.steps { list-style: none; padding-inline-start: 0; }
@media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escape(report.title)}</h1>
<dl>
${report.facts.map(([n, v]) => `<dt>${escape(n)}</dt><dd>${escape(v)}</dd>`).join('\n')}
</dl>
<h2>${escape(t('report.whatFailed'))}</h2>
<ul>${report.failed.map((f) => `<li>${escape(f)}</li>`).join('\n')}</ul>
<h2>${escape(t('report.timeline'))}</h2>
<table>
<thead><tr><th>${escape(t('report.time'))}</th><th>${escape(t('report.event'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>${escape(t('report.steps'))}</h2>
<ul class="steps">
${steps}
</ul>
${notes}
<p><small>${escape(report.footer)}</small></p>
</body>
</html>
`;
}
