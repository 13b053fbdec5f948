// The whole lab: HTTP + HTTPS + DNS on loopback, and configs that point a service at it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConfigInput } from '../../shared/config-schema';
import { labCerts, type LabCerts } from './certs';
import { startDnsLab, type DnsLab } from './dns-lab';
import { startHttpLab, type HttpLab } from './http-lab';

export interface Lab {
  readonly http: HttpLab;
  readonly expiring: HttpLab;
  readonly dns: DnsLab;
  readonly certs: LabCerts;
  /** `https://NAME.lab.test:PORT` for the good HTTPS server. */
  https(name: string): string;
  /** `http://NAME.lab.test:PORT`. */
  plain(name: string): string;
  close(): Promise<void>;
}

/** Names the lab resolves to 127.0.0.1 unless a scenario says otherwise. */
export const LAB_NAMES = [
  'ref.lab.test',
  'portal.lab.test',
  'chat.lab.test',
  'api.chat.lab.test',
  'status.lab.test',
  'cert.lab.test',
];

/** Starts every lab server. */
export async function startLab(): Promise<Lab> {
  const certs = await labCerts();
  const [http, expiring, dns] = await Promise.all([
    startHttpLab(certs.good),
    startHttpLab(certs.expiring),
    startDnsLab(),
  ]);
  for (const name of LAB_NAMES) dns.set(name, { a: '127.0.0.1' });
  return {
    http,
    expiring,
    dns,
    certs,
    https: (name) => `https://${name}.lab.test:${http.httpsPort}`,
    plain: (name) => `http://${name}.lab.test:${http.httpPort}`,
    async close() {
      await Promise.all([http.close(), expiring.close(), dns.close()]);
    },
  };
}

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A fixture payload as text. */
export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** Sets the lab's connectivity references to answer like a clean network. */
export function healthyReferences(lab: Lab): void {
  lab.http.route('/generate_204', { status: 204 });
  lab.http.route('/success.txt', { status: 200, body: 'success\n' });
}

/** A deadline a loaded machine always meets: a probe's verdict then depends on the lab alone. */
export const ROOMY_TIMEOUT_MS = 15_000;

/**
 * The chat config where every probe and reference waits `ROOMY_TIMEOUT_MS` and the page is slow
 * past `slowMs`. The plain config's 1 s deadlines leave a page delayed 600 ms only 400 ms for the
 * TLS handshake and the scheduler: on a busy machine it answered in 1070 ms and the service was
 * "down" instead of "degraded". Tests whose verdict must not depend on how busy the machine is
 * use this one; tests of the deadline itself keep the plain config.
 */
export function roomyChatConfig(lab: Lab, slowMs: number): ConfigInput {
  const config = chatConfig(lab);
  return {
    ...config,
    connectivity: {
      ...config.connectivity,
      targets: (config.connectivity?.targets ?? []).map((t) => ({
        ...t,
        timeoutMs: ROOMY_TIMEOUT_MS,
      })),
    },
    services: config.services.map((service) => ({
      ...service,
      probes: service.probes?.map((probe) => ({
        ...probe,
        timeoutMs: ROOMY_TIMEOUT_MS,
        ...(probe.kind === 'http' ? { slowMs } : {}),
      })),
    })),
  };
}

/** Connectivity targets: one by IP literal, two by name (so DNS trouble can be told apart). */
export function labConnectivity(lab: Lab): ConfigInput['connectivity'] {
  return {
    targets: [
      {
        url: `http://127.0.0.1:${lab.http.httpPort}/generate_204`,
        expectStatus: 204,
        timeoutMs: 1000,
      },
      { url: `${lab.plain('ref')}/generate_204`, expectStatus: 204, timeoutMs: 1000 },
      {
        url: `${lab.plain('ref')}/success.txt`,
        expectStatus: 200,
        expectBody: 'success',
        timeoutMs: 1000,
      },
    ],
    dnsServers: [lab.dns.server],
  };
}

/** A config around the lab's "Chat" service: DNS, HTTPS and its Statuspage, with short timeouts. */
export function chatConfig(
  lab: Lab,
  overrides: { probes?: ConfigInput['services'][number]['probes'] } = {},
): ConfigInput {
  return {
    version: 1,
    dnsServers: [lab.dns.server],
    connectivity: labConnectivity(lab),
    services: [
      {
        id: 'chat',
        name: 'Chat',
        category: 'messaging',
        critical: true,
        provider: 'ChatCo',
        probes: overrides.probes ?? [
          { kind: 'dns', host: 'chat.lab.test', timeoutMs: 1000 },
          {
            kind: 'http',
            url: `${lab.https('chat')}/`,
            method: 'GET',
            slowMs: 400,
            timeoutMs: 1000,
          },
          { kind: 'statuspage', url: `${lab.https('status')}/chat`, timeoutMs: 1000 },
        ],
      },
    ],
  };
}
