// Every surface, rendered in French and Arabic from the same snapshots (one service down, three
// down, maintenance, offline, a Wi-Fi sign-in page, a block by the network): the banner, the tray
// and its tooltip, notifications, the alert sent to a phone, the incident report, and the lines of
// `check`, `watch` and `history`. No English reaches them, and no number stands before a noun
// outside the plural rules.
import { describe, expect, it } from 'vitest';
import {
  connectivityLine,
  describeChange,
  overallLine,
  snapshotTable,
} from '../../../main/cli/output';
import { composeAlerts } from '../../../main/alerts/words';
import { incidentLine } from '../../../main/cli/history-command';
import { buildReport, reportMarkdown } from '../../../main/playbooks/report';
import { noticesFor } from '../../../main/shell/notification-model';
import type { Incident } from '../../../shared/history-types';
import { trayModel } from '../../../main/shell/tray-model';
import { banner } from '../../../renderer/selectors';
import { createTranslator } from '../../../shared/i18n';
import { en } from '../../../shared/i18n/en';
import { fr } from '../../../shared/i18n/fr';
import { defaultSettings } from '../../../shared/settings-schema';
import type { ServiceStatus, Snapshot } from '../../../shared/types';
import { snapshotOf, statusOf } from '../../helpers/statuses';

const NOW = new Date(2021, 9, 4, 17, 30).getTime();
const SINCE = new Date(2021, 9, 4, 15, 42).getTime();
const times = { at: NOW, since: SINCE };

const service = (
  name: string,
  state: ServiceStatus['state'],
  cause: ServiceStatus['cause'],
): ServiceStatus =>
  statusOf(name, state, cause, times, {
    provider: 'Meta',
    // The engine's detail is English: a surface that shows it instead of words leaks it.
    probes:
      state === 'up'
        ? []
        : [
            {
              kind: 'http',
              target: `https://${name.toLowerCase()}.example/`,
              state: 'down',
              code: 'HTTP_STATUS',
              latencyMs: 120,
              bytes: 0,
              detail: 'HTTP 503 Service Unavailable after retrying the request',
              attempts: 2,
            },
            {
              kind: 'dns',
              target: `${name.toLowerCase()}.example`,
              state: 'down',
              code: 'TIMEOUT',
              latencyMs: 8000,
              bytes: 0,
              detail: 'query timed out waiting for the resolver',
              attempts: 2,
            },
          ],
  });

const online = (overall: Snapshot['overall'], services: ServiceStatus[]) =>
  snapshotOf(NOW, overall, services, { bytes: 3400 });
const SCENES: Record<string, Snapshot> = {
  'one service down': online('outage', [service('WhatsApp', 'down', 'provider')]),
  'three services down': online('outage', [
    service('Facebook', 'down', 'provider'),
    service('Instagram', 'down', 'provider'),
    service('WhatsApp', 'down', 'provider'),
  ]),
  maintenance: online('degraded', [service('WhatsApp', 'maintenance', 'provider')]),
  offline: snapshotOf(NOW, 'offline', [service('WhatsApp', 'unknown', 'local')], {
    bytes: 3400,
    connectivity: { state: 'offline', detail: '', references: [] },
  }),
  'a Wi-Fi sign-in page': snapshotOf(NOW, 'offline', [service('WhatsApp', 'unknown', 'local')], {
    bytes: 3400,
    connectivity: { state: 'captive', detail: '', references: [] },
  }),
  'a block by the network': online('outage', [service('WhatsApp', 'down', 'network')]),
};

/** Names and codes that stay as they are in every language. */
const KNOWN = new Set(['Vigie', 'WhatsApp', 'Facebook', 'Instagram', 'Meta', 'HTTP', 'HTTPS']);

/** Every word of 4+ letters in a catalogue. */
function words(value: unknown): string[] {
  if (typeof value === 'string') return value.match(/\p{L}{4,}/gu) ?? [];
  if (value && typeof value === 'object') return Object.values(value).flatMap(words);
  return [];
}
const FRENCH = new Set(words(fr).map((w) => w.toLowerCase()));
/** English words French never uses: one of them in a French surface is English that leaked. */
const ENGLISH_ONLY = new Set(
  words(en)
    .map((w) => w.toLowerCase())
    .filter((w) => !FRENCH.has(w)),
);

/** The words of `text` that are not the language's: Latin words in Arabic, English in French. */
function foreign(text: string, language: 'fr' | 'ar'): string[] {
  // An isolated token (a host name, a provider's own words) is left to right by design.
  let said = text.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, ' ');
  // French may show a host name bare; in Arabic it must be isolated (above).
  if (language === 'fr') said = said.replace(/\S+\.example\b/g, ' ');
  const latin = (said.match(/[A-Za-z][A-Za-z'’-]{3,}/g) ?? []).filter((w) => !KNOWN.has(w));
  return language === 'ar' ? latin : latin.filter((w) => ENGLISH_ONLY.has(w.toLowerCase()));
}

/** What each surface shows for a scene, in a language. */
function surfaces(snapshot: Snapshot, language: 'fr' | 'ar'): Record<string, string> {
  const tr = createTranslator(language);
  const settings = defaultSettings();
  const tray = trayModel(snapshot, { tr, settings, now: NOW, checking: false });
  const changes = snapshot.services.map((current) => ({
    serviceId: current.id,
    name: current.name,
    at: NOW,
    previous: { ...current, state: 'up' as const, cause: null },
    current,
  }));
  const notices = noticesFor(changes, { tr, settings, now: NOW, snapshot });
  const alerts = composeAlerts(changes, snapshot, tr, NOW, 'shop-laptop');
  const incidents: Incident[] = snapshot.services.map((s) => ({
    id: `${s.id}-${SINCE}`,
    serviceId: s.id,
    serviceName: s.name,
    start: SINCE,
    end: null,
    endNote: null,
    worstState: s.state === 'down' ? 'down' : 'degraded',
    cause: s.cause,
    evidenceAtStart: [
      ...s.probes.map(({ kind, target, state, code, detail }) => ({
        kind,
        target,
        state,
        code,
        detail,
      })),
      // Evidence recorded without a code keeps only the engine's English detail.
      {
        kind: 'tcp',
        target: `${s.id}.example:443`,
        state: 'down',
        code: null,
        detail: 'socket closed unexpectedly',
      },
    ],
    evidenceAtWorst: [],
    // The provider's own words are quoted as written: isolated in Arabic, quoted in French.
    messages: [{ title: 'Degraded performance', seenAt: SINCE + 60_000 }],
  }));
  const run = {
    id: 'run-1',
    startedAt: SINCE,
    endedAt: null,
    services: snapshot.services.map((s) => ({ id: s.id, name: s.name, provider: 'Meta' })),
    incidentIds: incidents.map((i) => i.id),
    openIncidentIds: incidents.map((i) => i.id),
    steps: [],
    events: [],
  };
  const names = new Map(snapshot.services.map((s) => [s.id, s.name]));
  // A provider's own words ("Degraded performance") are quoted as they were written.
  const report = reportMarkdown(buildReport(run, incidents, tr, NOW), tr);
  return {
    banner: banner(snapshot, tr, NOW).text,
    watch: changes.map((c) => describeChange(c, tr)).join('\n'),
    tooltip: tray.tooltip,
    menu: tray.menu.map((item) => item.label ?? '').join('\n'),
    notifications: notices.map((n) => `${n.title}\n${n.body}`).join('\n'),
    alert: alerts.map((a) => `${a.message.title}\n${a.message.body}`).join('\n'),
    report,
    history: incidents.map((i) => incidentLine(i, tr, NOW, (id) => names.get(id) ?? id)).join('\n'),
    check: [
      connectivityLine(snapshot, tr),
      snapshotTable(snapshot, false, tr),
      overallLine(snapshot, tr, NOW),
    ].join('\n'),
  };
}

/** Surfaces the operating system (or a phone) lays out on its own, line by line. */
const SYSTEM = ['tooltip', 'menu', 'notifications', 'alert'];

describe('Arabic on the system’s surfaces', () => {
  it.each(Object.keys(SCENES))(
    '%s: every line starts with a right-to-left mark, and left-to-right tokens are isolated',
    (scene) => {
      const shown = surfaces(SCENES[scene]!, 'ar');
      for (const surface of SYSTEM)
        for (const line of shown[surface]!.split('\n').filter((l) => l !== ''))
          expect(line.startsWith('\u200f'), `${surface}: ${line}`).toBe(true);
      for (const [surface, text] of Object.entries(shown)) {
        // Host names appear only inside isolates (U+2068 … U+2069).
        const bare = text.replace(/\u2068[^\u2069]*\u2069/g, ' ').match(/\S+\.example\S*/g);
        expect(bare, `${surface}: ${text}`).toBeNull();
      }
    },
  );
});

describe.each(['fr', 'ar'] as const)('every surface in %s', (language) => {
  it.each(Object.keys(SCENES))('%s: no English, no bare number before a noun', (scene) => {
    for (const [surface, text] of Object.entries(surfaces(SCENES[scene]!, language))) {
      expect(foreign(text, language), `${surface}: ${text}`).toEqual([]);
      // "0 réseau", "1 jours", "3 يومًا": a number before a noun goes through the plural rules.
      const bare = /(^|\s)0 (?!(من|sur|de)\s)\p{L}|(^|\s)1 (jours|heures|services|réseaux)/u;
      expect(bare.exec(text)?.[0], `${surface}: ${text}`).toBeUndefined();
    }
  });
});
