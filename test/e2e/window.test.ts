// The window's views end to end, over a real engine checking loopback servers and a history seeded
// with 90 days: a service's uptime, days, latency chart and evidence; the incidents and their
// export; the settings, saved or refused beside the field; a network that blocks a service and a
// machine that is offline; Arabic right to left. Accessible (axe) in light, dark and Arabic.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../lab/lab';
import { screenshotPath } from './harness';
import {
  allWell,
  inBothThemes,
  openWindow,
  seriousViolations,
  startWorld,
  type World,
} from './world';

let world: World;

beforeAll(async () => {
  world = await startWorld();
}, 60_000);

afterAll(() => world?.close());

beforeEach(async () => {
  allWell(world);
  world.settings.update((s) => ({ ...s, language: 'en', theme: 'system' }));
  await world.engine.scheduler.checkNow();
});

describe('a service', () => {
  it('shows uptime, 90 days with their incidents, latency over a chosen period and the evidence', async () => {
    const { page, errors } = await openWindow(world);
    await page.getByRole('button', { name: 'Details of Chat' }).click();
    const heading = page.getByRole('heading', { level: 2, name: 'Chat' });
    await heading.waitFor();
    // The view takes the focus to its heading.
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('view-heading');

    // Uptime: the seeded two-hour outage shows in 30 and 90 days, not in 24 hours.
    const uptime = page.locator('.uptime');
    await uptime.waitFor();
    expect(await uptime.locator('dt').allTextContents()).toEqual([
      'Last 24 hours',
      'Last 7 days',
      'Last 30 days',
      'Last 90 days',
    ]);
    const ratios = await uptime.locator('dd').allTextContents();
    expect(ratios[0]).toBe('100%');
    expect(ratios[2]).toMatch(/^99\.\d+%$/);

    // 90 days: one tab stop; arrows move day by day; the outage day lists its incident.
    const days = page.locator('.daybar-cells button');
    expect(await days.count()).toBe(90);
    expect(await page.locator('.daybar-cells button[tabindex="0"]').count()).toBe(1);
    const detail = page.locator('.day-detail');
    expect(await detail.textContent()).toContain('No incident that day.');
    await page.locator('.daybar-cells button[tabindex="0"]').focus();
    await page.keyboard.press('ArrowLeft');
    expect(
      await page.evaluate(
        "[...document.querySelectorAll('.daybar-cells button')].indexOf(document.activeElement)",
      ),
    ).toBe(88);
    await page.keyboard.press('Home');
    expect(await days.first().getAttribute('tabindex')).toBe('0');
    await page.locator('.day.cell-down').hover();
    expect(await detail.textContent()).toMatch(
      /: down.*Checks up.*1 incident that day:down — Started .* lasted 2 hours/,
    );
    await page.locator('.day.cell-degraded').hover();
    expect(await detail.textContent()).toMatch(
      /: degraded.*1 incident that day:degraded — Started .* lasted 3 hours/,
    );

    // Latency with uPlot, its summary as text; 90 days shows the slow degraded hours.
    const chart = page.locator('.chart');
    await chart.locator('canvas').waitFor();
    expect(await page.getByRole('radio', { name: '7 days' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(await chart.locator('.chart-summary').textContent()).toMatch(
      /^Response time over the period: typically \d+ ms, 95% of checks under \d+ ms$/,
    );
    await page.getByRole('radio', { name: '90 days' }).click();
    await expect.poll(() => chart.locator('.chart-summary').textContent()).toMatch(/under 900 ms$/);
    expect(await chart.getAttribute('dir')).toBe('ltr');

    // The evidence of the last check, probe by probe, and the provider's words.
    const rows = page.locator('table.probes tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).locator('td').first().textContent()).toBe('name look-up (DNS)');
    expect(await rows.nth(1).locator('td').nth(2).textContent()).toBe('✓ up');
    expect(await rows.nth(2).locator('td').last().textContent()).toContain(
      'the status page says all is well',
    );
    expect(await inBothThemes(page, 'service')).toEqual({ light: [], dark: [] });

    await page.getByRole('button', { name: 'Open ChatCo’s status page' }).click();
    await expect.poll(() => world.opened.at(-1)).toBe('https://status.chat.example/');

    await page.getByRole('button', { name: 'Back to the overview' }).click();
    await page.getByRole('heading', { level: 2, name: 'Services' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('opens on the service main asks for (a notification or the tray)', async () => {
    const { page, push } = await openWindow(world);
    await push({ type: 'focusService', serviceId: 'chat' });
    await page.locator('.uptime').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Chat');
  });
});

describe('incidents', () => {
  it('lists them newest first, shows a new one live, and exports CSV and JSON through main', async () => {
    const { page, push, errors } = await openWindow(world);
    await page.getByRole('button', { name: 'Incidents' }).click();
    const items = page.locator('.incident');
    await items.first().waitFor();
    const before = await items.count();
    expect(before).toBeGreaterThanOrEqual(2);
    expect(await items.first().locator('h3').textContent()).not.toContain('ongoing');

    // An outage starts while the view is open: it appears on top, ongoing.
    world.lab.http.route('/', { status: 503 });
    world.lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-major.json'),
    });
    const outage = await world.engine.scheduler.checkNow();
    await push({ type: 'snapshot', snapshot: outage });
    await expect.poll(() => items.count()).toBe(before + 1);
    expect(await items.first().locator('h3').textContent()).toBe('Chat — downongoing');
    expect(await items.first().locator('.meta').first().textContent()).toMatch(
      /^Started \d\d:\d\d( [AP]M)? · ongoing for 1 minute$/,
    );
    await items.first().getByText('Evidence').click();
    expect(await items.first().locator('details').first().textContent()).toContain(
      'chat.lab.test answered with error 503',
    );
    expect(await items.first().locator('details').first().textContent()).toContain(
      'status page: Major System Outage',
    );
    expect(await inBothThemes(page, 'incidents')).toEqual({ light: [], dark: [] });

    world.save.answer = '/home/me/Documents';
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect
      .poll(() => page.locator('.notice').textContent())
      .toMatch(/^Saved to \/home\/me\/Documents\/vigie-incidents-\d{4}-\d\d-\d\d\.csv$/);
    const csv = world.save.saved.at(-1)?.content ?? '';
    expect(csv.split('\r\n')).toHaveLength(before + 3);
    await page.getByLabel('Service').selectOption('chat');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    await expect
      .poll(() => world.save.saved.at(-1)?.name)
      .toMatch(/^vigie-incidents-chat-.*\.json$/);
    expect(JSON.parse(world.save.saved.at(-1)?.content ?? '{}').incidents).toHaveLength(before + 1);
    world.save.answer = null;
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect
      .poll(() => page.locator('.notice').textContent())
      .toBe('Export cancelled: nothing was saved.');
    expect(errors).toEqual([]);
  });
});

describe('settings', () => {
  it('saves a good value, refuses a bad one beside the field, and tries then adds an own service', async () => {
    const { page, errors } = await openWindow(world);
    await page.getByRole('button', { name: 'Settings' }).click();
    const interval = page.getByLabel('Check every (seconds)');
    await interval.fill('5');
    await interval.press('Enter');
    const problem = page.locator('.field-problem').filter({ hasText: /\S/ });
    await expect
      .poll(() => problem.first().textContent())
      .toBe('Enter a whole number from 30 to 3600.');
    expect(await interval.getAttribute('aria-invalid')).toBe('true');
    expect(world.settings.get().intervalSeconds).toBe(60);
    await interval.fill('120');
    await interval.press('Enter');
    await expect.poll(() => world.settings.get().intervalSeconds).toBe(120);
    expect(await interval.getAttribute('aria-invalid')).toBe('false');
    // Main saved it; the page says so once main's answer is back.
    await expect.poll(() => page.locator('.settings > .notice').textContent()).toBe('Saved');

    const quietFrom = page.getByLabel('From', { exact: true });
    expect(await quietFrom.inputValue()).toBe('22:00');
    // On the 24-hour clock in every language, and a time that is not one is named beside it.
    await quietFrom.fill('10pm');
    await quietFrom.press('Enter');
    const problemId = `${await quietFrom.getAttribute('id')}-problem`;
    await expect
      .poll(() => page.locator(`[id="${problemId}"]`).textContent())
      .toBe('Enter a time like 22:00.');
    expect(await quietFrom.getAttribute('aria-invalid')).toBe('true');
    expect(world.settings.get().quietHours.from).toBe('22:00');
    await quietFrom.fill('21:30');
    await quietFrom.press('Enter');
    await expect.poll(() => world.settings.get().quietHours.from).toBe('21:30');

    await page.getByLabel('Critical: Chat').uncheck();
    await expect.poll(() => world.settings.get().services['chat']?.critical).toBe(false);

    // An own service: a bad address is named beside the field; a good one is tried, then added.
    await page.getByLabel('Name', { exact: true }).fill('My shop');
    await page.getByLabel('Address (URL)').fill('shop.example');
    await page.getByRole('button', { name: 'Try it' }).click();
    expect(await page.locator('#add-url-problem').textContent()).toBe(
      'Enter a full address, like https://shop.example.com',
    );
    await page.getByLabel('Address (URL)').fill(`${world.lab.https('chat')}/`);
    await page.getByRole('button', { name: 'Try it' }).click();
    await expect
      .poll(() => page.locator('.add-service .notice').first().textContent())
      .toMatch(/^Tried just now: up — all checks passed$/);
    await page.getByRole('button', { name: 'Add to Vigie' }).click();
    await expect
      .poll(() => world.settings.get().customServices.map((s) => s.id))
      .toEqual(['own-my-shop']);
    await page.getByRole('row', { name: /My shop/ }).waitFor();

    // The second opinion: what is sent to whom is said; an own service is asked about only when
    // the person opts it in; a bad country is refused beside the field; the whole thing turns off.
    expect(await page.getByText(/What is sent to Globalping: the service’s address/).count()).toBe(
      1,
    );
    const ownOpinion = page.getByLabel(
      'Also ask about My shop (its address is sent to Globalping)',
    );
    expect(await ownOpinion.isChecked()).toBe(false);
    await ownOpinion.check();
    await expect.poll(() => world.settings.get().customServices[0]?.secondOpinion).toBe(true);
    const country = page.getByLabel('Your country (two letters, e.g. CI, MA, FR)');
    await country.fill('Ivory Coast');
    await country.press('Enter');
    await expect
      .poll(() => page.locator('.field-problem').filter({ hasText: /\S/ }).first().textContent())
      .toBe('Enter two letters, such as CI or FR, or leave it empty.');
    await country.fill('ci');
    await country.press('Enter');
    await expect.poll(() => world.settings.get().secondOpinion.country).toBe('CI');
    await page
      .getByText('Checks from Côte d’Ivoire are compared with checks from elsewhere.')
      .waitFor();
    await page.getByLabel('Ask other networks when a service cannot be reached').uncheck();
    await expect.poll(() => world.settings.get().secondOpinion.enabled).toBe(false);
    expect(await ownOpinion.isDisabled()).toBe(true);

    expect(await inBothThemes(page, 'settings')).toEqual({ light: [], dark: [] });

    // The log files: their folder opens, and the diagnostics support needs go to the clipboard,
    // with the last lines of the log and nothing secret.
    world.logs.redactor.addSecret('tk_live_5ecret');
    world.logs.logger('alerts').warn('ntfy refused token tk_live_5ecret');
    await page.getByRole('button', { name: 'Open the logs folder' }).click();
    await expect.poll(() => world.openedFolders).toEqual([join(world.dir, 'logs')]);
    await page.getByRole('button', { name: 'Copy diagnostics' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Copied:/ })
          .textContent(),
      )
      .toMatch(/^Copied: version, system, settings and the last (log line|\d+ log lines)\./);
    const diagnostics = world.copied.at(-1)!;
    expect(diagnostics).toMatch(/^Vigie 0\.1\.0-e2e — linux e2e x64\n/);
    expect(diagnostics).toContain('"intervalSeconds": 120');
    expect(diagnostics).toContain('[alerts] ntfy refused token ***');
    expect(diagnostics).not.toContain('tk_live_5ecret');

    await page.getByRole('button', { name: 'Remove My shop' }).click();
    await expect.poll(() => world.settings.get().customServices).toEqual([]);

    // The language applies at once, the whole window right to left.
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 2, name: 'الإعدادات' }).waitFor();
    // The save that switched the language says so in the new language.
    await expect.poll(() => page.locator('.settings > .notice').textContent()).toBe('حُفظ');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('settings-ar'), fullPage: true });
    expect(errors).toEqual([]);
    world.settings.update((s) => ({
      ...s,
      intervalSeconds: 60,
      quietHours: { ...s.quietHours, from: '22:00' },
      services: {},
      secondOpinion: { enabled: true, country: null },
    }));
  });
});

describe('is it me, my network, or them?', () => {
  it('blocked from here: the network is blamed when the provider says all is well', async () => {
    world.lab.dns.set('chat.lab.test', { rcode: 'NXDOMAIN' });
    world.lab.http.route('/', { status: 403, body: 'Blocked by your provider' });
    await world.engine.scheduler.checkNow();
    const { page } = await openWindow(world);
    expect(await page.locator('.banner-text').textContent()).toBe(
      'Your network may be blocking Chat: ChatCo says all is well',
    );
    expect(await page.locator('.service .cause').first().textContent()).toBe('your network');
  });

  it('offline: nothing is judged, and the window says why', async () => {
    world.lab.http.route('/generate_204', { status: 500 });
    world.lab.http.route('/success.txt', { status: 500 });
    const snapshot = await world.engine.scheduler.checkNow();
    expect(snapshot.overall).toBe('offline');
    const { page } = await openWindow(world);
    expect(await page.locator('.banner-text').textContent()).toBe(
      'You are offline: services are checked again once the connection is back',
    );
    expect(await page.locator('.service .badge').first().textContent()).toBe('? unknown');
    await page.getByRole('button', { name: 'Details of Chat' }).click();
    await page.locator('.uptime').waitFor();
    expect(await page.locator('.service-view .state-note').allTextContents()).toContain(
      'Not checked: this computer is offline, not signed in to this network or without DNS.',
    );
  });

  it('the Arabic service view reads right to left, its time axis left to right', async () => {
    world.settings.update((s) => ({ ...s, language: 'ar' }));
    const { page, errors } = await openWindow(world);
    await page.getByRole('button', { name: 'تفاصيل Chat' }).click();
    await page.locator('.chart canvas').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.daybar-cells').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('.uptime dt').first().textContent()).toBe('آخر 24 ساعة');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('service-ar'), fullPage: true });
    await page.getByRole('button', { name: 'الحوادث' }).click();
    await page.locator('.incident').first().waitFor();
    expect(
      await page.evaluate("getComputedStyle(document.querySelector('.incident')).direction"),
    ).toBe('rtl');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('incidents-ar'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
