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
      intervalSeconds: expect.stringMatching(/^Entrée invalide/),
    });
    expect(said(twice, 'fr')).toEqual({
      'services[1].id': 'identifiant de service en double « whatsapp »',
    });
    expect(said(bad, 'ar')).toMatchObject({
      intervalSeconds: expect.stringMatching(/^مدخلات غير مقبولة/),
    });
    expect(said(twice, 'ar')).toEqual({ 'services[1].id': 'معرّف خدمة مكرّر «whatsapp»' });
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
