// The replays with what public measurements add: on 4 October 2021 the routes to Meta's name
// servers withdrawn (RIPE RIS) say "down for everyone" before any status page or other network
// answers; on a day WhatsApp is blocked in Côte d'Ivoire, other Ivorian networks failing too, OONI's
// tests on two networks and a quiet IODA say "blocked in Côte d'Ivoire" — with each line's source,
// time and link in the service view. English, French and Arabic.
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Language } from '../../shared/i18n';
import type { PublicContext, ServiceStatus, Snapshot } from '../../shared/types';
import { buildRenderer, launchChromium, screenshotPath } from './harness';
import { openReplayWindow } from './replay-window';
import { REPLAY_AT, replaySnapshot } from './replay';
import { seriousViolations } from './world';

let browser: Browser;
let pageFile: string;
const dirs: string[] = [];

beforeAll(async () => {
  [browser, pageFile] = await Promise.all([launchChromium(), buildRenderer()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const META_DNS = ['129.134.30.0/23', '185.89.218.0/23'];
const ASKED = REPLAY_AT - 2 * 60_000;

/** Meta's routes as RIPE RIS saw them: withdrawn on 4 October, announced during the block. */
function routes(withdrawn: boolean): PublicContext['routes'] {
  return {
    checkedAt: ASKED,
    prefixes: META_DNS.map((prefix) => ({ prefix, collectors: 24, seeing: withdrawn ? 0 : 24 })),
    withdrawn,
    bytes: 0,
  };
}

type Replay = 'routes' | 'country-block';

/** The catalog's snapshot with the platforms' answers on the services they concern. */
function snapshotOf(replay: Replay): Snapshot {
  const base = replaySnapshot(replay === 'routes' ? 'meta-outage' : 'network-block');
  const services = base.services.map((s): ServiceStatus => {
    if (s.state !== 'down') return s;
    if (replay === 'routes') {
      // From routing alone: nobody else was asked.
      return {
        ...s,
        secondOpinion: null,
        context: { routes: routes(true), ooni: null, ioda: null },
      };
    }
    return {
      ...s,
      cause: 'regional',
      secondOpinion: s.secondOpinion && {
        ...s.secondOpinion,
        country: { code: 'CI', asked: 3, reachable: 0 },
        world: { asked: 10, reachable: 10 },
        outcome: 'country',
      },
      context: {
        routes: routes(false),
        ooni: {
          checkedAt: ASKED,
          country: 'CI',
          test: 'whatsapp',
          since: '2021-10-03',
          until: '2021-10-05',
          networks: [
            { asn: 29571, ok: 2, anomaly: 8, confirmed: 0 },
            { asn: 36974, ok: 1, anomaly: 4, confirmed: 1 },
          ],
          bytes: 0,
        },
        ioda: { checkedAt: ASKED, country: 'CI', outage: null, bytes: 0 },
      },
    };
  });
  return { ...base, services };
}

async function open(replay: Replay, language: Language) {
  const opened = await openReplayWindow({
    browser,
    pageFile,
    prefix: `vigie-context-${replay}-`,
    scenario: replay === 'routes' ? 'meta-outage' : 'network-block',
    snapshot: snapshotOf(replay),
    language,
  });
  dirs.push(opened.dir);
  return opened;
}

const BANNERS: Record<Replay, Record<Language, RegExp>> = {
  routes: {
    en: /^Facebook has been down for everyone since .+ — Facebook’s routes to its name servers were withdrawn/,
    fr: /^Facebook est en panne pour tout le monde depuis .+ — les routes vers les serveurs de noms de Facebook ont été retirées/,
    ar: /^خدمة Facebook متوقفة لدى الجميع منذ .+ — سُحبت المسارات إلى خوادم أسماء Facebook/,
  },
  'country-block': {
    en: /^WhatsApp is blocked in Côte d’Ivoire since /,
    fr: /^WhatsApp est bloqué en Côte d’Ivoire depuis /,
    ar: /^خدمة WhatsApp محجوبة في /,
  },
};

const SERVICE: Record<Replay, string> = { routes: 'facebook', 'country-block': 'whatsapp' };

describe('the replays with public measurements', () => {
  it.each([
    ['routes', 'en'],
    ['routes', 'fr'],
    ['routes', 'ar'],
    ['country-block', 'en'],
    ['country-block', 'fr'],
    ['country-block', 'ar'],
  ] as const)(
    '%s in %s: the banner says it, the service view shows each source with its link',
    async (replay, language) => {
      const w = await open(replay, language);
      await expect
        .poll(() => w.page.locator('.banner-text').textContent())
        .toMatch(BANNERS[replay][language]);
      if (language === 'ar') expect(await w.page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await seriousViolations(w.page)).toEqual([]);
      await w.page.screenshot({ path: screenshotPath(`replay-context-${replay}-${language}`) });

      await w.push({ type: 'focusService', serviceId: SERVICE[replay] });
      const block = w.page.locator('.public-context');
      await block.waitFor();
      const links = await block.getByRole('button').allTextContents();
      expect(links).toHaveLength(replay === 'routes' ? 1 : 3);
      if (replay === 'country-block') {
        await expect
          .poll(() => block.textContent())
          .toMatch(language === 'en' ? /OONI: 13 of 16 WhatsApp tests in Côte d’Ivoire/ : /OONI/);
        expect(await block.textContent()).toContain(
          createTranslator(language).t('context.ooniAttribution'),
        );
      }
      expect(await seriousViolations(w.page)).toEqual([]);
      await w.page.screenshot({
        path: screenshotPath(`replay-context-${replay}-${language}-service`),
        fullPage: true,
      });
      expect(w.errors).toEqual([]);
      w.close();
    },
  );
});
