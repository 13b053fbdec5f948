// The built-in catalog as data: every entry sound, every official source read right.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_CATEGORIES, type ProbeConfig } from '../../../../shared/config-schema';
import { defaultConfig } from '../../../../main/engine/catalog';
import { defaultPlaybookId, defaults } from '../../../../main/playbooks/defaults';
import { googleWorkspaceSource } from '../../../../main/engine/sources/google-workspace';
import { incidentioSource } from '../../../../main/engine/sources/incidentio';
import { instatusSource } from '../../../../main/engine/sources/instatus';
import { m365Source } from '../../../../main/engine/sources/m365';
import { metastatusSource } from '../../../../main/engine/sources/metastatus';
import { slackSource } from '../../../../main/engine/sources/slack';
import { statuspageSource } from '../../../../main/engine/sources/statuspage';
import type { OfficialState } from '../../../../shared/types';

const json = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8'));
const NOW = Date.parse('2022-10-25T08:00:00Z');
const catalog = defaultConfig();

/** The host a direct probe reaches. */
function hostOf(probe: ProbeConfig): string | null {
  if (probe.kind === 'dns' || probe.kind === 'tcp' || probe.kind === 'tls') return probe.host;
  if (probe.kind === 'http') return new URL(probe.url).hostname;
  return null;
}

describe('the built-in catalog', () => {
  it('holds at least 150 services, each in a category of the catalog', () => {
    expect(catalog.services.length).toBeGreaterThanOrEqual(150);
    for (const s of catalog.services) expect(CATALOG_CATEGORIES).toContain(s.category);
    for (const category of CATALOG_CATEGORIES)
      expect(catalog.services.some((s) => s.category === category)).toBe(true);
  });

  it('gives every entry a verified note, a provider and a playbook that exists', () => {
    const playbooks = new Set(defaults().playbooks.map((p) => p.id));
    for (const s of catalog.services) {
      expect(s.verified?.length ?? 0, s.id).toBeGreaterThan(30);
      expect(s.provider, s.id).toBeTruthy();
      expect(playbooks.has(s.playbook ?? defaultPlaybookId(s.category)), s.id).toBe(true);
      if (s.playbook) expect(playbooks.has(s.playbook), `${s.id}: ${s.playbook}`).toBe(true);
    }
  });

  /** Hosts two services really share: the WhatsApp Cloud API is served by Facebook's Graph API. */
  const SHARED = new Set(['graph.facebook.com']);

  it('has unique ids, and no host is probed directly by two services', () => {
    const ids = catalog.services.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const owner = new Map<string, string>();
    for (const s of catalog.services)
      for (const p of s.probes) {
        const host = hostOf(p);
        if (host === null || SHARED.has(host)) continue;
        const before = owner.get(host);
        expect(before === undefined || before === s.id, `${host}: ${before} and ${s.id}`).toBe(
          true,
        );
        owner.set(host, s.id);
      }
  });

  it('probes every service directly, whatever its official source', () => {
    for (const s of catalog.services) expect(s.probes.some((p) => hostOf(p) !== null)).toBe(true);
  });

  it('makes mobile money first class: Orange Money, MTN MoMo, Wave, M-Pesa, Moov Money', () => {
    const payments = catalog.services.filter((s) => s.category === 'payments').map((s) => s.id);
    expect(payments).toEqual(
      expect.arrayContaining(['orange-money', 'mtn-momo', 'wave', 'm-pesa', 'moov-money']),
    );
    expect(catalog.services.find((s) => s.id === 'wave')?.playbook).toBe('default-payments');
  });

  it('watches only the default set until the user picks', () => {
    const watched = catalog.services.filter((s) => s.enabled).map((s) => s.id);
    expect(watched).toEqual([
      'facebook',
      'instagram',
      'tiktok',
      'messenger',
      'whatsapp',
      'whatsapp-business',
      'signal',
      'telegram',
      'google-workspace',
      'slack',
      'notion',
      'linkedin',
      'x',
      'discord',
      'zoom',
      'microsoft-365',
      'youtube',
    ]);
  });
});

/**
 * Every official source the catalog names, read from payloads of its provider's shape: a calm
 * one must read as operational, a troubled one as the trouble it carries.
 */
describe('the catalog’s official sources, judged against captured payloads', () => {
  const officials = catalog.services.flatMap((s) =>
    s.probes.filter((p) => hostOf(p) === null).map((p) => ({ id: s.id, probe: p })),
  );

  it('uses only kinds with fixtures', () => {
    const kinds = new Set(officials.map((o) => o.probe.kind));
    expect([...kinds].sort()).toEqual([
      'google-workspace',
      'incidentio',
      'instatus',
      'm365',
      'metastatus',
      'slack',
      'statuspage',
    ]);
  });

  it.each(officials.map((o) => [o.id, o.probe.kind, o.probe] as const))(
    '%s (%s) reads calm as operational and trouble as trouble',
    (id, _kind, probe) => {
      const read = (payload: string): OfficialState => {
        const payloadOf = json(payload);
        switch (probe.kind) {
          case 'statuspage':
            return statuspageSource.parse(payloadOf, probe, NOW).state;
          case 'incidentio':
            return incidentioSource.parse(payloadOf, probe, NOW).state;
          case 'instatus':
            return instatusSource.parse(payloadOf, probe, NOW).state;
          case 'google-workspace':
            return googleWorkspaceSource.parse(payloadOf, probe, NOW).state;
          case 'm365':
            return m365Source.parse(payloadOf, probe, NOW).state;
          case 'slack':
            return slackSource.parse(payloadOf, probe, NOW).state;
          case 'metastatus':
            return metastatusSource.parse(payloadOf, probe, NOW).state;
          default:
            throw new Error(`${id}: no fixture for ${probe.kind}`);
        }
      };
      switch (probe.kind) {
        case 'statuspage':
          expect(read('statuspage-summary-operational.json')).toBe('operational');
          expect(read('statuspage-summary-major.json')).toBe('major');
          expect(read('statuspage-summary-maintenance.json')).toBe('maintenance');
          break;
        case 'incidentio':
          expect(read('incidentio-widget-operational.json')).toBe('operational');
          expect(read('incidentio-widget-outage.json')).toBe('major');
          break;
        case 'instatus':
          expect(read('instatus-summary-up.json')).toBe('operational');
          expect(read('instatus-summary-hasissues.json')).toBe('major');
          break;
        case 'google-workspace': {
          // The fixture has an open Gmail incident and a closed Drive one.
          const gmail = (probe.products ?? []).includes('Gmail');
          expect(read('google-workspace-incidents.json')).toBe(gmail ? 'major' : 'operational');
          // The open incident moved onto the probe's first product: that product's trouble.
          const product = probe.products?.[0] ?? 'Gmail';
          const moved = (json('google-workspace-incidents.json') as Record<string, unknown>[]).map(
            (incident) =>
              incident['end'] === null
                ? {
                    ...incident,
                    service_name: product,
                    affected_products: [{ title: product, id: 'moved' }],
                  }
                : incident,
          );
          expect(googleWorkspaceSource.parse(moved, probe, NOW).state).toBe('major');
          break;
        }
        case 'm365':
          if (probe.url.endsWith('/mac')) {
            expect(read('m365-posts-mac.json')).toBe('operational');
            expect(read('m365-posts-mac-degraded.json')).toBe('degraded');
          } else {
            // Outlook.com is degraded in the list: its own post speaks, the others' do not.
            expect(read('m365-posts-consumer-display.json')).toBe('degraded');
            const posts = json('m365-posts-consumer-display.json') as {
              ServiceDisplayName: string;
              Status: string;
            }[];
            const others = posts.map((p) => ({
              ...p,
              Status: p.ServiceDisplayName === 'Outlook.com' ? 'Available' : 'Service degradation',
            }));
            expect(m365Source.parse(others, probe, NOW).state).toBe('operational');
          }
          break;
        case 'slack':
          expect(read('slack-current-ok.json')).toBe('operational');
          expect(read('slack-current-outage.json')).toBe('major');
          break;
        case 'metastatus': {
          // Meta's orgs.json with the probe's org, calm then in trouble (ids moved onto the org).
          const as = (file: string, from: string) =>
            (json(file) as { id: string }[]).map((o) =>
              o.id === from ? { ...o, id: probe.org } : o,
            );
          const calm = as('metastatus-orgs-operational.json', 'whatsapp-business-api');
          const trouble = as('metastatus-orgs-outage.json', 'whatsapp-business-api');
          expect(metastatusSource.parse(calm, probe, NOW).state).toBe('operational');
          expect(metastatusSource.parse(trouble, probe, NOW).state).toBe('major');
          break;
        }
        default:
          throw new Error(`${id}: no fixture for ${probe.kind}`);
      }
    },
  );
});
