// What each official source makes of real-shaped payloads (test/fixtures), and of garbage.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { probeSchema } from '../../../../../shared/config-schema';
import { feedSource } from '../../../../../main/engine/sources/feed';
import { googleWorkspaceSource } from '../../../../../main/engine/sources/google-workspace';
import { incidentioSource } from '../../../../../main/engine/sources/incidentio';
import { instatusSource } from '../../../../../main/engine/sources/instatus';
import { slackSource } from '../../../../../main/engine/sources/slack';
import { statuspageSource } from '../../../../../main/engine/sources/statuspage';

const json = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/${name}`, import.meta.url), 'utf8'));
const xml = (name: string): unknown =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(
    readFileSync(new URL(`../../../../fixtures/${name}`, import.meta.url), 'utf8'),
  );

function probe<K extends string>(value: { kind: K } & Record<string, unknown>) {
  return probeSchema.parse(value) as never;
}

const NOW = Date.parse('2022-10-25T08:00:00Z');

describe('Atlassian Statuspage', () => {
  const page = probe({ kind: 'statuspage', url: 'https://status.example.com/' });

  it('appends the API path to the base URL', () => {
    expect(statuspageSource.endpoint(page)).toBe('https://status.example.com/api/v2/summary.json');
  });

  it.each([
    ['statuspage-summary-operational.json', 'operational'],
    ['statuspage-summary-degraded.json', 'degraded'],
    ['statuspage-summary-major.json', 'major'],
    ['statuspage-summary-maintenance.json', 'maintenance'],
    ['statuspage-status-operational.json', 'operational'],
  ])('%s reads as %s from the page indicator', (file, state) => {
    expect(statuspageSource.parse(json(file), page, NOW).state).toBe(state);
  });

  it('counts only the named components, by name, case-insensitively', () => {
    const webOnly = probe({
      kind: 'statuspage',
      url: 'https://s.example.com',
      components: ['web client'],
    });
    const messaging = probe({
      kind: 'statuspage',
      url: 'https://s.example.com',
      components: ['MESSAGING'],
    });
    expect(statuspageSource.parse(json('statuspage-summary-major.json'), webOnly, NOW).state).toBe(
      'operational',
    );
    const report = statuspageSource.parse(json('statuspage-summary-major.json'), messaging, NOW);
    expect(report.state).toBe('major');
    expect(report.description).toBe('Messaging: major outage');
    expect(report.messages[0]).toMatchObject({
      title: 'Messages are failing to send',
      body: 'We are investigating reports of messages failing to send.',
      url: 'https://stspg.io/abc',
    });
  });

  it('says so when a named component is missing, and falls back on the indicator', () => {
    const gone = probe({ kind: 'statuspage', url: 'https://s.example.com', components: ['Voice'] });
    const report = statuspageSource.parse(json('statuspage-summary-major.json'), gone, NOW);
    expect(report.state).toBe('major');
    expect(report.description).toContain('components Voice not found');
  });

  it('throws on a payload without a status indicator', () => {
    expect(() => statuspageSource.parse({ page: {} }, page, NOW)).toThrow();
  });
});

describe('incident.io', () => {
  const page = probe({ kind: 'incidentio', url: 'https://status.example.io' });
  it('uses the widget API and takes the worst impact of ongoing incidents', () => {
    expect(incidentioSource.endpoint(page)).toBe('https://status.example.io/api/v1/summary');
    const report = incidentioSource.parse(json('incidentio-widget-outage.json'), page, NOW);
    expect(report.state).toBe('major');
    expect(report.messages.map((m) => m.title)).toEqual([
      'Messages delayed for some customers',
      'Dashboard slow to load',
    ]);
  });
  it('filters by affected components; scheduled maintenance does not count', () => {
    const dashboard = probe({
      kind: 'incidentio',
      url: 'https://s.example.io',
      components: ['dashboard'],
    });
    expect(
      incidentioSource.parse(json('incidentio-widget-outage.json'), dashboard, NOW).state,
    ).toBe('degraded');
    expect(
      incidentioSource.parse(json('incidentio-widget-operational.json'), page, NOW).state,
    ).toBe('operational');
  });
});

describe('Instatus', () => {
  const page = probe({ kind: 'instatus', url: 'https://example.instatus.com' });
  it('maps HASISSUES with a major incident to major, and UP to operational', () => {
    expect(instatusSource.endpoint(page)).toBe('https://example.instatus.com/summary.json');
    expect(instatusSource.parse(json('instatus-summary-hasissues.json'), page, NOW)).toMatchObject({
      state: 'major',
      messages: [{ title: 'Login failures' }],
    });
    // A maintenance that has not started yet is not maintenance now.
    expect(instatusSource.parse(json('instatus-summary-up.json'), page, NOW).state).toBe(
      'operational',
    );
  });
});

describe('Google Workspace dashboard', () => {
  it('counts only active incidents of the named products', () => {
    const gmail = probe({
      kind: 'google-workspace',
      url: 'https://g.example/incidents.json',
      products: ['gmail'],
    });
    const drive = probe({
      kind: 'google-workspace',
      url: 'https://g.example/incidents.json',
      products: ['Google Drive'],
    });
    const report = googleWorkspaceSource.parse(json('google-workspace-incidents.json'), gmail, NOW);
    expect(report.state).toBe('major');
    expect(report.messages[0]).toMatchObject({
      title: 'Gmail users may be unable to send messages',
      url: 'https://www.google.com/appsstatus/dashboard/incidents/aBcDeF123',
    });
    // Drive's incident has ended.
    expect(
      googleWorkspaceSource.parse(json('google-workspace-incidents.json'), drive, NOW).state,
    ).toBe('operational');
  });
  it('rejects an object where a list is expected', () => {
    const all = probe({ kind: 'google-workspace', url: 'https://g.example/incidents.json' });
    expect(() => googleWorkspaceSource.parse({ incidents: [] }, all, NOW)).toThrow();
  });
});

describe('Slack status API', () => {
  const slack = probe({ kind: 'slack', url: 'https://slack-status.example/api/v2.0.0/current' });
  it('maps an active outage to major and ok to operational', () => {
    expect(slackSource.parse(json('slack-current-outage.json'), slack, NOW)).toMatchObject({
      state: 'major',
      messages: [
        { title: 'Users may be having trouble sending messages', body: 'We are investigating.' },
      ],
    });
    expect(slackSource.parse(json('slack-current-ok.json'), slack, NOW).state).toBe('operational');
  });
  it('filters incidents by the services the probe names', () => {
    const calls = probe({
      kind: 'slack',
      url: 'https://slack-status.example/c',
      services: ['Huddles'],
    });
    expect(slackSource.parse(json('slack-current-outage.json'), calls, NOW).state).toBe(
      'operational',
    );
  });
});

describe('RSS and Atom feeds', () => {
  const feed = probe({
    kind: 'feed',
    url: 'https://status.example.com/history.rss',
    recentHours: 6,
  });
  it('a recent entry that is not resolved is an ongoing incident', () => {
    const report = feedSource.parse(xml('feed-rss.xml'), feed, NOW);
    expect(report.state).toBe('degraded');
    expect(report.messages.map((m) => m.title)).toEqual(['Delayed message delivery']);
  });
  it('old or resolved entries are not', () => {
    expect(feedSource.parse(xml('feed-rss.xml'), feed, NOW + 24 * 3600_000).state).toBe(
      'operational',
    );
    expect(feedSource.parse(xml('feed-atom.xml'), feed, NOW).state).toBe('operational');
  });
});
