// Every surface, rendered in French and Arabic from the same snapshots (one service down, three
// down, maintenance, offline, a Wi-Fi sign-in page, a block by the network): no English reaches
// them, and no number stands before a noun outside the plural rules.
import { describe, expect, it } from 'vitest';
import {
  connectivityLine,
  describeChange,
  overallLine,
  snapshotTable,
} from '../../../main/cli/output';
import { noticesFor } from '../../../main/shell/notification-model';
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
): ServiceStatus => statusOf(name, state, cause, times, { provider: 'Meta' });

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
  const latin = (text.match(/[A-Za-z][A-Za-z'’-]{3,}/g) ?? []).filter((w) => !KNOWN.has(w));
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
  return {
    banner: banner(snapshot, tr, NOW).text,
    watch: changes.map((c) => describeChange(c, tr)).join('\n'),
    tooltip: tray.tooltip,
    menu: tray.menu.map((item) => item.label ?? '').join('\n'),
    notifications: notices.map((n) => `${n.title}\n${n.body}`).join('\n'),
    check: [
      connectivityLine(snapshot, tr),
      snapshotTable(snapshot, false, tr),
      overallLine(snapshot, tr, NOW),
    ].join('\n'),
  };
}

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
