// `npx vigie services` as a user runs it (the bundle npm install makes): no network needed.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, HEADLESS_NODE_FLAGS } from '../../scripts/bundle-node';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let vigie: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-services-'));
  vigie = [...HEADLESS_NODE_FLAGS, await bundleCli(join(dir, 'vigie.mjs'))];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(
  args: string[],
  lang = 'C',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...vigie, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', LANG: lang, LC_ALL: '', LC_MESSAGES: '' },
        timeout: 30_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe('npx vigie services', () => {
  it('lists the whole catalog as JSON, each entry in the documented shape', async () => {
    const run = await cli(['services', '--json']);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as {
      id: string;
      name: string;
      aliases: string[];
      category: string;
      provider: string | null;
      sources: { kind: string; url: string }[];
      default: boolean;
    }[];
    expect(listed.length).toBeGreaterThanOrEqual(150);
    for (const e of listed) {
      expect(Object.keys(e)).toEqual([
        'id',
        'name',
        'aliases',
        'category',
        'provider',
        'sources',
        'default',
      ]);
      for (const s of e.sources) expect(Object.keys(s)).toEqual(['kind', 'url']);
    }
    expect(listed.filter((e) => e.default)).toHaveLength(17);
  });

  it('searches in the user’s language, Arabic names included', async () => {
    const fr = await cli(
      ['services', '--search', 'paiement', '--category', 'payments'],
      'fr_FR.UTF-8',
    );
    expect(fr.stdout).toMatch(/^Paiements et mobile money$/m);
    expect(fr.stdout).toMatch(/^ {2}wave +Wave +vérifications directes seulement$/m);
    const ar = await cli(['services', '--search', 'ويف', '--json'], 'ar_SN.UTF-8');
    // "ويف" is Wave's Arabic name (and ends Flutterwave's): Wave comes first.
    expect((JSON.parse(ar.stdout) as { id: string }[]).map((e) => e.id)).toEqual([
      'wave',
      'flutterwave',
    ]);
  });

  it('refuses an unknown category with the list of categories (exit 64)', async () => {
    const run = await cli(['services', '--category', 'banks']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('unknown category "banks"; categories: messaging, social, ads');
    // Arabic lists them with its own comma, each name isolated (read left to right).
    const arabic = await cli(['services', '--category', 'banks'], 'ar_MA.UTF-8');
    expect(arabic.stderr).toContain('\u2068messaging\u2069، و\u2068social\u2069');
  });
});

describe('{ "use": "<id>" } problems from `check --config`', () => {
  it('are worded in French and in Arabic, each at its place in the file (exit 78)', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        version: 1,
        connectivity: { targets: [{ url: 'http://127.0.0.1:9/generate_204', expectStatus: 204 }] },
        services: [{ use: 'wavve' }, { use: 'wave', probes: [] }, { use: 'Canva' }],
      }),
    );
    const fr = await cli(['check', '--config', bad], 'fr_FR.UTF-8');
    expect(fr.code).toBe(78);
    expect(fr.stderr.split('\n').slice(1, 4)).toEqual([
      '  services[0].use\u00a0: aucun service «\u00a0wavve\u00a0» dans le catalogue (npx vigie services les liste)',
      '  services[1].probes\u00a0: une entrée du catalogue garde son propre «\u00a0probes\u00a0»\u00a0: un fichier peut seulement changer name, critical, enabled, playbook, secondOpinion (ou décrire son propre service, avec un autre identifiant)',
      '  services[2].use\u00a0: un identifiant du catalogue est attendu\u00a0: lettres minuscules, chiffres et tirets, par exemple «\u00a0orange-money\u00a0»',
    ]);
    const ar = await cli(['check', '--config', bad], 'ar_SN.UTF-8');
    expect(ar.code).toBe(78);
    const lines = ar.stderr.split('\n');
    expect(lines[2]).toBe(
      '  services[1].probes: تحتفظ خدمة الدليل بحقلها \u2066"probes"\u2069: لا يغيّر الملف إلا \u2066name, critical, enabled, playbook, secondOpinion\u2069 (أو فليصف خدمته الخاصة بمعرّف آخر)',
    );
    expect(lines[3]).toMatch(/^ {2}services\[2\]\.use: يُنتظر معرّف خدمة من الدليل/);
    expect(ar.stderr).not.toMatch(/expected|catalog entry/);
  });
});
