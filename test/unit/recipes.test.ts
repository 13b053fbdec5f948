// CONTRIBUTING.md's recipes, followed once each by a fixture: a status source, a probe kind and an
// alert channel kind entered in their registries (and what the compiler says when one is missing),
// a view's places, and a language string missing in French or Arabic. The `@ts-expect-error` lines
// are checked by `npm run typecheck`: each says that a registry missing a kind does not compile.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHANNEL_KINDS,
  makeChannel,
  type ChannelDeps,
  type ChannelKindEntry,
  type ChannelKinds,
} from '../../main/alerts/channels';
import { AlertDispatcher } from '../../main/alerts/dispatcher';
import { Outbox } from '../../main/alerts/outbox';
import { MissingSecret } from '../../main/alerts/secrets';
import type { HttpClient, HttpRequest, HttpResponse } from '../../main/engine/net/http-client';
import { result, type ProbeContext } from '../../main/engine/probes/context';
import {
  DIRECT_PROBES,
  runDirectOnce,
  withRetry,
  type DirectProbe,
  type DirectProbeEntry,
  type DirectProbes,
} from '../../main/engine/probes';
import { runOfficialProbe, SourceCache, SOURCES, type Sources } from '../../main/engine/sources';
import type { Source } from '../../main/engine/sources/source';
import type { Secret } from '../../shared/alerts/common';
import type { ChannelConfig, ChannelKind } from '../../shared/alerts/schema';
import { probeSchema } from '../../shared/config-schema';
import { createTranslator, LANGUAGES, RESOURCES } from '../../shared/i18n';
import type { ProbeKind } from '../../shared/types';
import { FakeChannel, ManualClock, OUTAGE_START, wentDown } from '../helpers/alerts';
import { keyGaps, missingPluralForms } from '../helpers/catalogue';
import { REAL_START } from '../helpers/clock';
import { snapshotOf } from '../helpers/snapshots';

const ROOT = new URL('../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** An HTTP client that answers every request with `body` and records the URLs asked. */
function answering(body: unknown): { http: HttpClient; asked: string[] } {
  const asked: string[] = [];
  const http: HttpClient = {
    request(req: HttpRequest): Promise<HttpResponse> {
      asked.push(req.url);
      const buffer = Buffer.from(JSON.stringify(body));
      return Promise.resolve({
        status: 200,
        headers: {},
        body: buffer,
        bytes: buffer.length,
        url: req.url,
        redirects: 0,
        latencyMs: 3,
      });
    },
    close: () => Promise.resolve(),
  };
  return { http, asked };
}

describe('recipe: a status source (CONTRIBUTING.md#a-status-source)', () => {
  it('is read through its entry of SOURCES: its endpoint, its parser, its report', async () => {
    const probe = probeSchema.parse({ kind: 'statuspage', url: 'https://status.example.com' });
    if (probe.kind !== 'statuspage') throw new Error('expected a statuspage probe');
    // The recipe's step 3: a Source with an endpoint, a format and a parser that throws on garbage.
    const fake: Source<typeof probe> = {
      endpoint: (p) => `${p.url}/fake/state.json`,
      format: 'json',
      parse: (payload) => {
        const { broken } = payload as { broken?: unknown };
        if (typeof broken !== 'boolean') throw new Error('no "broken" field');
        return broken
          ? { state: 'major', description: 'The pigeons are grounded', messages: [] }
          : { state: 'operational', description: 'All pigeons flying', messages: [] };
      },
    };
    // Step 4: one entry in the table.
    const sources: Sources = { ...SOURCES, statuspage: fake };
    const { http, asked } = answering({ broken: true });
    const ctx: ProbeContext = { http, now: () => REAL_START };
    const res = await runOfficialProbe(probe, ctx, new SourceCache(), sources);
    expect(asked).toEqual(['https://status.example.com/fake/state.json']);
    expect(res.state).toBe('down');
    expect(res.official?.description).toBe('The pigeons are grounded');

    const garbage = answering({ nothing: 'here' });
    const unreadable = await runOfficialProbe(
      probe,
      { http: garbage.http, now: () => REAL_START },
      new SourceCache(),
      sources,
    );
    expect(unreadable.state).toBe('unknown');
    expect(unreadable.detail).toContain('no "broken" field');
  });

  it('does not compile with a kind left out of the table', () => {
    const { m365, ...withoutM365 } = SOURCES;
    // @ts-expect-error -- `m365` has no source: the registry is incomplete.
    const incomplete: Sources = withoutM365;
    expect(Object.keys(incomplete)).not.toContain('m365');
    expect(m365.format).toBe('json');
  });
});

/** A probe kind the shipped catalogue does not have: a "ping" of a host. */
interface PingProbe {
  readonly kind: 'ping';
  readonly host: string;
  readonly timeoutMs: number;
}

describe('recipe: a probe kind (CONTRIBUTING.md#a-probe-kind)', () => {
  const attempts: number[] = [];
  // The recipe's step 3: its runner, results through `result` (here: refused once, then up).
  const ping: DirectProbeEntry<PingProbe> = {
    run: (probe, ctx) => {
      attempts.push(ctx.now());
      // The result's kind is the new kind's name; ProbeKind would name it once it ships.
      const kind = 'ping' as ProbeKind;
      return Promise.resolve(
        attempts.length === 1
          ? result(kind, probe.host, 'down', { code: 'CONN_REFUSED', detail: 'refused' })
          : result(kind, probe.host, 'up', { latencyMs: 12, detail: 'pong in 12 ms' }),
      );
    },
    host: (probe) => probe.host,
  };
  // And one entry in the table.
  const probes: DirectProbes<DirectProbe | PingProbe> = { ...DIRECT_PROBES, ping };

  it('runs through its entry, under the same retry as every direct probe', async () => {
    const probe: PingProbe = { kind: 'ping', host: 'pigeon.example', timeoutMs: 2000 };
    const ctx: ProbeContext = { http: answering({}).http, now: () => REAL_START };
    const once = (timeoutMs: number) => runDirectOnce({ ...probe, timeoutMs }, ctx, probes);
    const res = await withRetry(once, probe.timeoutMs, 0);
    expect(attempts).toHaveLength(2);
    expect(res).toMatchObject({ state: 'up', target: 'pigeon.example', attempts: 2 });
    expect(probes.ping.host(probe)).toBe('pigeon.example');
  });

  it('does not compile without its entry', () => {
    // @ts-expect-error -- `ping` is a kind of the union without an entry.
    const incomplete: DirectProbes<DirectProbe | PingProbe> = DIRECT_PROBES;
    expect(Object.keys(incomplete)).toEqual(['http', 'dns', 'tcp', 'tls']);
  });
});

/** An alert channel kind the shipped schema does not have: a carrier pigeon with a loft key. */
interface PigeonConfig {
  readonly id: string;
  readonly kind: 'pigeon';
  readonly loft: string;
  readonly key: Secret;
  readonly dependsOn?: readonly string[];
}

describe('recipe: an alert channel (CONTRIBUTING.md#an-alert-channel)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-recipe-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const keys: string[] = [];
  // The recipe's step 2: the channel, its secret read only through `secret`.
  const pigeon: ChannelKindEntry<PigeonConfig> = {
    secretFields: ['key'],
    defaultDependsOn: (config) => [config.loft],
    make: (config, secret, dependsOn) => {
      keys.push(secret(config.key, 'key'));
      // The channel's kind is the new kind's name; ChannelKind would name it once it ships.
      return new FakeChannel(config.id, dependsOn, 'pigeon' as ChannelKind);
    },
  };
  // Step 3: one entry in the table.
  const kinds: ChannelKinds<ChannelConfig | PigeonConfig> = { ...CHANNEL_KINDS, pigeon };
  const config: PigeonConfig = {
    id: 'loft',
    kind: 'pigeon',
    loft: 'whatsapp',
    key: { env: 'PIGEON_KEY' },
  };
  const deps = (env: Record<string, string>): ChannelDeps => ({
    http: answering({}).http,
    env,
    now: () => OUTAGE_START,
  });

  it('is made through its entry and the dispatcher sends an alert through it', async () => {
    const channel = makeChannel(config, deps({ PIGEON_KEY: 'k-123' }), kinds);
    expect(keys).toEqual(['k-123']);
    expect(channel.dependsOn).toEqual(['whatsapp']);
    const clock = new ManualClock(OUTAGE_START);
    const dispatcher = new AlertDispatcher({
      channels: [channel],
      outbox: new Outbox(dir),
      tr: createTranslator('en'),
      host: 'boutique-pc',
      events: ['down', 'recovered'],
      now: clock.now,
      setTimer: clock.setTimer,
      report: () => undefined,
    });
    const change = wentDown('slack', OUTAGE_START);
    dispatcher.changes([change], snapshotOf(OUTAGE_START, [change.current]));
    await dispatcher.idle();
    const sent = (channel as FakeChannel).sent;
    expect(sent.map((m) => [m.event, m.service?.id])).toEqual([['down', 'slack']]);
  });

  it('names its missing secret, as every channel does', () => {
    expect(() => makeChannel(config, deps({}), kinds)).toThrow(MissingSecret);
  });

  it('does not compile without its entry', () => {
    // @ts-expect-error -- `pigeon` is a kind of the union without an entry.
    const incomplete: ChannelKinds<ChannelConfig | PigeonConfig> = CHANNEL_KINDS;
    expect(Object.keys(incomplete)).not.toContain('pigeon');
  });
});

describe('recipe: a view (CONTRIBUTING.md#a-view)', () => {
  const route = read('renderer/route.ts');
  const app = read('renderer/components/App.tsx');
  const views = [...route.matchAll(/view: '(\w+)'/g)].map((m) => m[1] ?? '');
  const tabs = /const TABS = \[([^\]]*)\]/.exec(app)?.[1]?.match(/\w+/g) ?? [];

  it('finds the views of the Route union and the tabs', () => {
    expect(views).toEqual(['overview', 'service', 'incidents', 'checklist', 'settings']);
    expect(tabs).toEqual(['overview', 'checklist', 'incidents', 'settings']);
  });

  it('each view has its file, is rendered for its route, and all but the first load lazily', () => {
    for (const view of views) {
      const name = view[0]!.toUpperCase() + view.slice(1);
      const file = view === 'overview' ? 'Overview' : `${name}View`;
      expect(existsSync(join(ROOT, `renderer/views/${file}.tsx`)), file).toBe(true);
      expect(app, view).toContain(`route.view === '${view}'`);
      if (view !== 'overview') expect(app, view).toContain(`import('../views/${file}')`);
    }
  });

  it('each tab is named in the three languages', () => {
    for (const language of LANGUAGES) {
      const t = createTranslator(language).t;
      for (const tab of tabs)
        expect(t(`nav.${tab}`), `${language} nav.${tab}`).not.toBe(`nav.${tab}`);
    }
  });
});

describe('recipe: a language string (CONTRIBUTING.md#a-language-string)', () => {
  // The recipe's step 1, half done: a new key in English only.
  const en = { ...RESOURCES.en, recipe: { pigeonsLate: 'The pigeons are late' } };

  it('is caught by the catalogue test while French or Arabic lacks it', () => {
    expect(keyGaps(en, RESOURCES.fr).missing).toEqual(['recipe.pigeonsLate']);
    expect(keyGaps(en, RESOURCES.ar).missing).toEqual(['recipe.pigeonsLate']);
  });

  it('passes once the three languages have it', () => {
    const fr = { ...RESOURCES.fr, recipe: { pigeonsLate: 'Les pigeons sont en retard' } };
    const ar = { ...RESOURCES.ar, recipe: { pigeonsLate: 'الحمام متأخر' } };
    expect(keyGaps(en, fr)).toEqual({ missing: [], stray: [] });
    expect(keyGaps(en, ar)).toEqual({ missing: [], stray: [] });
  });

  it('needs every plural form of the language (step 2): Arabic has six', () => {
    const counted = {
      recipe: { pigeons_one: '{{count}} pigeon', pigeons_other: '{{count}} pigeons' },
    };
    expect(missingPluralForms(counted, 'en')).toEqual([]);
    expect(missingPluralForms(counted, 'ar').sort()).toEqual(
      [
        'recipe.pigeons_few',
        'recipe.pigeons_many',
        'recipe.pigeons_two',
        'recipe.pigeons_zero',
      ].sort(),
    );
  });
});
