// "What is valid is kept", at every depth: for each field of each nested setting, a damaged value
// costs that field only (or, for a field an element cannot stand without, that element only).
import { describe, expect, it } from 'vitest';
import { serviceSchema } from '../../../shared/config-schema';
import {
  salvageSettings,
  serviceChoiceSchema,
  settingsSchema,
} from '../../../shared/settings-schema';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Settings where every nested setting differs from its default, so a lost field shows. */
const stored = {
  version: 1,
  services: {
    slack: { enabled: false, critical: true, muted: true },
    whatsapp: { enabled: true, critical: false, muted: false },
  },
  customServices: [
    {
      id: 'shop',
      name: 'Shop',
      aliases: ['Ma boutique', 'متجري'],
      category: 'website',
      critical: true,
      enabled: false,
      playbook: 'website',
      provider: 'Us',
      statusPageUrl: 'https://status.shop.example/',
      verified: 'our own',
      secondOpinion: true,
      context: { ooni: { test: 'whatsapp' }, routes: ['192.0.2.0/24', '198.51.100.0/24'] },
      probes: [
        {
          kind: 'http',
          url: 'https://shop.example/',
          method: 'GET',
          expectStatus: [200, 299],
          expectBody: 'ok',
          slowMs: 2000,
          maxBytes: 2048,
          maxRedirects: 2,
          timeoutMs: 5000,
          everySeconds: 60,
          dnsServers: ['1.1.1.1', '9.9.9.9'],
        },
        { kind: 'dns', host: 'shop.example', slowMs: 500, timeoutMs: 3000 },
      ],
    },
    {
      id: 'blog',
      name: 'Blog',
      category: 'website',
      probes: [
        { kind: 'tcp', host: 'blog.example', port: 443 },
        { kind: 'statuspage', url: 'https://status.blog.example/', components: ['Web', 'API'] },
      ],
    },
  ],
  intervalSeconds: 120,
  notifications: { enabled: false, down: false, degraded: false, recovered: false, offline: true },
  quietHours: { enabled: true, from: '23:00', to: '06:30' },
  secondOpinion: { enabled: false, country: 'CI' },
  context: { enabled: false, lowData: true },
  backupChannels: ['sms', 'phone'],
  window: { width: 1200, height: 800, x: 10, y: 20 },
};
/** The same, as plain JSON to walk and damage. */
const storedJson = JSON.parse(JSON.stringify(stored)) as Json;

/** Fields an element cannot stand without: damaging one loses its element (service or probe). */
const REQUIRED = new Set(['id', 'name', 'category', 'kind', 'url', 'host', 'port']);

/** Every leaf inside a nested setting (depth 2 and more), with its path. */
function leaves(value: Json, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return path.length >= 2 ? [path] : [];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value).map(([k, v]) => [k, v] as const);
  return entries.flatMap(([key, v]) => leaves(v, [...path, key]));
}

function clone(): Json {
  return structuredClone(storedJson);
}

function parentOf(root: Json, path: Path): Json {
  let node = root;
  for (const part of path.slice(0, -1)) node = (node as Record<string | number, Json>)[part]!;
  return node;
}

function set(root: Json, path: Path, value: Json): void {
  (parentOf(root, path) as Record<string | number, Json>)[path.at(-1)!] = value;
}

function remove(root: Json, path: Path): void {
  const parent = parentOf(root, path);
  const last = path.at(-1)!;
  if (Array.isArray(parent)) parent.splice(last as number, 1);
  else Reflect.deleteProperty(parent as object, last);
}

/**
 * What a damaged leaf costs: the leaf; the whole pair when it is half of an `expectStatus` range;
 * its element when the element cannot stand without it.
 */
function lost(path: Path): Path {
  const last = path.at(-1);
  if (typeof last === 'number' && path.at(-2) === 'expectStatus') return path.slice(0, -1);
  // An OONI test is told apart by its name: without it, the whole choice goes.
  if (last === 'test' && path.at(-2) === 'ooni') return path.slice(0, -1);
  if (typeof last === 'string' && REQUIRED.has(last) && typeof path.at(-2) === 'number') {
    return path.slice(0, -1);
  }
  return path;
}

const DAMAGED = { damaged: true } as const;

describe('settings salvage, field by field inside every nested setting', () => {
  it('the stored settings are valid as they are (the table starts from a sound file)', () => {
    expect(salvageSettings(stored).problems).toEqual([]);
  });

  it('the table covers every field of every nested setting', () => {
    const keysOf = (schema: { shape: object }) => Object.keys(schema.shape).sort();
    const inner = (key: keyof typeof settingsSchema.shape) =>
      keysOf((settingsSchema.shape[key] as unknown as { unwrap(): { shape: object } }).unwrap());
    expect(Object.keys(stored.notifications).sort()).toEqual(inner('notifications'));
    expect(Object.keys(stored.quietHours).sort()).toEqual(inner('quietHours'));
    expect(Object.keys(stored.secondOpinion).sort()).toEqual(inner('secondOpinion'));
    expect(Object.keys(stored.window).sort()).toEqual(inner('window'));
    expect(Object.keys(stored.context).sort()).toEqual(inner('context'));
    expect(Object.keys(stored.services.slack).sort()).toEqual(keysOf(serviceChoiceSchema));
    expect(Object.keys(stored.customServices[0]!).sort()).toEqual(keysOf(serviceSchema));
  });

  const table = leaves(storedJson).map((path) => [path.join('.'), path] as const);

  it.each(table)('%s damaged: only it is lost, its siblings survive', (name, path) => {
    const damaged = clone();
    set(damaged, path, DAMAGED);
    const expected = clone();
    remove(expected, lost(path));

    const { settings, problems } = salvageSettings(damaged);

    expect(settings).toEqual(settingsSchema.parse(expected));
    expect(problems.some((p) => p.startsWith(name.split('.').slice(0, 2).join('.')))).toBe(true);
  });

  it('Slack off with a bad "muted" stays off (the field by field promise)', () => {
    const { settings, problems } = salvageSettings({
      services: { slack: { enabled: false, muted: 'yes' } },
    });
    expect(settings.services['slack']).toEqual({ enabled: false, muted: false });
    expect(problems).toEqual([expect.stringMatching(/^services\.slack\.muted: /)]);
  });

  it('an unknown field inside an element is dropped, the element kept', () => {
    const { settings } = salvageSettings({
      quietHours: { enabled: true, from: '21:00', colour: 'blue' },
    });
    expect(settings.quietHours).toEqual({ enabled: true, from: '21:00', to: '07:00' });
  });

  it('too many services: the first ones are kept, up to the limit', () => {
    const many = Object.fromEntries(
      Array.from({ length: 600 }, (_, i) => [`s${i}`, { enabled: false }]),
    );
    const { settings } = salvageSettings({ services: many, language: 'fr' });
    expect(Object.keys(settings.services)).toHaveLength(500);
    expect(settings.language).toBe('fr');
  });
});

describe('an element that cannot stand without its damaged part', () => {
  it('an own service whose only probe is damaged beyond use is lost; the others are kept', () => {
    const { settings, problems } = salvageSettings({
      customServices: [
        { id: 'a', name: 'A', category: 'website', probes: [{ kind: 'dns', host: 42 }] },
        { id: 'b', name: 'B', category: 'website', probes: [{ kind: 'dns', host: 'b.example' }] },
      ],
    });
    expect(settings.customServices.map((s) => s.id)).toEqual(['b']);
    expect(problems).toEqual([expect.stringMatching(/^customServices\.0\.probes\.0\.host: /)]);
  });
});
