// What each official source makes of real-shaped payloads (test/fixtures), and of garbage.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { probeSchema } from '../../../../../shared/config-schema';
import { feedSource } from '../../../../../main/engine/sources/feed';
import { googleWorkspaceSource } from '../../../../../main/engine/sources/google-workspace';
import { incidentioSource } from '../../../../../main/engine/sources/incidentio';
import { instatusSource } from '../../../../../main/engine/sources/instatus';
import { m365Source, postStatus } from '../../../../../main/engine/sources/m365';
import { metastatusSource } from '../../../../../main/engine/sources/metastatus';
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
  it('counts only incidents whose status is active (not resolved, scheduled or completed)', () => {
    const report = slackSource.parse(json('slack-current-mixed.json'), slack, NOW);
    expect(report.messages.map((m) => m.title)).toEqual([
      'Users may be having trouble sending messages',
    ]);
    const huddles = probe({
      kind: 'slack',
      url: 'https://slack-status.example/c',
      services: ['Huddles'],
    });
    expect(slackSource.parse(json('slack-current-mixed.json'), huddles, NOW).state).toBe(
      'operational',
    );
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

describe('Statuspage and Slack Atom feeds: judged by the latest update', () => {
  const feed = probe({ kind: 'feed', url: 'https://www.githubstatus.com/history.atom' });
  it('reads each update from <content type="html">: two resolved incidents are not ongoing', () => {
    const report = feedSource.parse(xml('statuspage-history.atom'), feed, NOW);
    expect(report.state).toBe('degraded');
    expect(report.messages.map((m) => m.title)).toEqual(['Incident with Git Operations']);
    expect(report.messages[0]?.body).toMatch(/^Oct 25, 07:50 UTC Update - We are continuing/);
  });
  it('an incident whose history says "investigating" but whose latest update says resolved is over', () => {
    const report = feedSource.parse(xml('statuspage-history.atom'), feed, NOW);
    expect(report.messages.map((m) => m.title)).not.toContain('Incident with Actions');
  });
  it('an unlabelled log (Slack) runs oldest first: its last line is the latest', () => {
    expect(feedSource.parse(xml('slack-feed.atom'), feed, NOW).state).toBe('operational');
  });
});

describe('Microsoft status', () => {
  it('RSS items carry a <status>: ServiceDegradation is ongoing, ServiceRestored is not', () => {
    const feed = probe({ kind: 'feed', url: 'https://status.cloud.microsoft/api/feed/mac' });
    const report = feedSource.parse(xml('m365-feed-mac.rss'), feed, NOW);
    expect(report.state).toBe('degraded');
    expect(report.messages.map((m) => m.title)).toEqual([
      'Users may be unable to send or receive email in Outlook',
    ]);
  });
  it('an RSS item whose <status> is Operational (a word of the site) is all well', () => {
    const feed = probe({ kind: 'feed', url: 'https://status.cloud.microsoft/api/feed/mac' });
    const rss = (status: string) => ({
      rss: {
        channel: {
          title: 'Microsoft Admin Center Status',
          item: [
            { title: 'Microsoft Admin Center', status, pubDate: 'Tue, 25 Oct 2022 07:40:00 Z' },
          ],
        },
      },
    });
    expect(feedSource.parse(rss('Operational'), feed, NOW).state).toBe('operational');
    expect(feedSource.parse(rss('Service degradation'), feed, NOW).state).toBe('degraded');
  });
  it('the posts endpoint: Status and Title of the named services', () => {
    const all = probe({
      kind: 'm365',
      url: 'https://status.cloud.microsoft/api/posts/m365Consumer',
    });
    const report = m365Source.parse(json('m365-posts-consumer.json'), all, NOW);
    expect(report).toMatchObject({
      state: 'degraded',
      description: 'Outlook.com: ServiceDegradation',
    });
    expect(report.messages[0]).toMatchObject({
      title: 'Outlook.com: Users may be unable to send or receive email',
      body: "We're investigating reports that some users can't send or receive email in Outlook.com.",
    });
    const teams = probe({
      kind: 'm365',
      url: 'https://status.cloud.microsoft/api/posts/m365Consumer',
      services: ['microsoft teams'],
    });
    expect(m365Source.parse(json('m365-posts-consumer.json'), teams, NOW).state).toBe(
      'operational',
    );
    expect(m365Source.parse(json('m365-posts-available.json'), all, NOW).state).toBe('operational');
  });
  it('rejects a payload that is neither a post nor a list of posts', () => {
    const all = probe({ kind: 'm365', url: 'https://status.cloud.microsoft/api/posts/mac' });
    expect(() => m365Source.parse({ value: [] }, all, NOW)).toThrow();
    expect(() => m365Source.parse('Available', all, NOW)).toThrow();
  });

  const mac = probe({ kind: 'm365', url: 'https://status.cloud.microsoft/api/posts/mac' });
  const consumer = (services: string[]) =>
    probe({ kind: 'm365', url: 'https://status.cloud.microsoft/api/posts/m365Consumer', services });

  it('/api/posts/mac answers one object (captured): read as the admin center’s post', () => {
    expect(m365Source.parse(json('m365-posts-mac.json'), mac, NOW)).toEqual({
      subject: 'Microsoft 365 admin center',
      state: 'operational',
      description: 'Microsoft 365 admin center: available',
      messages: [],
    });
    const degraded = m365Source.parse(json('m365-posts-mac-degraded.json'), mac, NOW);
    expect(degraded).toMatchObject({
      state: 'degraded',
      description: 'Microsoft 365 admin center: Service degradation',
    });
    expect(degraded.messages[0]?.body).toBe(
      "We're investigating an issue preventing some admins from accessing Service health in the Microsoft 365 admin center.",
    );
  });

  it.each([
    ['Available', 'resolved'],
    ['Operational', 'resolved'],
    ['ServiceRestored', 'resolved'],
    ['Service restored', 'resolved'],
    ['ServiceDegradation', 'degraded'],
    ['Service degradation', 'degraded'],
    ['Unknown', 'unknown'],
    ['ServiceInterruption', 'major'],
  ])('Status %j reads %s (enum words and display strings alike)', (status, state) => {
    expect(postStatus(status)).toBe(state);
  });

  it('each product reads its own post only, in the display-string answer', () => {
    const read = (name: string) =>
      m365Source.parse(json('m365-posts-consumer-display.json'), consumer([name]), NOW).state;
    expect(read('Outlook.com')).toBe('degraded');
    expect(read('OneDrive')).toBe('operational');
    expect(read('Microsoft Copilot')).toBe('operational');
    expect(read('Phone Link')).toBe('operational');
    expect(read('Microsoft Teams Free')).toBe('operational');
  });

  it('a named product absent from the answer, or a status Microsoft calls Unknown, is no evidence', () => {
    const answer = json('m365-posts-consumer-display.json');
    expect(() => m365Source.parse(answer, consumer(['Skype']), NOW)).toThrow(/no post names Skype/);
    const unknown = [{ ServiceDisplayName: 'OneDrive', Status: 'Unknown' }];
    expect(() => m365Source.parse(unknown, consumer(['OneDrive']), NOW)).toThrow(/unknown/);
  });
});

describe('Meta Status', () => {
  const waba = probe({ kind: 'metastatus', org: 'whatsapp-business-api', scope: 'related' });
  it('reads the org from /data/orgs.json on metastatus.com by default', () => {
    expect(metastatusSource.endpoint(waba)).toBe('https://metastatus.com/data/orgs.json');
    expect(metastatusSource.details?.endpoint(waba)).toBe(
      'https://metastatus.com/data/outages/whatsapp-business-api.json',
    );
    expect(metastatusSource.fallback?.endpoint(waba)).toBe(
      'https://metastatus.com/outage-events-feed-whatsapp-business-api.rss',
    );
  });
  it('25 Oct 2022: "High disruptions" on the Cloud API is a major outage of the WhatsApp Business Platform', () => {
    const report = metastatusSource.parse(json('metastatus-orgs-outage.json'), waba, NOW);
    expect(report).toMatchObject({ state: 'major', subject: 'WhatsApp Business Platform' });
    expect(report.description).toContain('Cloud API — High disruptions');
    expect(
      metastatusSource.parse(json('metastatus-orgs-operational.json'), waba, NOW),
    ).toMatchObject({
      state: 'operational',
      description: 'no known issues',
      subject: 'WhatsApp Business Platform',
    });
  });
  it('counts only the named services (by name or id)', () => {
    const signup = probe({
      kind: 'metastatus',
      org: 'whatsapp-business-api',
      services: ['embedded signup'],
    });
    expect(metastatusSource.parse(json('metastatus-orgs-outage.json'), signup, NOW).state).toBe(
      'operational',
    );
    const accounts = probe({ kind: 'metastatus', org: 'whatsapp-business-api', services: [6] });
    expect(metastatusSource.parse(json('metastatus-orgs-outage.json'), accounts, NOW).state).toBe(
      'degraded',
    );
  });
  it('the open outages give the posts: the latest one is the message', () => {
    const first = metastatusSource.parse(json('metastatus-orgs-outage.json'), waba, NOW);
    const merged = metastatusSource.details?.merge(
      first,
      json('metastatus-outages-whatsapp-business-api.json'),
      waba,
      NOW,
    );
    expect(merged?.messages).toEqual([
      expect.objectContaining({
        title: 'Cloud API: High disruptions',
        body: 'Messages are failing to send for many businesses. We are working on a fix.',
      }),
    ]);
  });
  it('the RSS feed, when the JSON fails: the level in brackets', () => {
    expect(
      metastatusSource.fallback?.parse(xml('metastatus-feed-whatsapp-business-api.rss'), waba, NOW),
    ).toMatchObject({ state: 'major', messages: [{ title: '[High disruptions]: Cloud API' }] });
    expect(
      metastatusSource.fallback?.parse(xml('metastatus-feed-empty.rss'), waba, NOW).state,
    ).toBe('operational');
  });
  it('an org that is not listed is an error that names it', () => {
    const gone = probe({ kind: 'metastatus', org: 'no-such-org' });
    expect(() => metastatusSource.parse(json('metastatus-orgs-outage.json'), gone, NOW)).toThrow(
      /no-such-org/,
    );
  });
});

describe('incident.io and Google, as published', () => {
  it('incident.io: a resolved incident listed among the ongoing ones does not count', () => {
    const page = probe({ kind: 'incidentio', url: 'https://status.example.io' });
    const report = incidentioSource.parse(
      json('incidentio-widget-resolved-listed.json'),
      page,
      NOW,
    );
    expect(report.state).toBe('degraded');
    expect(report.messages.map((m) => m.title)).toEqual(['Dashboard slow to load']);
  });
  it('Google: products are matched by their stable id', () => {
    const gmail = probe({
      kind: 'google-workspace',
      url: 'https://www.google.com/appsstatus/dashboard/incidents.json',
      productIds: ['NwZhW3Xu3QWQK7gV2axs'],
    });
    expect(
      googleWorkspaceSource.parse(json('google-workspace-incidents.json'), gmail, NOW).state,
    ).toBe('major');
    const other = probe({
      kind: 'google-workspace',
      url: 'https://www.google.com/appsstatus/dashboard/incidents.json',
      productIds: ['not-a-product'],
    });
    expect(
      googleWorkspaceSource.parse(json('google-workspace-incidents.json'), other, NOW).state,
    ).toBe('operational');
  });
});
