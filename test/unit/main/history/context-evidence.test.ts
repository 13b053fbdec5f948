// An incident keeps what public measurement platforms saw as evidence, and every reader (the
// window, the history command, the report) words it in the reader's language from the counts.
import { describe, expect, it } from 'vitest';
import { IncidentBook } from '../../../../main/history/incidents';
import { buildReport } from '../../../../main/playbooks/report';
import { createTranslator } from '../../../../shared/i18n';
import type { ServiceStatus } from '../../../../shared/types';
import { probeLine } from '../../../../renderer/format';

const AT = Date.UTC(2021, 9, 4, 15, 45);

const facebook: ServiceStatus = {
  id: 'facebook',
  name: 'Facebook',
  critical: true,
  checkedAt: AT,
  state: 'down',
  cause: 'provider',
  summary: 'DNS SERVFAIL for www.facebook.com',
  probes: [
    {
      kind: 'dns',
      target: 'www.facebook.com',
      state: 'down',
      code: 'DNS_SERVFAIL',
      latencyMs: 12,
      bytes: 0,
      detail: 'DNS SERVFAIL for www.facebook.com',
      attempts: 2,
    },
  ],
  secondOpinion: null,
  context: {
    routes: {
      checkedAt: AT,
      prefixes: [
        { prefix: '129.134.30.0/23', collectors: 24, seeing: 0 },
        { prefix: '185.89.218.0/23', collectors: 24, seeing: 0 },
      ],
      withdrawn: true,
      bytes: 4000,
    },
    ooni: null,
    ioda: null,
  },
};

describe('public context in an incident', () => {
  it('is kept with the incident (without its byte count) and read in each language', () => {
    const [entry] = new IncidentBook().observe(facebook);
    if (entry?.type !== 'open') throw new Error('no incident opened');
    const evidence = entry.incident.evidenceAtStart.find((e) => e.kind === 'context');
    expect(evidence).toMatchObject({
      target: 'Facebook',
      state: 'withdrawn',
      detail: 'routes to its name servers withdrawn (RIPE RIS, 0 of 24 collectors)',
      context: { routes: { withdrawn: true, bytes: 0 } },
    });
    if (!evidence) throw new Error('no context evidence');
    expect(probeLine(evidence, createTranslator('en'))).toMatch(
      /^Facebook’s network withdrew the routes to its name servers \(RIPE RIS, 0 of 24 collectors, /,
    );
    expect(probeLine(evidence, createTranslator('fr'))).toMatch(
      /^le réseau de Facebook a retiré les routes vers ses serveurs de noms/,
    );
    expect(probeLine(evidence, createTranslator('ar'))).toContain('سحبت شبكة Facebook');
  });

  it('the incident report names the withdrawn routes in its "what failed" line', () => {
    const [entry] = new IncidentBook().observe(facebook);
    if (entry?.type !== 'open') throw new Error('no incident opened');
    const run = {
      id: 'run-1',
      startedAt: AT,
      endedAt: null,
      services: [{ id: 'facebook', name: 'Facebook', provider: 'Meta' }],
      incidentIds: [entry.incident.id],
      openIncidentIds: [entry.incident.id],
      steps: [],
      events: [],
    };
    const report = buildReport(run, [entry.incident], createTranslator('en'), AT);
    expect(report.failed[0]).toContain(
      'Facebook’s network withdrew the routes to its name servers (RIPE RIS, 0 of 24 collectors',
    );
  });
});
