// `checklist done` without a Vigie recording the folder: the command is the writer for the moment
// of the tick; with a team, the tick is also queued for the relay as a `step.set`. With a Vigie
// recording the folder, the tick is handed to it as a request file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunStore } from '../../../../main/playbooks/runs';
import { acquireLock } from '../../../../main/history/lock';
import { checklistJson, REQUESTS_DIR, tick } from '../../../../main/cli/team-command';
import { createTeam, TeamStore, type TeamMembership } from '../../../../main/team/store';

const NOW = Date.UTC(2021, 9, 4, 15, 42);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-checklist-'));
  const runs = new RunStore(dir);
  runs.record([
    {
      type: 'start',
      run: {
        id: 'run-1',
        startedAt: NOW,
        services: [{ id: 'whatsapp', name: 'WhatsApp' }],
        incidentIds: ['i1'],
        steps: [
          {
            key: 'tell-team',
            section: 'during',
            title: { en: 'Tell the team', fr: 'Prévenir l’équipe', ar: 'أخبر الفريق' },
          },
          { key: 'resend', section: 'after', title: 'Resend what failed' },
        ],
      },
    },
  ]);
  runs.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = () => new RunStore(dir, { readOnly: true }).book.get('run-1')!;

describe('checklist done', () => {
  it('ticks directly when no Vigie records the folder, and shares it with the team', () => {
    const team = createTeam(dir, 'https://ntfy.example', 'Awa') as TeamMembership;
    const store = new TeamStore(dir, team);
    store.act(
      'incident.open',
      { inc: 'whatsapp@e0', service: 'whatsapp', cause: 'provider', since: NOW },
      'e0',
    );

    expect(
      tick(dir, { type: 'tick', runId: 'run-1', key: 'tell-team', at: NOW, note: 'on Signal' }),
    ).toBe(false);

    const view = checklistJson(
      run(),
      { membership: team, state: new TeamStore(dir, team).state() },
      'fr',
    );
    expect(view).toMatchObject({
      id: 'run-1',
      services: [{ id: 'whatsapp', name: 'WhatsApp' }],
      members: ['Awa'],
    });
    expect(view.steps).toEqual([
      expect.objectContaining({
        id: 'tell-team',
        section: 'during',
        title: 'Prévenir l’équipe',
        done: true,
        by: 'Awa',
        note: 'on Signal',
      }),
      {
        id: 'resend',
        section: 'after',
        title: 'Resend what failed',
        done: false,
        by: null,
        at: null,
        note: null,
      },
    ]);
    const outbox = new TeamStore(dir, team).outbox();
    expect(outbox.map((e) => e.type)).toEqual(['incident.open', 'step.set', 'note.add']);
    expect(outbox[1]).toMatchObject({ inc: 'whatsapp@e0', step: 'tell-team', done: true });
  });

  it('hands the tick to the Vigie that records the folder', () => {
    mkdirSync(join(dir, 'history'));
    const lock = acquireLock(join(dir, 'history'));
    try {
      expect(tick(dir, { type: 'tick', runId: 'run-1', key: 'resend', at: NOW })).toBe(true);
    } finally {
      lock.release();
    }
    expect(readdirSync(join(dir, REQUESTS_DIR))).toHaveLength(1);
    expect(run().steps.find((s) => s.key === 'resend')?.done).toBeNull();
  });
});
