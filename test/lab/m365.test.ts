// Microsoft's public status, as its endpoints really answer (captures in test/fixtures/README.md):
// the admin center's post is one object, consumer posts a list with one post per service; Status
// words come as enum words or display strings; a post about one product speaks for that product
// only. Every service here is checked through a whole engine cycle against a loopback server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type ConfigInput } from '../../shared/config-schema';
import type { ServiceStatus } from '../../shared/types';
import { createEngine } from '../../main/engine';
import { fixture, healthyReferences, labConnectivity, startLab, type Lab } from './lab';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab.close());
afterEach(() => lab.http.clearRoutes());

const TIMEOUT = 400;

/** A service with a web front at `/` (or `path`), whose status is read from Microsoft's `posts` endpoint. */
function service(
  id: string,
  name: string,
  endpoint: string,
  services?: string[],
  options: { path?: string; scope?: 'service' | 'related' } = {},
) {
  return {
    id,
    name,
    category: 'email-office' as const,
    provider: 'Microsoft',
    probes: [
      { kind: 'dns' as const, host: 'chat.lab.test', timeoutMs: TIMEOUT },
      {
        kind: 'http' as const,
        url: `${lab.https('chat')}${options.path ?? '/'}`,
        method: 'GET' as const,
        timeoutMs: TIMEOUT,
      },
      {
        kind: 'm365' as const,
        url: `${lab.https('status')}/api/posts/${endpoint}`,
        ...(services ? { services } : {}),
        ...(options.scope ? { scope: options.scope } : {}),
        timeoutMs: TIMEOUT,
      },
    ],
  };
}

async function check(services: ConfigInput['services']): Promise<Map<string, ServiceStatus>> {
  const parsed = parseConfig({
    version: 1,
    dnsServers: [lab.dns.server],
    connectivity: labConnectivity(lab),
    services,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const engine = createEngine(parsed.config, { extraCa: [lab.certs.ca], retryDelayMs: 20 });
  try {
    const snapshot = await engine.checkOnce();
    return new Map(snapshot.services.map((s) => [s.id, s]));
  } finally {
    await engine.close();
  }
}

function serve(endpoint: string, file: string): void {
  healthyReferences(lab);
  lab.http.route('/', { status: 200, body: 'web' });
  lab.http.route(`/api/posts/${endpoint}`, {
    headers: { 'content-type': 'application/json' },
    body: fixture(file),
  });
}

describe('the admin center answers one post, not a list', () => {
  it('"Available" (the capture as it was): the source is read, the service is up', async () => {
    serve('mac', 'm365-posts-mac.json');
    const m365 = (await check([service('m365', 'Microsoft 365', 'mac')])).get('m365');
    expect(m365).toMatchObject({ state: 'up', cause: null });
    expect(m365?.probes[2]).toMatchObject({
      state: 'up',
      detail: 'Microsoft 365 admin center: available',
    });
  });

  it('"Service degradation" (a display string): degraded, Microsoft’s side, with its title', async () => {
    serve('mac', 'm365-posts-mac-degraded.json');
    const m365 = (await check([service('m365', 'Microsoft 365', 'mac')])).get('m365');
    expect(m365).toMatchObject({ state: 'degraded', cause: 'provider' });
    expect(m365?.probes[2]?.official?.messages[0]?.title).toBe(
      'Admins may be unable to access Service health in the Microsoft 365 admin center',
    );
  });
});

describe('the admin center speaks for itself, not for the services inside it', () => {
  it('its "Available" never blames your network for Teams being unreachable (as the catalog reads it)', async () => {
    serve('mac', 'm365-posts-mac.json');
    lab.http.route('/hang', { hang: true });
    const teams = (
      await check([
        service('teams', 'Teams', 'mac', undefined, { path: '/hang', scope: 'related' }),
      ])
    ).get('teams');
    expect(teams).toMatchObject({ state: 'down', cause: 'unconfirmed' });
    expect(teams?.probes[2]?.official?.subject).toBe('Microsoft 365 admin center');
  });
});

describe('consumer posts: one per product, display strings', () => {
  const consumers = () => [
    service('outlook', 'Outlook.com', 'm365Consumer', ['Outlook.com']),
    service('onedrive', 'OneDrive', 'm365Consumer', ['OneDrive']),
    service('copilot', 'Copilot', 'm365Consumer', ['Microsoft Copilot']),
    service('phone-link', 'Phone Link', 'm365Consumer', ['Phone Link']),
  ];

  it('only Outlook.com is degraded: OneDrive, on the same answer with its own filter, stays up', async () => {
    serve('m365Consumer', 'm365-posts-consumer-display.json');
    const statuses = await check(consumers());
    expect(statuses.get('outlook')).toMatchObject({ state: 'degraded', cause: 'provider' });
    expect(statuses.get('outlook')?.probes[2]?.detail).toBe('Outlook.com: Service degradation');
    expect(statuses.get('onedrive')).toMatchObject({ state: 'up', cause: null });
    expect(statuses.get('onedrive')?.probes[2]?.official?.messages).toEqual([]);
  });

  it('"Service restored" and "Operational" read as all well, not degraded', async () => {
    serve('m365Consumer', 'm365-posts-consumer-display.json');
    const statuses = await check(consumers());
    expect(statuses.get('copilot')).toMatchObject({ state: 'up', cause: null });
    expect(statuses.get('phone-link')).toMatchObject({ state: 'up', cause: null });
  });

  it('a filter that names no product of the answer is no evidence, never "available"', async () => {
    serve('m365Consumer', 'm365-posts-consumer-display.json');
    const statuses = await check([service('skype', 'Skype', 'm365Consumer', ['Skype'])]);
    expect(statuses.get('skype')?.probes[2]).toMatchObject({ state: 'unknown' });
    expect(statuses.get('skype')?.probes[2]?.detail).toMatch(/no post names Skype/);
  });
});
