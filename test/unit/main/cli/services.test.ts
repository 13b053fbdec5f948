// Picking from the whole catalog on the command line: search, category, JSON, and catalog
// entries included by id in a config file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../../../main/cli/args';
import { selectServices, servicesOutput } from '../../../../main/cli/services-command';
import { resolveServiceIds } from '../../../../main/cli/service-ids';
import { defaultConfig } from '../../../../main/engine/catalog';
import { useCatalog } from '../../../../main/engine/catalog/use';
import { loadConfigFile } from '../../../../main/engine/config-file';
import { foldForSearch } from '../../../../shared/catalog';
import { createTranslator } from '../../../../shared/i18n';

const catalog = defaultConfig().services;
const ids = (search: string, category?: 'payments') =>
  selectServices(catalog, { search, json: false, ...(category ? { category } : {}) }).map(
    (s) => s.id,
  );

describe('searching the catalog', () => {
  it('finds a service by name, whatever the case and accents', () => {
    expect(ids('WAVE')[0]).toBe('wave');
    expect(ids('cote d ivoire')).toEqual(expect.arrayContaining(['orange-money', 'wave']));
    expect(ids('Côte d’Ivoire')).toEqual(ids('cote divoire'));
  });

  it('finds a service by alias: a former name, a French or Arabic name', () => {
    expect(ids('sendinblue')).toEqual(['brevo']);
    expect(ids('Twitter')).toContain('x');
    expect(ids('واتساب')).toEqual(['whatsapp', 'whatsapp-business']);
    // Arabic written without hamza or with it finds the same entry.
    expect(ids('اورانج')).toEqual(['orange-money']);
    expect(ids('أورانج')).toEqual(['orange-money']);
  });

  it('finds a whole category by its name in any language', () => {
    const payments = catalog.filter((s) => s.category === 'payments').map((s) => s.id);
    expect(ids('paiements')).toEqual(expect.arrayContaining(payments));
    expect(ids('mobile money')).toEqual(expect.arrayContaining(['orange-money', 'mtn-momo']));
    expect(ids('التوصيل')).toEqual(expect.arrayContaining(['glovo', 'yango', 'dhl']));
  });

  it('narrows to one category, and puts names that start with the words first', () => {
    expect(
      ids('', 'payments').every((id) => catalog.find((s) => s.id === id)?.category === 'payments'),
    ).toBe(true);
    expect(ids('wave', 'payments')).toEqual(['wave', 'flutterwave']);
  });

  it('folds text the way people type it', () => {
    expect(foldForSearch('Mobile-Money')).toBe('mobile money');
    expect(foldForSearch('إيمو')).toBe('ايمو');
    expect(foldForSearch('Écrire')).toBe('ecrire');
  });
});

describe('npx vigie services', () => {
  const en = createTranslator('en');

  it('prints JSON as an array of {id, name, aliases, category, provider, sources, default}', () => {
    const { out } = servicesOutput(catalog, { json: true }, en);
    const listed = JSON.parse(out) as Record<string, unknown>[];
    expect(listed).toHaveLength(catalog.length);
    for (const entry of listed)
      expect(Object.keys(entry)).toEqual([
        'id',
        'name',
        'aliases',
        'category',
        'provider',
        'sources',
        'default',
      ]);
    expect(listed.find((e) => e['id'] === 'canva')).toEqual({
      id: 'canva',
      name: 'Canva',
      aliases: ['كانفا'],
      category: 'design',
      provider: 'Canva',
      sources: [{ kind: 'statuspage', url: 'https://www.canvastatus.com' }],
      default: false,
    });
    expect(listed.find((e) => e['id'] === 'whatsapp')?.['default']).toBe(true);
  });

  it('lists by category in the user’s language, and says when nothing matches', () => {
    const fr = createTranslator('fr');
    const { out } = servicesOutput(catalog, { json: false, search: 'orange' }, fr);
    expect(out.split('\n')[0]).toBe('Paiements et mobile money');
    expect(out).toMatch(/^ {2}orange-money +Orange Money +vérifications directes seulement$/m);
    expect(out).toContain('1 service listé.');
    const none = servicesOutput(catalog, { json: false, search: 'zzzz' }, fr);
    expect(none).toEqual({ out: 'Aucun service ne correspond à «\u00a0zzzz\u00a0».', found: 0 });
    const ar = servicesOutput(catalog, { json: false, search: 'whatsapp' }, createTranslator('ar'));
    expect(ar.out).toContain('مراقَبة افتراضيًا');
    expect(ar.out).toContain('3 خدمات مُدرجة.');
  });

  it('takes --search, --category and --json; an unknown category is a usage error', () => {
    expect(
      parseCli(['services', '--search', 'wave', '--category', 'Payments', '--json']),
    ).toMatchObject({ command: 'services', search: 'wave', category: 'payments', json: true });
    expect(() => parseCli(['services', '--category', 'banks'])).toThrow(UsageError);
    expect(() => parseCli(['check', '--search', 'x'])).toThrow(UsageError);
  });

  it('lets --only name any catalog id, watched by default or not', () => {
    expect(resolveServiceIds(['wave', 'canva'], catalog)).toEqual({
      ids: ['wave', 'canva'],
      unknown: [],
    });
  });
});

describe('{ "use": "<id>" } in a config file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-use-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = {
    version: 1,
    connectivity: { targets: [{ url: 'http://127.0.0.1:9/generate_204', expectStatus: 204 }] },
  };

  it('includes the catalog entry, watched, with the file’s changes over it', async () => {
    const file = join(dir, 'use.json');
    writeFileSync(
      file,
      JSON.stringify({ ...base, services: [{ use: 'wave', critical: true }, { use: 'canva' }] }),
    );
    const loaded = await loadConfigFile(file);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const [wave, canva] = loaded.config.services;
    expect(wave).toMatchObject({ id: 'wave', name: 'Wave', enabled: true, critical: true });
    expect(wave?.probes).toEqual(catalog.find((s) => s.id === 'wave')?.probes);
    expect(canva).toMatchObject({ id: 'canva', enabled: true, critical: false });
  });

  it('names an unknown id and where it is, in the user’s language', async () => {
    const file = join(dir, 'unknown.json');
    writeFileSync(file, JSON.stringify({ ...base, services: [{ use: 'wave' }, { use: 'wavve' }] }));
    expect(await loadConfigFile(file, 'fr')).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'services[1].use',
          message:
            'aucun service «\u00a0wavve\u00a0» dans le catalogue (npx vigie services les liste)',
        },
      ],
    });
  });

  it('refuses a field a catalog entry cannot take from a file, naming it', () => {
    const result = useCatalog({ ...base, services: [{ use: 'wave', probes: [] }] });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'services[0].probes',
          message:
            'a catalog entry keeps its own "probes": a file may change only name, critical, enabled, playbook, secondOpinion (or describe its own service, with another id)',
        },
      ],
    });
  });

  it('words every problem of a `use` entry in French and in Arabic', () => {
    const services = [
      { use: 'Wave!' },
      { use: 'wave', probes: [], id: 'my-wave' },
      { use: 'canva', critical: 'yes' },
    ];
    const fr = useCatalog({ ...base, services }, 'fr');
    expect(fr).toEqual({
      ok: false,
      problems: [
        {
          path: 'services[0].use',
          message:
            'un identifiant du catalogue est attendu\u00a0: lettres minuscules, chiffres et tirets, par exemple «\u00a0orange-money\u00a0»',
        },
        {
          path: 'services[1].probes',
          message: expect.stringMatching(
            /^une entrée du catalogue garde son propre «\u00a0probes\u00a0»\u00a0: un fichier peut seulement changer name, critical/,
          ),
        },
        {
          path: 'services[1].id',
          message: expect.stringContaining('«\u00a0id\u00a0»'),
        },
        { path: 'services[2].critical', message: 'valeur attendue\u00a0: true ou false' },
      ],
    });
    const ar = useCatalog({ ...base, services }, 'ar');
    expect(ar.ok).toBe(false);
    if (ar.ok) return;
    expect(ar.problems.map((p) => p.path)).toEqual([
      'services[0].use',
      'services[1].probes',
      'services[1].id',
      'services[2].critical',
    ]);
    expect(ar.problems[0]?.message).toMatch(/^يُنتظر معرّف خدمة من الدليل/);
    expect(ar.problems[1]?.message).toContain('تحتفظ خدمة الدليل بحقلها \u2066"probes"\u2069');
    // No English left in them (zod's message worded by Vigie in Arabic).
    for (const problem of ar.problems) expect(problem.message).not.toMatch(/expected|Invalid/i);
  });
});
