// The built-in catalog, replayed: what Vigie would have shown on 4 October 2021, when Facebook,
// Instagram, WhatsApp and Messenger were unreachable for about six hours (their DNS names stopped
// resolving, Meta's own status site with them), and on a day when the user's network blocks
// WhatsApp while Meta says all is well. The services, hosts, providers and categories are the
// catalog's; the probe results are what those failures look like to Vigie's probes (SERVFAIL for
// names that do not resolve, an unreadable status source, other networks failing too — or, for
// the block, resets from this network only). 90 days of history end on the replayed day. No
// engine runs: the window reads these snapshots through the real handlers, as recorded.
import { DAY, HOUR, MINUTE } from '../../shared/durations';
import type { ServiceConfig } from '../../shared/config-schema';
import type { ProbeResult, SecondOpinion, ServiceStatus, Snapshot } from '../../shared/types';
import { defaultConfig } from '../../main/engine/catalog';
import type { Scheduler } from '../../main/engine/scheduler';
import { openHistory, type HistoryStore } from '../../main/history/store';

/** 4 October 2021: the outage began about 15:40 UTC; the replay stands at 17:30 UTC. */
export const OUTAGE_START = Date.UTC(2021, 9, 4, 15, 40);
export const REPLAY_AT = Date.UTC(2021, 9, 4, 17, 30);
const META = new Set(['facebook', 'instagram', 'whatsapp', 'messenger', 'whatsapp-business']);

export type Scenario = 'meta-outage' | 'network-block';

/** The target a probe result names, from the catalog's own definition. */
function targetOf(probe: ServiceConfig['probes'][number]): string {
  if ('url' in probe && probe.url) return probe.url;
  if (probe.kind === 'metastatus') return 'https://metastatus.com/data/orgs.json';
  if ('host' in probe) return probe.host;
  return probe.kind;
}

function probesFor(service: ServiceConfig, scenario: Scenario | 'up', seed: number): ProbeResult[] {
  return service.probes.map((probe, i): ProbeResult => {
    const target = targetOf(probe);
    const official = probe.kind !== 'dns' && probe.kind !== 'tcp' && probe.kind !== 'http';
    const latencyMs = 40 + ((seed + i * 7) % 60);
    if (scenario === 'up' || (scenario === 'network-block' && official)) {
      return {
        kind: probe.kind,
        target,
        state: 'up',
        code: null,
        latencyMs,
        bytes: official ? 900 : 120,
        detail: official ? 'All systems operational' : `answered in ${latencyMs} ms`,
        attempts: 1,
        ...(official
          ? {
              official: {
                state: 'operational',
                description: 'All systems operational',
                messages: [],
              },
            }
          : {}),
        ...('scope' in probe && probe.scope ? { scope: probe.scope } : {}),
      };
    }
    if (scenario === 'meta-outage') {
      // The names no longer resolved: every resolver answered SERVFAIL, the status site's too.
      return {
        kind: probe.kind,
        target,
        state: official ? 'unknown' : 'down',
        code: 'DNS_SERVFAIL',
        latencyMs: 30,
        bytes: 80,
        detail: `DNS SERVFAIL for ${target.replace(/^https:\/\/([^/]+).*$/, '$1')}`,
        attempts: 2,
        ...('scope' in probe && probe.scope ? { scope: probe.scope } : {}),
      };
    }
    // The block: names resolve, connections from this network are reset.
    return {
      kind: probe.kind,
      target,
      state: probe.kind === 'dns' ? 'up' : 'down',
      code: probe.kind === 'dns' ? null : 'CONN_RESET',
      latencyMs: probe.kind === 'dns' ? latencyMs : 12,
      bytes: 90,
      detail:
        probe.kind === 'dns' ? `1 A record in ${latencyMs} ms` : `connection reset by ${target}`,
      attempts: 2,
    };
  });
}

/** Other networks: none reach it on 4 October (everywhere), all of them do during the block. */
function opinion(scenario: Scenario, target: string, at: number): SecondOpinion {
  const everywhere = scenario === 'meta-outage';
  return {
    country: { code: 'CI', asked: 3, reachable: everywhere ? 0 : 3 },
    world: { asked: 10, reachable: everywhere ? 0 : 10 },
    checkedAt: at,
    outcome: everywhere ? 'everywhere' : 'network',
    check: 'http',
    target,
    bytes: 2400,
  };
}

let defaultSet: ServiceConfig[] | null = null;
/** The default set (what a user watches until they pick), read once: replays ask thousands of times. */
function watched(): ServiceConfig[] {
  defaultSet ??= defaultConfig().services.filter((s) => s.enabled);
  return defaultSet;
}

/** Every catalog service at `at`: the affected ones down as the scenario says, the rest up. */
export function replayServices(scenario: Scenario, at: number, since: number): ServiceStatus[] {
  return watched().map((service, index): ServiceStatus => {
    const hit = scenario === 'meta-outage' ? META.has(service.id) : service.id === 'whatsapp';
    const base = {
      id: service.id,
      name: service.name,
      critical: service.critical,
      provider: service.provider,
      category: service.category,
      statusPageUrl: service.statusPageUrl,
      checkedAt: at,
    };
    if (!hit) {
      return {
        ...base,
        state: 'up',
        cause: null,
        summary: 'all checks passed',
        probes: probesFor(service, 'up', index),
        since: at - 30 * DAY,
      };
    }
    const http = service.probes.find((p) => p.kind === 'http');
    return {
      ...base,
      state: 'down',
      cause: scenario === 'meta-outage' ? 'provider' : 'network',
      summary: '',
      probes: probesFor(service, scenario, index),
      secondOpinion: opinion(scenario, http && 'url' in http ? http.url : service.name, at),
      since,
    };
  });
}

/** A snapshot of the replayed moment. */
export function replaySnapshot(scenario: Scenario, at = REPLAY_AT): Snapshot {
  const services = replayServices(scenario, at, OUTAGE_START);
  return {
    checkedAt: at,
    overall: 'outage',
    connectivity: {
      state: 'online',
      detail: '5/5 references answered',
      references: [],
      checkedAt: at,
    },
    services,
    bytes: 4200,
  };
}

/**
 * 90 days of the whole catalog, every 30 minutes, ending at the replayed moment: all up, then the
 * scenario from its start.
 */
export function seedReplayHistory(dir: string, scenario: Scenario): HistoryStore {
  let now = REPLAY_AT - 90 * DAY;
  const store = openHistory({ dir, now: () => now });
  for (; now <= REPLAY_AT; now += 30 * MINUTE) {
    const during = now >= OUTAGE_START;
    const services = during
      ? replayServices(scenario, now, OUTAGE_START)
      : replayServices(scenario, now, now).map((s) => ({
          ...s,
          state: 'up' as const,
          cause: null,
          probes: s.probes.map((p) => ({ ...p, state: 'up' as const, code: null })),
          secondOpinion: null,
        }));
    store.recordSnapshot({
      checkedAt: now,
      overall: during ? 'outage' : 'ok',
      connectivity: { state: 'online', detail: '', references: [], checkedAt: now },
      services,
      bytes: 4200,
    });
  }
  now = REPLAY_AT + HOUR / 2;
  return store;
}

/** A scheduler that only answers with the replayed snapshot (nothing is checked). */
export function replayScheduler(snapshot: Snapshot): Scheduler {
  const replay = {
    snapshot: () => snapshot,
    checkNow: () => Promise.resolve(snapshot),
    pause: () => undefined,
    resume: () => undefined,
  };
  // Only what the handlers call is needed; the rest of the Scheduler is never reached.
  return replay as unknown as Scheduler;
}
