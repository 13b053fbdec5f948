// The config contract: good files load with defaults, bad ones name each bad field.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config-schema';
import { defaultConfig } from '../../../main/engine/catalog';

const minimal = {
  version: 1,
  connectivity: {
    targets: [{ url: 'http://connectivitycheck.example/generate_204', expectStatus: 204 }],
  },
  services: [
    {
      id: 'whatsapp',
      name: 'WhatsApp',
      category: 'messaging',
      probes: [{ kind: 'dns', host: 'g.whatsapp.net' }],
    },
  ],
};

describe('config schema', () => {
  it('fills in the documented defaults', () => {
    const parsed = parseConfig(minimal);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config).toMatchObject({
      intervalSeconds: 60,
      failureThreshold: 2,
      successThreshold: 1,
      recheckSeconds: 15,
      concurrency: 16,
    });
    expect(parsed.config.services[0]).toMatchObject({
      critical: false,
      enabled: true,
      probes: [{ timeoutMs: 8000 }],
    });
  });

  it('names the JSON path and the expectation of every bad field', () => {
    const parsed = parseConfig({
      ...minimal,
      intervalSeconds: 'often',
      services: [
        {
          id: 'WhatsApp!',
          name: 'WhatsApp',
          category: 'chat',
          probes: [{ kind: 'http', url: 'file:///etc/passwd', expectStatus: [500, 200] }],
        },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'intervalSeconds',
        'services[0].id',
        'services[0].category',
        'services[0].probes[0].url',
        'services[0].probes[0].expectStatus',
      ]),
    );
    expect(parsed.problems.find((p) => p.path === 'services[0].probes[0].url')?.message).toBe(
      'expected an http:// or https:// URL',
    );
  });

  it('refuses unknown fields (a typo is not silently ignored) and duplicate ids', () => {
    const parsed = parseConfig({
      ...minimal,
      services: [...minimal.services, { ...minimal.services[0], timeout: 5 }],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['services[1]', 'services[1].id']),
    );
    expect(parsed.problems.find((p) => p.path === 'services[1].id')?.message).toBe(
      'duplicate service id "whatsapp"',
    );
  });

  it('says what is wrong in the user’s language: Vigie’s own checks and zod’s', () => {
    const said = (value: unknown, language: 'fr' | 'ar') => {
      const parsed = parseConfig(value, language);
      if (parsed.ok) throw new Error('expected problems');
      return Object.fromEntries(parsed.problems.map((p) => [p.path, p.message]));
    };
    const bad = {
      ...minimal,
      intervalSeconds: 'often',
      services: [{ ...minimal.services[0], probes: [{ kind: 'http', url: 'ftp://x' }] }],
    };
    // Duplicates are looked for once every service is valid.
    const twice = { ...minimal, services: [minimal.services[0], minimal.services[0]] };
    expect(said(bad, 'fr')).toMatchObject({
      'services[0].probes[0].url': 'une URL http:// ou https:// est attendue',
      intervalSeconds: `valeur attendue\u00a0: un nombre`,
    });
    expect(said(twice, 'fr')).toEqual({
      'services[1].id': 'identifiant de service en double « whatsapp »',
    });
    expect(said(bad, 'ar')).toMatchObject({
      intervalSeconds: 'القيمة المتوقعة: رقم',
    });
    expect(said(twice, 'ar')).toEqual({ 'services[1].id': 'معرّف خدمة مكرّر «whatsapp»' });
  });

  // One bad file that makes every kind of problem zod reports for a config.
  const everyProblem = {
    ...minimal,
    intervalSeconds: 'often',
    concurrency: 0,
    surprise: true,
    dnsServers: ['dns.google'],
    services: [
      {
        id: 'WhatsApp!',
        name: '',
        category: 'chat',
        probes: [
          { kind: 'http', url: 'ftp://x', method: 'POST', timeoutMs: 5, typo: 1, other: 2 },
          { kind: 'tcp', host: 'bad host!', port: 70_000 },
          { kind: 'ftp' },
        ],
        context: { routes: ['nowhere'], ooni: { test: 'web_connectivity', domains: [] } },
      },
      { id: 'empty', category: 'other', probes: [] },
    ],
  };
  /** English words a French or Arabic problem must not contain (zod's and the schema's). */
  const ENGLISH =
    /\b(expected|received|invalid|input|option|unknown|missing|field|string|number|items?|characters?|least|most|than|must|lowercase|digits|dashes|prefix|domain|name|probe|needs|Unrecognized|Too)\b/i;

  it.each(['fr', 'ar'] as const)(
    'words every problem of a bad file in %s, with no English word and no zod slip',
    (language) => {
      const parsed = parseConfig(everyProblem, language);
      if (parsed.ok) throw new Error('expected problems');
      const codes = parseConfig(everyProblem, 'en');
      expect(codes.ok).toBe(false);
      expect(parsed.problems.length).toBeGreaterThanOrEqual(12);
      for (const { path, message } of parsed.problems) {
        // A JSON name, `true` or an example shown in Arabic is isolated; the rest is Arabic.
        const words = message.replace(/\u2066[^\u2069]*\u2069/g, '');
        expect(ENGLISH.exec(words)?.[0], `${path}: ${message}`).toBeUndefined();
        if (language === 'ar') {
          const latin = (words.match(/[A-Za-z]{3,}/g) ?? []).filter(
            (w) => !['URL', 'ISO', 'JSON'].includes(w),
          );
          expect(latin, `${path}: ${message}`).toEqual([]);
        }
        // zod's French: "chaîne de caractères reçu", "Entrée invalide".
        expect(message).not.toMatch(/reçu|Entrée invalide|مدخلات غير مقبولة/);
      }
      expect(parsed.problems.map((p) => p.path)).toEqual(
        expect.arrayContaining([
          'intervalSeconds',
          'concurrency',
          'services[0].probes[0]',
          'services[0].name',
          'services[0].probes[2].kind',
          'services[1].name',
          'services[1].probes',
        ]),
      );
    },
  );

  it('names the unknown fields, the accepted values and the limits in the language', () => {
    const said = (language: 'en' | 'fr' | 'ar') => {
      const parsed = parseConfig(everyProblem, language);
      if (parsed.ok) throw new Error('expected problems');
      return Object.fromEntries(parsed.problems.map((p) => [p.path, p.message]));
    };
    const en = said('en');
    expect(en['services[0].probes[0].method']).toBe('expected "HEAD" or "GET"');
    expect(en['services[1].name']).toBe('missing: expected text in double quotes');
    expect(en['services[0].probes[1].port']).toBe('too large (maximum: 65535)');
    const fr = said('fr');
    expect(fr['services[0].probes[0].method']).toBe('valeur attendue\u00a0: "HEAD" ou "GET"');
    expect(fr['services[0].name']).toBe('vide\u00a0: écrivez au moins un caractère');
    expect(fr['services[1].probes']).toBe('un service a besoin d’au moins une sonde');
    expect(fr['services[0].context.ooni.domains']).toBe('trop peu d’éléments (minimum\u00a0: 1)');
    expect(fr['services[0].probes[1].host']).toBe('un nom d’hôte ou une adresse IP est attendu');
    const ar = said('ar');
    expect(ar['services[0].probes[0].method']).toBe(
      'القيمة المتوقعة: \u2066"HEAD"\u2069 أو \u2066"GET"\u2069',
    );
    const unknown = Object.entries(ar).find(([path]) => path === 'services[0].probes[0]');
    expect(unknown?.[1]).toBe('حقلان غير معروفين: \u2066"typo"\u2069 و\u2066"other"\u2069');
  });

  it('accepts DNS servers with ports and refuses names there', () => {
    expect(
      parseConfig({ ...minimal, dnsServers: ['127.0.0.1:5353', '1.1.1.1', '[::1]:53'] }).ok,
    ).toBe(true);
    expect(parseConfig({ ...minimal, dnsServers: ['dns.google'] }).ok).toBe(false);
  });
});

describe('built-in catalog', () => {
  const catalog = defaultConfig();
  it('covers the platforms our users depend on', () => {
    const ids = catalog.services.map((s) => s.id);
    for (const id of [
      'facebook',
      'instagram',
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
    ]) {
      expect(ids).toContain(id);
    }
  });
  it('gives every service a direct probe and a verified note, and asks several independent references', () => {
    for (const service of catalog.services) {
      expect(service.probes.some((p) => ['http', 'dns', 'tcp', 'tls'].includes(p.kind))).toBe(true);
      expect(service.verified).toBeTruthy();
    }
    const hosts = new Set(
      catalog.connectivity.targets.map((t) =>
        new URL(t.url).hostname.split('.').slice(-2).join('.'),
      ),
    );
    expect(hosts.size).toBeGreaterThanOrEqual(4);
    expect(
      catalog.connectivity.targets.some((t) =>
        /^\d+\.\d+\.\d+\.\d+$/.test(new URL(t.url).hostname),
      ),
    ).toBe(true);
  });
});
