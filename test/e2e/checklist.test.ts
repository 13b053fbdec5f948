// The continuity checklist end to end: readiness before an outage, an outage in the lab opens a
// run, it is opened from the overview, steps are ticked (with a note) and unticked, a message is
// copied, the outage ends and the run moves to its "after" steps, the report is exported, a
// playbook is edited (a bad edit refused beside the step) and restored; the Arabic checklist is RTL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('the continuity checklist', () => {
  it('from readiness to an outage’s run, its report, and an edited playbook', async () => {
    allWell(world);
    await world.engine.scheduler.checkNow();
    const { page, push, errors } = await openWindow(world);

    // Before: readiness in the overview, with what is left to prepare.
    const readiness = page.locator('.readiness');
    await readiness.waitFor();
    expect(await readiness.locator('strong').textContent()).toBe('Ready for an outage: 0 of 4');
    expect(await readiness.locator('li').count()).toBe(4);
    await page.getByRole('button', { name: 'Prepare' }).click();
    await page.getByRole('heading', { level: 2, name: 'Checklist' }).waitFor();
    expect(await page.locator('.checklist .state-note').first().textContent()).toBe(
      'No checklist under way. When a critical service goes down, its checklist opens here.',
    );
    await page.getByLabel("Keep customers' phone numbers and e-mails outside the platform").check();
    await expect
      .poll(() => world.checklist.readiness(world.engine.scheduler.snapshot().services).ready)
      .toBe(1);

    // The outage: a run opens and the overview offers it.
    world.lab.http.route('/', { status: 503 });
    world.lab.http.route('/chat/api/v2/summary.json', {
      status: 200,
      body: fixture('statuspage-summary-major.json'),
    });
    const outage = await world.engine.scheduler.checkNow();
    await push({ type: 'snapshot', snapshot: outage });
    await push({ type: 'checklist' });
    await page.getByRole('button', { name: 'Overview' }).click();
    const card = page.locator('.run-card');
    await card.waitFor();
    expect(await card.locator('p').textContent()).toMatch(/^Checklist: Chat · 0 of \d+ done$/);
    // Preparing for the next outage waits while this one lasts.
    expect(await readiness.count()).toBe(0);
    await page.getByRole('button', { name: 'Open checklist' }).click();
    await page.getByRole('heading', { level: 2, name: 'Checklist: Chat' }).waitFor();
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('view-heading');

    // Steps: the first suggestion works; steps on the failed platform say so and what to use.
    const during = page.locator('ol[aria-labelledby="section-during"] > li');
    // The worst hour: the next step is called out on top and marked in the list; preparing and
    // editing playbooks are folded away while the outage lasts.
    expect(await during.first().getAttribute('class')).toBe('step step-next');
    expect(await during.first().getAttribute('aria-current')).toBe('step');
    const first = (await during.first().locator('label').textContent())?.trim();
    expect(await page.locator('.next-step p').textContent()).toBe(`Next: ${first}`);
    expect(
      await page.locator('details.later').evaluateAll((d) => d.map((e) => e.hasAttribute('open'))),
    ).toEqual([false, false]);
    const resend = page.locator('.step', { hasText: 'Resend what failed' });
    expect(await resend.locator('.step-warning').textContent()).toBe(
      '⚠ Chat is down now — Use instead: SMS, phone, e-mail, or your website',
    );
    const tell = page.locator('.step', { hasText: 'Tell the team on the backup channel' });
    await tell
      .getByLabel('Note (optional): Tell the team on the backup channel')
      .fill('Signal group told');
    await tell.getByRole('checkbox').check();
    await expect
      .poll(() => tell.locator('.meta').last().textContent())
      .toMatch(/^done .+ — Signal group told$/);
    const confirm = page.locator('.step', { hasText: 'Confirm it is not you' });
    await confirm.getByRole('checkbox').check();
    await confirm.getByRole('checkbox').uncheck();
    await expect.poll(() => confirm.getByRole('checkbox').isChecked()).toBe(false);
    const runId = world.checklist.runs.book.list()[0]!.id;
    await expect
      .poll(() => world.checklist.runs.book.get(runId)!.events.map((e) => e.type))
      .toEqual(['tick', 'tick', 'untick']);

    // Messages for the channels that work, with the business's words; copied through main.
    await page.getByLabel('Business name').fill('Chez Nour');
    await page.getByLabel('Business name').press('Enter');
    await expect.poll(() => world.checklist.playbooks.profile().businessName).toBe('Chez Nour');
    // The page has main's answer before the next action (so that answer cannot land after it).
    await expect.poll(() => page.locator('.checklist > .notice').textContent()).toBe('Saved');
    const message = page.locator('.message').first();
    expect(await message.locator('.message-text').textContent()).toMatch(
      /^Chez Nour: an outage at ChatCo has cut off our messages on Chat since .+\. Contact us at \[your phone or e-mail\]\. Next update by .+\.$/,
    );
    // Its channels include SMS: what it costs as SMS is said, counted as operators count it.
    expect(await message.locator('.meta').first().textContent()).toContain('SMS');
    expect(
      await message
        .getByText(/^As SMS: \d+ messages?(, each one billed)? \(characters: \d+\)/)
        .count(),
    ).toBe(1);
    // Not ready to send while it still says "[your phone or e-mail]": Copy waits, and says why.
    expect(await message.getByRole('button', { name: /^Copy/ }).isDisabled()).toBe(true);
    expect(await message.locator('.meta').last().textContent()).toBe(
      'To copy it, first fill in your phone or e-mail under “Who the messages speak for”.',
    );
    await page.getByLabel('How customers reach you (phone, e-mail)').fill('+212 600 00 00 00');
    await page.getByLabel('How customers reach you (phone, e-mail)').press('Enter');
    await expect
      .poll(() => message.locator('.message-text').textContent())
      .toMatch(/Contact us at \+212 600 00 00 00\./);
    await message.getByRole('button', { name: /^Copy/ }).click();
    await expect
      .poll(() => world.copied.at(-1))
      .toMatch(/^Chez Nour: an outage at ChatCo has cut off/);
    // Main has the text before the page has main's answer: wait for the page to say so.
    await expect
      .poll(() => page.locator('.checklist > .notice').textContent())
      .toBe('Copied to the clipboard.');
    expect(await inBothThemes(page, 'checklist')).toEqual({ light: [], dark: [] });

    // The outage ends: the run moves to its after steps; the platform is usable again.
    allWell(world);
    const back = await world.engine.scheduler.checkNow();
    await push({ type: 'snapshot', snapshot: back });
    await push({ type: 'checklist' });
    await expect
      .poll(() => page.locator('.run > .meta').first().textContent())
      .toMatch(/^Outage over at .+, after 1 minute: now the steps after it · 1 of \d+ done$/);
    expect(await resend.locator('.step-warning').count()).toBe(0);

    world.save.answer = '/home/me/Documents';
    await page
      .getByRole('button', { name: 'Save the report as text (to e-mail or paste)' })
      .click();
    await expect
      .poll(() => page.locator('.checklist > .notice').textContent())
      .toMatch(/^Saved to \/home\/me\/Documents\/vigie-report-chat-\d{4}-\d\d-\d\d\.md$/);
    const report = world.save.saved.at(-1)!.content;
    expect(report).toMatch(/^# Incident report: Chat\n/);
    expect(report).toMatch(/\| Done: Tell the team on the backup channel — Signal group told \|/);
    expect(report).toMatch(/\| Chat is back up \|/);
    await page.getByRole('button', { name: 'Save the report to print' }).click();
    await expect.poll(() => world.save.saved.at(-1)!.name).toMatch(/\.html$/);

    // The incident keeps its checklist: the incidents view opens it.
    await page.getByRole('button', { name: 'Incidents' }).click();
    await page
      .locator('.incident')
      .first()
      .getByRole('button', { name: 'Open its checklist' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Checklist: Chat' }).waitFor();

    // A playbook edited: a step without words is refused beside it; a good edit is saved.
    await page.getByRole('button', { name: 'Edit Messaging' }).click();
    await page.getByRole('button', { name: 'Add a step' }).nth(1).click();
    await page.getByRole('button', { name: 'Save the playbook' }).click();
    const problem = page.locator('.edit-step .field-problem').filter({ hasText: /\S/ });
    await expect.poll(() => problem.first().textContent()).toBe('Write what to do.');
    const titles = page.locator(
      'fieldset:has(legend:text("During the outage")) input[id$="-title"]',
    );
    await titles.last().fill('Call Jamal, who runs deliveries');
    await page.getByRole('button', { name: 'Move up: Call Jamal, who runs deliveries' }).click();
    await page.getByRole('button', { name: 'Save the playbook' }).click();
    await expect
      .poll(() => page.locator('.checklist > .notice').textContent())
      .toBe('Playbook saved.');
    const saved = world.checklist.playbooks.get('default-messaging')!;
    expect(
      saved.during.map((s) => (typeof s.title === 'string' ? s.title : s.title.en)).slice(-2),
    ).toEqual(['Call Jamal, who runs deliveries', 'Note the messages and orders to follow up']);
    await page.getByRole('button', { name: 'Edit Messaging (edited)' }).click();
    await page.getByRole('button', { name: 'Restore the shipped steps' }).click();
    await expect.poll(() => world.checklist.playbooks.isEdited('default-messaging')).toBe(false);
    expect(errors).toEqual([]);
  });

  it('reads right to left in Arabic', async () => {
    world.settings.update((s) => ({ ...s, language: 'ar' }));
    const { page, errors } = await openWindow(world);
    await page.getByRole('button', { name: 'قائمة الإجراءات', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'قائمة الإجراءات: Chat' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.evaluate("getComputedStyle(document.querySelector('.step')).direction")).toBe(
      'rtl',
    );
    expect(await page.locator('.step label').first().textContent()).toContain(
      'تأكّد من أن المشكلة ليست لديك',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('checklist-ar'), fullPage: true });
    expect(errors).toEqual([]);
    world.settings.update((s) => ({ ...s, language: 'en' }));
  });
});
