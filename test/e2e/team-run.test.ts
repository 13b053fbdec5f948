// A team's shared run end to end: two Vigies (two engines, two data folders, their recordings and
// team participants as the app runs them) on one loopback ntfy-compatible relay, each with its
// window in Chromium — Awa's in English, Koffi's in Arabic — and a third member, Zoé, without a
// window. The outage opens one team incident (Koffi's Vigie joins it); a tick in one window shows
// in the other with the teammate's name and time; the next step is the same for both; the report
// Koffi exports holds the whole team's timeline. Screenshots: docs/team-run.png, team-run-ar.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { parseConfig, type VigieConfig } from '../../shared/config-schema';
import type { VigieEvent } from '../../shared/ipc';
import type { Language } from '../../shared/i18n';
import { createTranslator } from '../../shared/i18n';
import { createEngine, type Engine } from '../../main/engine';
import { createHttpClient, type HttpClient } from '../../main/engine/net/http-client';
import { SettingsStore } from '../../main/settings/settings-store';
import { createHandlers } from '../../main/shell/handlers';
import { Recording } from '../../main/shell/recording';
import { TeamParticipant } from '../../main/team/participant';
import { createTeam, joinTeam, type TeamMembership } from '../../main/team/store';
import { inviteText } from '../../main/team/keys';
import { chatConfig, fixture, healthyReferences, startLab, type Lab } from '../lab/lab';
import { NtfyRelay } from '../lab/ntfy-relay';
import { buildRenderer, launchChromium, openPage, screenshotPath } from './harness';
import { snapshotAt } from '../helpers/snapshots';
import { seriousViolations } from './world';
import { teamRunId } from '../../main/team/run-view';
import { defaultConfig } from '../../main/engine/catalog';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

let lab: Lab;
let relay: NtfyRelay;
let browser: Browser;
let pageFile: string;
let http: HttpClient;
let config: VigieConfig;
const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  [lab, relay, browser, pageFile] = await Promise.all([
    startLab(),
    new NtfyRelay().start(),
    launchChromium(),
    buildRenderer(),
  ]);
  http = createHttpClient();
  const parsed = parseConfig({ ...chatConfig(lab), failureThreshold: 1 });
  if (!parsed.ok) throw new Error('bad lab config');
  config = parsed.config;
  // Chat is down for everyone: its site answers 503 and its status page says so.
  healthyReferences(lab);
  lab.http.route('/', { status: 503 });
  lab.http.route('/chat/api/v2/summary.json', {
    status: 200,
    body: fixture('statuspage-summary-major.json'),
  });
}, 120_000);

afterAll(async () => {
  for (const close of cleanup.reverse()) await close();
  await browser?.close();
  await http?.close();
  await relay?.stop();
  await lab?.close();
});

interface Member {
  readonly dir: string;
  readonly engine: Engine;
  readonly recording: Recording;
  readonly team: TeamParticipant;
  readonly saved: { name: string; content: string }[];
  page?: Page;
  push?: (event: VigieEvent) => Promise<void>;
}

/** A Vigie as the app runs it: engine, recording, team participant, settings in its language. */
async function member(
  enter: (dir: string) => TeamMembership | { problem: string },
  language: Language,
): Promise<Member> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-team-e2e-'));
  const made = enter(dir);
  if ('problem' in made) throw new Error(made.problem);
  const settings = SettingsStore.open(dir).store;
  settings.update((s) => ({ ...s, firstRun: 'done', language }));
  const engine = createEngine(config, { extraCa: [lab.certs.ca], retryDelayMs: 20 });
  const recording = new Recording({ dir });
  engine.scheduler.on('snapshot', (s) => {
    if (s.checkedAt > 0 && s.overall !== 'paused') recording.record(s);
  });
  const team = await TeamParticipant.start(dir, recording, { http });
  if (!team) throw new Error('no team');
  const saved: { name: string; content: string }[] = [];
  const m: Member = { dir, engine, recording, team, saved };
  cleanup.push(async () => {
    await team.close();
    await engine.close();
    recording.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const handlers = createHandlers({
    scheduler: () => engine.scheduler,
    get history() {
      return recording.history.store;
    },
    settings: () => settings.get(),
    updateSettings: (patch) => settings.update((s) => ({ ...s, ...patch })),
    openExternal: async () => undefined,
    // WhatsApp is known (a teammate may report it) but not checked here.
    catalog: () => ({
      ...config,
      services: [
        ...config.services,
        ...defaultConfig()
          .services.filter((s) => s.id === 'whatsapp')
          .map((s) => ({ ...s, enabled: false })),
      ],
    }),
    tryService: (service) => engine.tryService(service),
    saveFile: async (name, content) => {
      saved.push({ name, content });
      return join('/home/me', name);
    },
    dataDir: dir,
    version: '0.1.0-e2e',
    checklist: recording.checklist,
    translator: () => createTranslator(language),
    copy: () => undefined,
    teamAccess: () => team,
  });
  const opened = await openPage(browser, pageFile, handlers, language === 'ar' ? 'ar' : 'en-US');
  await opened.page.setViewportSize({ width: 900, height: 1000 });
  await opened.page.locator('#view-heading').waitFor();
  m.page = opened.page;
  m.push = opened.push;
  // As the app does: a change of the team's state tells the window.
  team.onChange(() => void opened.push({ type: 'checklist' }).catch(() => undefined));
  return m;
}

/** What crosses the relay and a window's render: generous on a busy machine. */
const ACROSS = { timeout: 10_000 };

/** Waits until a condition on main's side holds. */
async function until(check: () => boolean): Promise<void> {
  await expect.poll(check, ACROSS).toBe(true);
}

/** Text without the bidi isolates around names. */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');

/** The text a step shows of who set it ("Awa Traoré · 15:42"), without the bidi isolates. */
const byLine = async (page: Page, index: number) =>
  (
    await page
      .locator('ol[aria-labelledby="section-during"] > li')
      .nth(index)
      .locator('.step-by')
      .textContent()
  )?.replace(/[\u2068\u2069]/g, '');

const currentIndex = (page: Page) =>
  page
    .locator('ol[aria-labelledby="section-during"] > li')
    .evaluateAll((items) => items.findIndex((li) => li.getAttribute('aria-current') === 'step'));

describe('a team’s shared run', () => {
  it('ticks in one window show in the other with the teammate’s name, in English and Arabic', async () => {
    let awaTeam: TeamMembership | null = null;
    const awa = await member((dir) => {
      const made = createTeam(dir, relay.url, 'Awa Traoré');
      if (!('problem' in made)) awaTeam = made;
      return made;
    }, 'en');
    const invite = inviteText(awaTeam!.invite);
    const koffi = await member((dir) => joinTeam(dir, invite, 'Koffi Yao'), 'ar');
    // Zoé takes part without a window (another Vigie, as `watch` would).
    const zoeDir = mkdtempSync(join(tmpdir(), 'vigie-team-e2e-'));
    const zoeMade = joinTeam(zoeDir, invite, 'Zoé Bamba');
    if ('problem' in zoeMade) throw new Error(zoeMade.problem);
    const zoe = await TeamParticipant.start(
      zoeDir,
      { checklist: null, onRecorded: () => () => undefined },
      { http },
    );
    cleanup.push(async () => {
      await zoe?.close();
      rmSync(zoeDir, { recursive: true, force: true });
    });

    // The outage: Awa's Vigie opens the team's incident; Koffi's sees it too and joins it.
    await awa.engine.scheduler.checkNow();
    await until(() => koffi.team.state().incidents.length === 1);
    await koffi.engine.scheduler.checkNow();
    await koffi.team.sync.settled();
    expect(koffi.team.events().filter((e) => e.type === 'incident.open')).toHaveLength(1);
    const inc = koffi.team.state().incidents[0]!.inc;
    await until(() => zoe?.state().incidents.length === 1);

    const runOf = (m: Member) => m.recording.checklist!.runs.book.list()[0]!;
    for (const m of [awa, koffi]) {
      await m.push!({ type: 'snapshot', snapshot: m.engine.scheduler.snapshot() });
      await m.push!({ type: 'checklist' });
      await m.push!({ type: 'focusRun', runId: runOf(m).id });
    }
    await awa.page!.getByRole('heading', { level: 2, name: 'Checklist: Chat' }).waitFor();
    await koffi.page!.getByRole('heading', { level: 2, name: 'قائمة الإجراءات: Chat' }).waitFor();
    const steps = (m: Member) => m.page!.locator('ol[aria-labelledby="section-during"] > li');
    expect(await currentIndex(awa.page!)).toBe(await currentIndex(koffi.page!));

    // Awa ticks the step to do now in her window: Koffi's window shows it done, by Awa.
    const first = await currentIndex(awa.page!);
    await steps(awa).nth(first).getByRole('checkbox').check();
    await expect
      .poll(() => steps(koffi).nth(first).getByRole('checkbox').isChecked(), ACROSS)
      .toBe(true);
    expect(await byLine(koffi.page!, first)).toMatch(/^Awa Traoré · \S+/);
    expect(await byLine(awa.page!, first)).toMatch(/^Awa Traoré · /);
    // The next step moved on for both.
    await expect.poll(() => currentIndex(koffi.page!), ACROSS).not.toBe(first);
    const second = await currentIndex(koffi.page!);
    await expect.poll(() => currentIndex(awa.page!), ACROSS).toBe(second);

    // Koffi ticks it in Arabic: Awa's window says it was Koffi, and when.
    await steps(koffi).nth(second).getByRole('checkbox').check();
    await expect.poll(() => byLine(awa.page!, second), ACROSS).toMatch(/^Koffi Yao · \d\d?:\d\d/);

    // Zoé (no window) ticks the next one and leaves a note; both windows show it.
    const shared = awa.team.state().incidents[0]!;
    const untouched = runOf(awa)
      .steps.filter((s) => s.section === 'during')
      .map((s) => s.key)
      .find((k) => !shared.steps[k]);
    zoe!.setStep(inc, untouched!, true);
    zoe!.addNote(inc, 'Posted the notice on the website');
    await expect
      .poll(
        () =>
          awa
            .page!.locator('.team-notes li')
            .allTextContents()
            .then((l) => l.map(plain)),
        ACROSS,
      )
      .toEqual([expect.stringMatching(/Zoé Bamba · .+ Posted the notice on the website$/)]);
    await expect.poll(() => koffi.page!.locator('.team-notes li').count(), ACROSS).toBe(1);
    expect(
      (await awa.page!.locator('.step-by').allTextContents()).map((t) => plain(t).split(' · ')[0]),
    ).toEqual(expect.arrayContaining(['Awa Traoré', 'Koffi Yao', 'Zoé Bamba']));
    expect(plain((await awa.page!.locator('.team-members').textContent()) ?? '')).toBe(
      'Shared with your team: Awa Traoré, Koffi Yao, and Zoé Bamba.',
    );
    expect(await koffi.page!.locator('.team-members').textContent()).toContain('مشترك مع فريقك');
    expect(await currentIndex(koffi.page!)).toBe(await currentIndex(awa.page!));

    // Nothing serious for assistive technology in either window.
    expect(await seriousViolations(awa.page!)).toEqual([]);
    expect(await seriousViolations(koffi.page!)).toEqual([]);
    // Pictures of a run ticked by three people, in both languages.
    for (const [m, name] of [
      [awa, 'team-run.png'],
      [koffi, 'team-run-ar.png'],
    ] as const) {
      await m.page!.evaluate('window.scrollTo(0, 0)');
      await m.page!.screenshot({ path: join(DOCS, name) });
    }
    // The report Koffi exports holds the whole team's timeline, in his language.
    await koffi.page!.locator('.run .actions button').nth(1).click();
    await until(() => koffi.saved.length === 1);
    const report = koffi.saved[0]!.content;
    expect(report).toMatch(/أنجزه Awa Traoré: /);
    expect(report).toMatch(/أنجزه Zoé Bamba: /);
    expect(report).toContain('ملاحظة من Zoé Bamba: Posted the notice on the website');

    // Zoé's Vigie sees WhatsApp down; Awa's and Koffi's do not watch it down: their windows still
    // show the team's incident, marked as reported by Zoé and not seen from here.
    const t = Date.now();
    zoe!.snapshot(snapshotAt(t, { whatsapp: { state: 'down', since: t, cause: 'provider' } }));
    await until(() => awa.team.state().incidents.some((i) => i.service === 'whatsapp'));
    const whatsapp = awa.team.state().incidents.find((i) => i.service === 'whatsapp')!;
    await awa.push!({ type: 'focusRun', runId: teamRunId(whatsapp.inc) });
    await awa.page!.getByRole('heading', { level: 2, name: 'Checklist: WhatsApp' }).waitFor();
    expect(plain((await awa.page!.locator('.team-not-seen').textContent()) ?? '')).toBe(
      'Reported by Zoé Bamba; not seen from this computer. From here, WhatsApp answers: the outage may be limited to Zoé Bamba’s network or country.',
    );
    // Awa ticks a step of it from here: Zoé has it, by Awa.
    await steps(awa).first().getByRole('checkbox').check();
    await until(() =>
      Object.values(zoe!.state().incidents.find((i) => i.service === 'whatsapp')!.steps).some(
        (s) => s.byName === 'Awa Traoré' && s.done,
      ),
    );
    expect(await seriousViolations(awa.page!)).toEqual([]);
    await awa.page!.evaluate('window.scrollTo(0, 0)');
    await awa.page!.screenshot({ path: screenshotPath('team-run-not-seen') });
  }, 120_000);
});
