// Settings → Team end to end in Chromium, in English and in Arabic: a team made in one data
// folder, its invite shown as text and as a QR code, joined from a second data folder with that
// invite, both windows showing both members once their events have passed through a loopback
// ntfy-compatible relay; a bad invite said plainly; a new team secret (what was shared before said
// to be left behind, not re-encrypted) the teammate follows with the new invite; leaving. Each window's `window.vigie` is
// bridged to the app's handlers, with the team of its own folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../main/engine/net/http-client';
import { AppTeam } from '../../main/team/app-team';
import { teamHandlers } from '../../main/shell/team-handlers';
import { createTranslator } from '../../shared/i18n';
import type { VigieEvent } from '../../shared/ipc';
import { NtfyRelay } from '../lab/ntfy-relay';
import { openPage } from './harness';
import { allWell, seriousViolations, startWorld, type World } from './world';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

let world: World;
let relay: NtfyRelay;
let http: HttpClient;
const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  world = await startWorld();
  relay = await new NtfyRelay().start();
  http = createHttpClient();
}, 60_000);

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

afterAll(async () => {
  await http?.close();
  await relay?.stop();
  await world?.close();
});

/** A window over the world's handlers, whose team lives in a data folder of its own. */
async function teamWindow(
  language: 'en' | 'ar',
): Promise<{ page: Page; team: AppTeam; errors: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-team-'));
  let push: ((event: VigieEvent) => Promise<void>) | null = null;
  const team = new AppTeam({
    dir,
    http,
    // Membership only: no history or checklist in this window's folder.
    recording: { checklist: null, onRecorded: () => () => undefined },
    // As the app does: the window reads the team again when told.
    changed: () => void push?.({ type: 'team' }).catch(() => undefined),
  });
  const handlers = {
    ...world.handlers(),
    ...teamHandlers(team, () => createTranslator(language)),
  };
  const opened = await openPage(world.browser, world.pageFile, handlers);
  push = opened.push;
  cleanup.push(async () => {
    push = null;
    await opened.page.close();
    await team.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await opened.page.locator('#view-heading').waitFor();
  return { page: opened.page, team, errors: opened.errors };
}

/** Words of each language the test acts through. */
const WORDS = {
  en: {
    settings: 'Settings',
    relay: 'Relay (an ntfy server)',
    name: 'Your name, as your team sees it',
    create: 'Create the team',
    invite: 'Invite',
    join: 'Join the team',
    show: 'Show the invite',
    copy: 'Copy the invite',
    qr: 'QR code of the team invite',
    rekey: 'Make a new team secret',
    rekeyYes: 'Make the new secret',
    // Said before the button: what was shared before is left behind, not re-encrypted.
    leftBehind: 'neither sent again nor re-encrypted: it is left behind, kept on this computer',
    switchTo: 'Use the new invite',
    leave: 'Leave the team',
    leaveYes: 'Leave',
    left: 'You left the team. Your history and checklists are still here.',
    badSecret:
      'The invite’s secret is damaged: it must be 43 characters (32 bytes). Copy the whole invite again.',
    you: (name: string) => `${name} (you)`,
  },
  ar: {
    settings: 'الإعدادات',
    relay: 'المُرحِّل (خادم ntfy)',
    name: 'اسمك كما يراه فريقك',
    create: 'إنشاء الفريق',
    invite: 'الدعوة',
    join: 'الانضمام إلى الفريق',
    show: 'عرض الدعوة',
    copy: 'نسخ الدعوة',
    qr: 'رمز QR لدعوة الفريق',
    rekey: 'إنشاء سرّ جديد للفريق',
    rekeyYes: 'إنشاء السرّ الجديد',
    leftBehind: 'لا يُعاد إرساله ولا يُعاد تشفيره: يبقى على هذا الحاسوب',
    switchTo: 'استخدام الدعوة الجديدة',
    leave: 'مغادرة الفريق',
    leaveYes: 'مغادرة',
    left: 'غادرت الفريق. سجلّك وقوائم إجراءاتك ما زالت هنا.',
    badSecret: 'سرّ الدعوة تالف: يجب أن يكون 43 حرفًا (32 بايتًا). انسخ الدعوة كاملةً من جديد.',
    you: (name: string) => `${name} (أنت)`,
  },
} as const;

async function teamSection(page: Page, language: 'en' | 'ar') {
  await page.getByRole('button', { name: WORDS[language].settings }).click();
  const section = page.locator('.team-settings');
  await section.scrollIntoViewIfNeeded();
  return section;
}

async function memberNames(page: Page): Promise<string[]> {
  return (await page.locator('.team-members strong').allTextContents()).sort();
}

it.each([
  ['en', 'Awa', 'Koffi', 'team-settings.png'],
  ['ar', 'عائشة', 'كوفي', 'team-settings-ar.png'],
] as const)(
  'makes a team in one folder, joins it from another, takes a new secret and leaves (%s)',
  async (language, creator, joiner, screenshot) => {
    allWell(world);
    world.settings.update((s) => ({ ...s, language }));
    const w = WORDS[language];
    const a = await teamWindow(language);
    const b = await teamWindow(language);
    if (language === 'ar')
      expect(await a.page.evaluate('document.documentElement.dir')).toBe('rtl');

    // Made in the first folder, on the loopback relay.
    const sectionA = await teamSection(a.page, language);
    const createForm = sectionA.locator('form.team-create');
    await createForm.getByLabel(w.relay).fill(relay.url);
    await createForm.getByLabel(w.name).fill(creator);
    await createForm.getByRole('button', { name: w.create }).click();
    await sectionA.locator('.team-members').getByText(w.you(creator)).waitFor();
    // The secret is not in the window until the invite is asked for.
    expect(await a.page.content()).not.toContain('vigie-team:1:');
    await sectionA.getByRole('button', { name: w.show }).click();
    const code = sectionA.locator('code.invite-text');
    await code.waitFor();
    const invite = (await code.textContent()) ?? '';
    expect(invite).toMatch(/^vigie-team:1:[A-Za-z0-9_-]{43}:http:\/\/127\.0\.0\.1:\d+$/);
    await sectionA.getByRole('img', { name: w.qr }).waitFor();
    await sectionA.getByRole('button', { name: w.copy }).click();
    await expect.poll(() => world.copied.at(-1)).toBe(invite);

    // A bad invite is said plainly, then the good one joins from the second folder.
    const sectionB = await teamSection(b.page, language);
    const joinForm = sectionB.locator('form.team-join');
    await joinForm.getByLabel(w.invite).fill(invite.replace(/:[^:]{43}:/, ':short:'));
    await joinForm.getByLabel(w.name).fill(joiner);
    await joinForm.getByRole('button', { name: w.join }).click();
    await expect.poll(() => joinForm.getByRole('alert').textContent()).toBe(w.badSecret);
    await joinForm.getByLabel(w.invite).fill(invite);
    await joinForm.getByRole('button', { name: w.join }).click();

    // Both windows show both members once the events have passed through the relay.
    await expect
      .poll(() => memberNames(b.page), { timeout: 10_000 })
      .toEqual([creator, w.you(joiner)].sort());
    await expect
      .poll(() => memberNames(a.page), { timeout: 10_000 })
      .toEqual([joiner, w.you(creator)].sort());
    // The relay carried envelopes only.
    for (const body of relay.bodies()) {
      expect(body).toMatch(/^v1\./);
      expect(body).not.toContain(creator);
      expect(body).not.toContain(joiner);
    }
    expect(await seriousViolations(a.page)).toEqual([]);
    await sectionA.screenshot({ path: join(DOCS, screenshot) });

    // A new secret: the old invite no longer works, the teammate follows with the new one. What
    // was shared before is said to stay behind, not re-encrypted, before the button is pressed.
    await sectionA.getByText(w.leftBehind).waitFor();
    await sectionA.getByRole('button', { name: w.rekey }).click();
    await sectionA.getByRole('button', { name: w.rekeyYes }).click();
    await expect.poll(() => code.textContent()).not.toBe(invite);
    const renewed = (await code.textContent()) ?? '';
    expect(renewed).toMatch(/^vigie-team:1:[A-Za-z0-9_-]{43}:http/);
    await expect.poll(() => memberNames(a.page)).toEqual([w.you(creator)]);
    const switchForm = sectionB.locator('form.team-switch');
    await switchForm.getByLabel(w.invite).fill(renewed);
    await switchForm.getByRole('button', { name: w.switchTo }).click();
    await expect
      .poll(() => memberNames(a.page), { timeout: 10_000 })
      .toEqual([joiner, w.you(creator)].sort());

    // Leaving: the second window is back to "create or join", and says what stayed.
    await sectionB.getByRole('button', { name: w.leave }).click();
    await sectionB.getByRole('button', { name: w.leaveYes, exact: true }).click();
    await expect.poll(() => sectionB.getByRole('status').first().textContent()).toBe(w.left);
    await sectionB.getByRole('button', { name: w.create }).waitFor();
    expect(b.team.view()).toBeNull();
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  },
  60_000,
);
