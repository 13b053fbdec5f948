// The continuity checklist: shipped playbooks in three languages, edits validated and saved whole,
// a run per outage shared by services down together, ticks that survive restarts, steps whose
// channel is down marked and pushed back, messages only for working channels, and the report.
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../../shared/history-types';
import { createTranslator } from '../../../../shared/i18n';
import { offeredMessages } from '../../../../shared/messages';
import { textIn, type Playbook } from '../../../../shared/playbook-schema';
import type { ServiceStatus, Snapshot } from '../../../../shared/types';
import { defaults } from '../../../../main/playbooks/defaults';
import { Checklist } from '../../../../main/playbooks';
import { parseCli } from '../../../../main/cli/args';
import { checklistCommand } from '../../../../main/cli/team-command';
import { downChannels } from '../../../../main/playbooks/runs';
import { playbooksProblemWords } from '../../../../main/playbooks/store';

const T0 = Date.parse('2021-10-04T15:42:00Z');
let dir: string;
let now: number;
let checklist: Checklist;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-checklist-'));
  now = T0;
  checklist = new Checklist(dir, () => now);
});
afterEach(() => {
  checklist.close();
  rmSync(dir, { recursive: true, force: true });
});

function service(
  id: string,
  state: ServiceStatus['state'],
  extra: Partial<ServiceStatus> = {},
): ServiceStatus {
  return {
    id,
    name: id[0]!.toUpperCase() + id.slice(1),
    critical: true,
    provider: 'Meta',
    category: 'messaging',
    checkedAt: now,
    state,
    cause: state === 'up' ? null : 'provider',
    summary: '',
    probes: [],
    ...extra,
  };
}
const snapshot = (services: ServiceStatus[]): Snapshot => ({
  checkedAt: now,
  overall: 'outage',
  connectivity: { state: 'online', detail: '', references: [] },
  services,
  bytes: 0,
});
function incident(serviceId: string, start: number, end: number | null = null): Incident {
  return {
    id: `${serviceId}-${start}`,
    serviceId,
    serviceName: serviceId[0]!.toUpperCase() + serviceId.slice(1),
    start,
    end,
    endNote: null,
    worstState: 'down',
    cause: 'provider',
    evidenceAtStart: [
      {
        kind: 'dns',
        target: `${serviceId}.com`,
        state: 'down',
        code: 'DNS_SERVFAIL',
        detail: `DNS SERVFAIL for ${serviceId}.com`,
      },
    ],
    evidenceAtWorst: [],
    messages: [{ title: 'We are aware of an issue', seenAt: start + 5 * 60_000 }],
  };
}

describe('shipped playbooks', () => {
  it('cover the nine categories, every text in English, French and Arabic', () => {
    const { playbooks, messages } = defaults();
    expect(playbooks.map((p) => p.category)).toEqual([
      'messaging',
      'social',
      'ads-commerce',
      'email-office',
      'website',
      'payments',
      'ecommerce',
      'delivery',
      'hosting',
    ]);
    for (const p of playbooks) {
      expect(p.before.length).toBeGreaterThan(2);
      expect(p.during.length).toBeGreaterThan(3);
      expect(p.after.length).toBeGreaterThan(1);
      for (const step of [...p.before, ...p.during, ...p.after]) {
        for (const lang of ['en', 'fr', 'ar'] as const)
          expect(textIn(step.title, lang).length).toBeGreaterThan(5);
      }
    }
    expect(messages.map((m) => m.id)).toEqual(['m-down-notice', 'm-pending-order', 'm-back']);
  });
});

describe('editing playbooks', () => {
  it('saves an edit whole, refuses a bad one by naming it, and restores the shipped steps', () => {
    const store = checklist.playbooks;
    const shipped = store.get('default-messaging')!;
    const edited: Playbook = {
      ...shipped,
      during: [
        { id: 'call-jamal', title: 'Call Jamal, who runs deliveries', channel: 'phone' },
        ...shipped.during.slice(1),
      ],
    };
    store.save(edited);
    const file = JSON.parse(readFileSync(join(dir, 'checklists', 'playbooks.json'), 'utf8'));
    expect(file.playbooks[0].during[0].title).toBe('Call Jamal, who runs deliveries');
    expect(readdirSync(join(dir, 'checklists'))).toEqual(['playbooks.json']);
    expect(store.isEdited('default-messaging')).toBe(true);

    expect(() => store.save({ ...edited, during: [{ id: 'x', title: '   ' }] })).toThrow(/empty/);
    expect(() => store.save({ ...edited, after: [{ id: 'call-jamal', title: 'again' }] })).toThrow(
      /duplicateStep/,
    );
    expect(store.get('default-messaging')!.during[0]!.id).toBe('call-jamal');

    store.saveMessage({ ...store.messages()[1]!, text: 'Call {contact}, {business}' });
    expect(store.messages()[1]!.text).toBe('Call {contact}, {business}');
    expect(() => store.saveMessage({ ...store.messages()[1]!, text: ' ' })).toThrow(/empty/);
    store.restoreMessage('m-pending-order');
    expect(store.messages()[1]).toEqual(defaults().messages[1]);

    store.restore('default-messaging');
    expect(store.get('default-messaging')).toEqual(shipped);
    expect(store.isEdited('default-messaging')).toBe(false);
  });

  it('a damaged file is kept aside and named, and the shipped playbooks keep working', () => {
    checklist.close();
    writeFileSync(
      join(dir, 'checklists', 'playbooks.json'),
      '{"version": 1, "playbooks": [{"id": 7}]}',
    );
    const reopened = new Checklist(dir, () => now);
    expect(reopened.playbooks.problem?.message).toMatch(/playbooks\.json \(playbooks\[0\]\./);
    // The window puts it inside a sentence in the user's language: no English words of its own.
    expect(reopened.playbooks.problem?.message).not.toMatch(/could not|expected|invalid|received/i);
    expect(reopened.playbooks.problem?.backup).toMatch(/playbooks\.json\.damaged-\d+$/);
    expect(reopened.playbooks.playbooks()).toHaveLength(9);
    // Why, in the reader's language, after the file and the place in it.
    const problem = reopened.playbooks.problem!;
    expect(playbooksProblemWords(problem, createTranslator('fr'))).toMatch(
      /playbooks\.json \(playbooks\[0\]\.id\)\u00a0: valeur attendue\u00a0: un texte/,
    );
    expect(playbooksProblemWords(problem, createTranslator('ar'))).toMatch(
      /\(playbooks\[0\]\.id\): القيمة المتوقعة: نص/,
    );
    reopened.close();
  });

  it('a file that is not JSON is named with the line and column, in the language', () => {
    checklist.close();
    writeFileSync(join(dir, 'checklists', 'playbooks.json'), '{"version": 1,\n');
    const reopened = new Checklist(dir, () => now);
    const said = playbooksProblemWords(reopened.playbooks.problem!, createTranslator('fr'));
    expect(said).toMatch(/playbooks\.json\u00a0: .*ligne 2/);
    expect(said).not.toMatch(/Unexpected|JSON at position|expected/);
    reopened.close();
  });

  it('follows the user’s choice of playbook, else the service’s category', () => {
    const store = checklist.playbooks;
    expect(store.playbookFor(service('instagram', 'up', { category: 'social' })).id).toBe(
      'default-social',
    );
    expect(store.playbookFor(service('github', 'up', { category: 'developer' })).id).toBe(
      'default-email-office',
    );
    store.assign('instagram', 'default-ads-commerce');
    expect(store.playbookFor(service('instagram', 'up', { category: 'social' })).id).toBe(
      'default-ads-commerce',
    );
    expect(() => store.assign('instagram', 'nope')).toThrow('no playbook nope');
  });
});

describe('runs', () => {
  it('one run for services down together, steps deduplicated, ended when all are back', () => {
    const whatsapp = incident('whatsapp', T0);
    const started = checklist.observe(snapshot([service('whatsapp', 'down')]), [whatsapp]);
    expect(started).toHaveLength(1);
    const run = started[0]!;
    expect(run.services.map((s) => s.name)).toEqual(['Whatsapp']);
    const messagingSteps = run.steps.length;

    now += 3 * 60_000;
    const instagram = incident('instagram', now);
    const social = service('instagram', 'down', { category: 'social' });
    expect(
      checklist.observe(snapshot([service('whatsapp', 'down'), social]), [whatsapp, instagram]),
    ).toEqual([]);
    const shared = checklist.runs.book.get(run.id)!;
    expect(shared.services.map((s) => s.id)).toEqual(['whatsapp', 'instagram']);
    const keys = shared.steps.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('d-pause-campaigns');
    expect(keys.length).toBeGreaterThan(messagingSteps);
    expect(keys.length).toBeLessThan(
      messagingSteps +
        defaults().playbooks[1]!.during.length +
        defaults().playbooks[1]!.after.length,
    );

    // A service that is not critical starts nothing.
    expect(
      checklist.observe(snapshot([service('x', 'down', { critical: false })]), [
        whatsapp,
        instagram,
        incident('x', now),
      ]),
    ).toEqual([]);
    expect(checklist.runs.book.list()).toHaveLength(1);

    now += 60 * 60_000;
    checklist.observe(snapshot([service('whatsapp', 'up')]), [instagram]);
    expect(checklist.runs.book.get(run.id)!.endedAt).toBeNull();
    now += 60_000;
    checklist.observe(snapshot([]), []);
    expect(checklist.runs.book.get(run.id)!.endedAt).toBe(now);
  });

  it("one damaged byte in a run's start line loses no event of the run", () => {
    const [run] = checklist.observe(snapshot([service('whatsapp', 'down')]), [
      incident('whatsapp', T0),
    ]);
    now += 60_000;
    checklist.tick(run!.id, 'd-tell-team', true);
    checklist.note(run!.id, 'Customers told by SMS');
    checklist.close();
    const path = join(dir, 'checklists', 'runs.journal');
    const lines = readFileSync(path, 'utf8').split('\n');
    const start = lines.findIndex((l) => l.startsWith('{"type":"start"'));
    lines[start] = lines[start]!.replace('"startedAt"', '"startedAx"');
    writeFileSync(path, lines.join('\n'));
    const reopened = new Checklist(dir, () => now);
    expect(reopened.runs.warnings).toEqual(['runs.journal: 1 damaged line skipped']);
    const again = reopened.runs.book.get(run!.id)!;
    expect(again.startedAt).toBe(T0);
    expect(again.events.map((e) => e.type)).toEqual(['tick', 'note']);
    reopened.close();
  });

  it('ticks, unticks and notes are facts with times, kept across restarts and a torn write', () => {
    const [run] = checklist.observe(snapshot([service('whatsapp', 'down')]), [
      incident('whatsapp', T0),
    ]);
    now += 60_000;
    checklist.tick(run!.id, 'd-tell-team', true, 'Signal group told');
    now += 60_000;
    checklist.tick(run!.id, 'd-confirm', true);
    now += 60_000;
    checklist.tick(run!.id, 'd-confirm', false);
    checklist.note(run!.id, 'Orders 41 and 42 to call back');
    expect(() => checklist.tick(run!.id, 'nope', true)).toThrow('no step nope');
    checklist.close();
    appendFileSync(join(dir, 'checklists', 'runs.journal'), '{"type":"tick","runId":"x"'); // torn

    const reopened = new Checklist(dir, () => now);
    const again = reopened.runs.book.get(run!.id)!;
    expect(reopened.runs.warnings).toEqual(['runs.journal: 1 damaged line skipped']);
    expect(again.steps.find((s) => s.key === 'd-tell-team')!.done).toEqual({
      at: T0 + 60_000,
      note: 'Signal group told',
    });
    expect(again.steps.find((s) => s.key === 'd-confirm')!.done).toBeNull();
    expect(again.events.map((e) => e.type)).toEqual(['tick', 'tick', 'untick', 'note']);
    // The same incident seen again after the restart does not start a second run.
    expect(
      reopened.observe(snapshot([service('whatsapp', 'down')]), [incident('whatsapp', T0)]),
    ).toEqual([]);
    reopened.tick(run!.id, 'd-confirm', true);
    reopened.close();
    checklist = new Checklist(dir, () => now);
    expect(
      checklist.runs.book.get(run!.id)!.steps.find((s) => s.key === 'd-confirm')!.done,
    ).not.toBeNull();
  });

  it('marks steps whose channel is down, suggests what works, and never puts them first', () => {
    const services = [
      service('instagram', 'down', { category: 'social' }),
      service('google-workspace', 'down', { category: 'email-office' }),
      service('linkedin', 'up', { category: 'social' }),
    ];
    checklist.observe(snapshot(services), [incident('instagram', T0)]);
    const [view] = checklist.views(services);
    const during = view!.steps.filter((s) => s.section === 'during');
    expect(during[0]!.channelDown).toBe(false);
    const pause = during.find((s) => s.key === 'd-pause-campaigns')!;
    expect(pause).toMatchObject({ channelDown: true, alternatives: ['sms', 'phone', 'website'] });
    expect(during.findIndex((s) => s.channelDown)).toBeGreaterThan(
      during.findLastIndex((s) => !s.channelDown),
    );
    expect(view!.downChannels).toEqual(expect.arrayContaining(['platform', 'email', 'instagram']));
    expect(downChannels([service('own-shop', 'down')]).has('website')).toBe(true);
  });

  it('in a WhatsApp outage: confirm mobile money with the operator; no WhatsApp Status, TikTok instead', () => {
    const services = [
      service('whatsapp', 'down', { category: 'messaging' }),
      service('tiktok', 'up', { category: 'social' }),
    ];
    checklist.observe(snapshot(services), [incident('whatsapp', T0)]);
    const [view] = checklist.views(services);
    const during = view!.steps.filter((s) => s.section === 'during');
    const step = (key: string) => during.find((s) => s.key === key);
    expect(step('d-confirm-payments')).toMatchObject({ channelDown: false });
    expect(textIn(step('d-confirm-payments')!.title, 'en')).toMatch(/mobile-money/);
    expect(textIn(step('d-confirm-payments')!.why ?? '', 'fr')).toMatch(
      /Orange Money, MTN MoMo, Wave/,
    );
    // WhatsApp is the one down: its Status is marked, with what works instead.
    expect(step('d-whatsapp-status')).toMatchObject({ channelDown: true });
    expect(step('d-whatsapp-status')!.alternatives[0]).toBe('sms');
    expect(step('d-tiktok-notice')).toMatchObject({ channelDown: false });
  });

  it('in a mobile-money outage: take cash or another operator, confirm with the operator; no notice to post', () => {
    const services = [service('wave', 'down', { category: 'payments', provider: 'Wave' })];
    checklist.observe(snapshot(services), [incident('wave', T0)]);
    const [view] = checklist.views(services);
    const during = view!.steps.filter((s) => s.section === 'during').map((s) => s.key);
    expect(during).toEqual(expect.arrayContaining(['d-take-cash', 'd-confirm-payments']));
    expect(during).not.toContain('d-post-notice');
    const cash = view!.steps.find((s) => s.key === 'd-take-cash')!;
    expect(textIn(cash.title, 'en')).toBe("Take cash or another operator for today's sales");
  });

  it('counts the readiness of the critical services’ "before" steps', () => {
    const services = [
      service('whatsapp', 'up'),
      service('instagram', 'up', { category: 'social' }),
    ];
    const before = checklist.readiness(services);
    expect(before).toMatchObject({ ready: 0, total: 5 });
    checklist.playbooks.setReady('b-contacts', true, 'in the shared sheet');
    checklist.playbooks.setReady('b-roles', true);
    expect(checklist.readiness(services)).toMatchObject({ ready: 2, total: 5 });
    checklist.playbooks.setReady('b-roles', false);
    expect(
      checklist
        .readiness(services)
        .steps.filter((s) => s.done)
        .map((s) => s.id),
    ).toEqual(['b-contacts']);
  });
});

describe('customer messages', () => {
  it('offers only messages with a working channel, placeholders filled or shown to fill', () => {
    const missing = (name: string) => `your ${name}`;
    const down = new Set([
      'platform',
      'sms',
      'email',
      'website',
      'google-business-profile',
      'linkedin',
      'signal',
      'telegram',
    ] as const);
    const offered = offeredMessages(
      defaults().messages,
      'during',
      down,
      'fr',
      { service: 'WhatsApp', provider: 'Meta', business: 'Chez Nour' },
      missing,
    );
    expect(offered.map((m) => [m.id, m.channels])).toEqual([['m-pending-order', ['phone']]]);
    expect(offered[0]!.text).toBe(
      'Bonjour, ici Chez Nour. Une panne sur WhatsApp ne nous a pas permis de vous répondre. Votre commande est bien notée : répondez à ce message ou contactez-nous ([your contact]).',
    );
    // Not ready to send: the window offers no Copy until the contact is filled in.
    expect(offered[0]!.missing).toEqual(['contact']);
    const during = offeredMessages(
      defaults().messages,
      'during',
      new Set(['platform']),
      'en',
      {},
      missing,
    );
    expect(during.map((m) => m.id)).toEqual(['m-down-notice', 'm-pending-order']);
    // After the outage: "we are back", on the platform itself too.
    const after = offeredMessages(defaults().messages, 'after', new Set(), 'en', {}, missing);
    expect(after.map((m) => [m.id, m.channels[0]])).toEqual([['m-back', 'platform']]);
  });
});

describe('the incident report', () => {
  it('has the timeline, the steps with their times and the notes, in Markdown and in HTML', () => {
    const whatsapp = incident('whatsapp', T0);
    const [run] = checklist.observe(snapshot([service('whatsapp', 'down')]), [whatsapp]);
    now += 10 * 60_000;
    const tickedAt = now;
    checklist.tick(run!.id, 'd-tell-team', true, 'told | the team');
    checklist.note(run!.id, 'Call back <Amina>');
    now += 80 * 60_000;
    const ended = { ...whatsapp, end: now };
    checklist.observe(snapshot([service('whatsapp', 'up')]), []);
    const en = createTranslator('en');
    const md = checklist.report(run!.id, 'md', [ended], en);
    expect(md).toMatch(/^# Incident report: Whatsapp\n/);
    expect(md).toContain('- **Duration:** 1 hour and 30 minutes');
    expect(md).toContain('- Whatsapp: down (on Whatsapp’s side) — DNS SERVFAIL for whatsapp.com');
    // Times in the language, the start and end with their time zone for a reader elsewhere.
    expect(md).toContain(`- **Started:** ${en.moment(T0, { zone: true })}`);
    expect(en.moment(T0, { zone: true })).not.toBe(en.moment(T0));
    const header = `| ${en.t('report.time')} | ${en.t('report.event')} |`;
    const table = md.slice(md.indexOf(header)).split('\n\n')[0]!.split('\n').slice(2);
    expect(table.map((r) => r.replace(/^\| [^|]+\| /, ''))).toEqual([
      'Whatsapp: down (on Whatsapp’s side) |',
      'Meta says: “We are aware of an issue” |',
      'Done: Tell the team on the backup channel — told \\| the team |',
      'Note: Call back &lt;Amina&gt; |',
      'Whatsapp is back up |',
      'Every service is back: the steps after the outage begin |',
    ]);
    // A step's time is a sentence of the language: "done on October 4, 2021 at 03:52 PM".
    expect(md).toContain(
      `- [x] Tell the team on the backup channel — done on ${en.dated('time.otherDay', tickedAt)} (told \\| the team)`,
    );
    expect(md).toContain('- [ ] Confirm it is not you — not done');

    const html = checklist.report(run!.id, 'html', [ended], createTranslator('ar'));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('Call back &lt;Amina&gt;');
    expect(html).not.toContain('<Amina>');
    expect(html).toContain('تقرير الحادثة: Whatsapp');
  });

  it('text from outside cannot forge structure, links, images or HTML in the Markdown', () => {
    const whatsapp = incident('whatsapp', T0);
    const [run] = checklist.observe(snapshot([service('whatsapp', 'down')]), [whatsapp]);
    checklist.note(run!.id, 'fine\n## Forged heading\n- [x] Forged step');
    checklist.note(
      run!.id,
      '<img src=x onerror=alert(1)> ![x](http://evil.example/t.png) <script>',
    );
    const md = checklist.report(run!.id, 'md', [whatsapp], createTranslator('en'));
    expect(md.split('\n').filter((l) => /^#|^- \[x\]/.test(l))).toEqual([
      '# Incident report: Whatsapp',
      '## What failed',
      '## Timeline',
      '## Checklist',
      '## Notes',
    ]);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script');
    expect(md).not.toContain('![x]');
    expect(md).toContain(
      '&lt;img src=x onerror=alert(1)&gt; \\!\\[x\\](http://evil.example/t.png)',
    );
  });
});

describe('`npx vigie checklist`', () => {
  it('says who did a step and when, the date and the time worded by the language', () => {
    const [run] = checklist.observe(snapshot([service('whatsapp', 'down')]), [
      incident('whatsapp', T0),
    ]);
    checklist.tick(run!.id, 'd-tell-team', true);
    checklist.close();
    const lines = (language: 'en' | 'fr' | 'ar') => {
      const out: string[] = [];
      checklistCommand(parseCli(['checklist', '--data', dir]), {
        out: (line) => out.push(line),
        err: () => undefined,
        tr: createTranslator(language),
      });
      return out.join('\n');
    };
    // "(… · le 4 octobre 2021 à 15:42)", never the ISO time the JSON keeps.
    expect(lines('fr')).toMatch(/\[x\] d-tell-team .+ · le \d+ octobre 2021 à \d\d:\d\d\)/);
    expect(lines('ar')).toMatch(/\[x\] d-tell-team .+ · \d+ أكتوبر 2021 الساعة \d\d:\d\d\)/);
    expect(lines('en')).not.toContain('2021-10-04T');
    checklist = new Checklist(dir, () => now);
  });
});
