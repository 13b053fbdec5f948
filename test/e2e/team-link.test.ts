// An invite link opened from another app, end to end in Chromium, in English and in Arabic (right
// to left): main holds the link and tells the page (or the page takes it as it loads, when the
// link launched Vigie); Settings → Team opens with the invite filled in and says where it came
// from, the name left to give and focused; nothing is joined until the person confirms. A damaged
// link is refused in the words of a damaged pasted invite, and the next good link replaces it.
// Joining then works through a loopback ntfy-compatible relay. `window.vigie` is bridged to the
// app's handlers, with the team of the window's own data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../main/engine/net/http-client';
import { AppTeam } from '../../main/team/app-team';
import { teamHandlers } from '../../main/shell/team-handlers';
import { TeamLinkInbox } from '../../main/shell/team-link';
import { createTranslator } from '../../shared/i18n';
import type { VigieEvent } from '../../shared/ipc';
import { NtfyRelay } from '../lab/ntfy-relay';
import { openPage, screenshotPath } from './harness';
import { allWell, seriousViolations, startWorld, type World } from './world';

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

/** A team of its own data folder, closed and removed after the test. */
function folderTeam(changed?: () => void): AppTeam {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-link-'));
  // Membership only: no history or checklist in this folder.
  const team = new AppTeam({
    dir,
    http,
    recording: { checklist: null, onRecorded: () => () => undefined },
    changed,
  });
  cleanup.push(async () => {
    await team.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return team;
}

/** A window over the world's handlers whose invite links come from `links`, as main holds them. */
async function linkWindow(
  language: 'en' | 'ar',
  links: TeamLinkInbox,
): Promise<{
  page: Page;
  team: AppTeam;
  push: (event: VigieEvent) => Promise<void>;
  errors: string[];
}> {
  let push: ((event: VigieEvent) => Promise<void>) | null = null;
  // As the app does: the window reads the team again when told.
  const team = folderTeam(() => void push?.({ type: 'team' }).catch(() => undefined));
  const handlers = {
    ...world.handlers(),
    ...teamHandlers(team, () => createTranslator(language), links),
  };
  const opened = await openPage(world.browser, world.pageFile, handlers);
  push = opened.push;
  cleanup.push(async () => {
    push = null;
    await opened.page.close();
  });
  return { page: opened.page, team, push: opened.push, errors: opened.errors };
}

const WORDS = {
  en: {
    settings: 'Settings',
    invite: 'Invite',
    name: 'Your name, as your team sees it',
    join: 'Join the team',
    opened:
      'An invite link was opened: its invite is below. Join only a team you trust: the invite gives access to what the team shares. Give your name, then choose “Join the team”.',
    badSecret:
      'The invite’s secret is damaged: it must be 43 characters (32 bytes). Copy the whole invite again.',
    you: (name: string) => `${name} (you)`,
    relay: (url: string) => `This invite’s relay: ${url}`,
  },
  ar: {
    settings: 'الإعدادات',
    invite: 'الدعوة',
    name: 'اسمك كما يراه فريقك',
    join: 'الانضمام إلى الفريق',
    opened:
      'فُتح رابط دعوة، ودعوته أدناه. لا تنضمّ إلا إلى فريق تثق به، فالدعوة تتيح الاطلاع على ما يشاركه الفريق. اكتب اسمك، ثم اختر «الانضمام إلى الفريق».',
    badSecret: 'سرّ الدعوة تالف: يجب أن يكون 43 حرفًا (32 بايتًا). انسخ الدعوة كاملةً من جديد.',
    you: (name: string) => `${name} (أنت)`,
    relay: (url: string) => `مُرحِّل هذه الدعوة: \u2066${url}\u2069`,
  },
} as const;

async function memberNames(page: Page): Promise<string[]> {
  return (await page.locator('.team-members strong').allTextContents()).sort();
}

/** The label of the element that has the focus (page code as text: no DOM types here). */
async function focusedLabel(page: Page): Promise<string | null> {
  return (await page.evaluate(
    `(() => {
      const active = document.activeElement;
      if (!active || !active.id) return null;
      const label = document.querySelector('label[for="' + active.id + '"]');
      return label ? label.textContent : null;
    })()`,
  )) as string | null;
}

it.each([
  // The window runs; a damaged link, then a good one, arrive while the overview is shown.
  ['en', 'Awa', 'Koffi', 'running'],
  // The link launched Vigie: it waits in main and the page takes it as it loads.
  ['ar', 'عائشة', 'كوفي', 'launch'],
] as const)(
  'an opened invite link fills Settings → Team, joined only once the person confirms (%s)',
  async (language, creator, joiner, when) => {
    allWell(world);
    world.settings.update((s) => ({ ...s, language, firstRun: 'done' }));
    const w = WORDS[language];
    // The teammate's team, made on their computer: its invite is the link.
    const teammate = folderTeam();
    await teammate.create(relay.url, creator);
    const invite = teammate.invite();
    const damaged = invite.replace(/:([^:]{43}):/, (_all, s: string) => `:${s.slice(0, 30)}:`);

    const links = new TeamLinkInbox();
    if (when === 'launch') links.offer(invite);
    const win = await linkWindow(language, links);
    const { page } = win;
    const section = page.locator('.team-settings');
    const joinForm = section.locator('form.team-join');
    const inviteField = joinForm.getByLabel(w.invite);

    if (when === 'running') {
      await page.locator('#view-heading').waitFor();
      // A damaged link: the form shows it, refused in the words of a damaged pasted invite.
      links.offer(damaged);
      await win.push({ type: 'teamLink' });
      await inviteField.waitFor();
      expect(await inviteField.inputValue()).toBe(damaged);
      await expect.poll(() => joinForm.getByRole('alert').textContent()).toBe(w.badSecret);
      // The good link replaces it, the problem gone.
      links.offer(invite);
      await win.push({ type: 'teamLink' });
      await expect.poll(() => inviteField.inputValue()).toBe(invite);
      await expect.poll(() => joinForm.getByRole('alert').textContent()).toBe('');
    }

    // Settings is the view shown, the invite filled in and said to come from a link.
    await inviteField.waitFor();
    expect(await page.getByRole('button', { name: w.settings }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await inviteField.inputValue()).toBe(invite);
    expect(await inviteField.getAttribute('dir')).toBe('ltr');
    // Said where it came from, and the relay it is for, to be seen before joining.
    expect(await section.locator('.team-link p').allTextContents()).toEqual([
      w.opened,
      w.relay(relay.url),
    ]);
    await expect.poll(() => focusedLabel(page)).toBe(w.name);
    if (language === 'ar') expect(await page.evaluate('document.documentElement.dir')).toBe('rtl');
    // The link joined nothing by itself, and was taken once.
    expect(win.team.view()).toBeNull();
    expect(links.waiting).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await section.screenshot({ path: screenshotPath(`team-link-${language}`) });

    // The person gives their name and confirms: joined, both members seen through the relay.
    await joinForm.getByLabel(w.name).fill(joiner);
    await joinForm.getByRole('button', { name: w.join }).click();
    await expect
      .poll(() => memberNames(page), { timeout: 10_000 })
      .toEqual([creator, w.you(joiner)].sort());
    // Joined: the link's notice is gone, and the new-invite form is not filled with it.
    expect(await section.locator('.team-link').count()).toBe(0);
    expect(await section.locator('form.team-switch').getByLabel(w.invite).inputValue()).toBe('');
    expect(win.errors).toEqual([]);
  },
  60_000,
);

it('in a team, an opened link is a teammate’s new invite: the new-invite form is filled in, used once confirmed', async () => {
  allWell(world);
  world.settings.update((s) => ({ ...s, language: 'en', firstRun: 'done' }));
  const teammate = folderTeam();
  await teammate.create(relay.url, 'Awa');
  const links = new TeamLinkInbox();
  const win = await linkWindow('en', links);
  await win.team.join(teammate.invite(), 'Koffi');
  await win.page.locator('#view-heading').waitFor();

  // Awa removes someone: a new secret, its invite sent to Koffi as a link.
  await teammate.rekey();
  links.offer(teammate.invite());
  await win.push({ type: 'teamLink' });
  const section = win.page.locator('.team-settings');
  const switchForm = section.locator('form.team-switch');
  const inviteField = switchForm.getByLabel('Invite');
  await expect.poll(() => inviteField.inputValue()).toBe(teammate.invite());
  expect(await section.locator('.team-link p').first().textContent()).toBe(
    'An invite link was opened, but this computer already has a team. If a teammate made a new team secret, the invite is below: choose “Use the new invite”. To join another team, leave this one first.',
  );
  await expect.poll(() => focusedLabel(win.page)).toBe('Invite');
  // Still on the old secret until Koffi confirms.
  const before = win.team.invite();
  expect(before).not.toBe(teammate.invite());

  await switchForm.getByRole('button', { name: 'Use the new invite' }).click();
  await expect.poll(() => win.team.invite()).toBe(teammate.invite());
  await expect
    .poll(() => memberNames(win.page), { timeout: 10_000 })
    .toEqual(['Awa', 'Koffi (you)']);
  expect(await section.locator('.team-link').count()).toBe(0);
  expect(win.errors).toEqual([]);
}, 60_000);
