// `watch` on a data folder with a team: an outage it sees opens the team's incident, or joins the
// one a teammate opened; a tick asked by `checklist done` (a request file, this process being the
// folder's one writer) goes into the run and out to the team as a `step.set`; what teammates send
// is kept in `<data>/team/`, where `checklist` reads it.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Snapshot } from '../../shared/types';
import type { Recording } from '../shell/recording';
import { createHttpClient } from '../engine/net/http-client';
import { readMembership, TeamStore } from '../team/store';
import { TeamSync } from '../team/sync';
import { applyTick, REQUESTS_DIR, type TickRequest } from './team-command';
import { SECOND } from '../../shared/durations';
import { messageOf } from '../../shared/errors';
import type { Translator } from '../../shared/i18n';

const REQUEST_POLL_MS = SECOND;

export interface WatchTeam {
  snapshot(snapshot: Snapshot): void;
  close(): Promise<void>;
}

/** Starts the team's part of `watch`, or null when the folder has no team. */
export async function startWatchTeam(
  dir: string,
  recording: Recording,
  say: (line: string) => void,
  tr: Translator,
): Promise<WatchTeam | null> {
  const membership = readMembership(dir);
  if (!membership) return null;
  const http = createHttpClient();
  const sync = new TeamSync(new TeamStore(dir, membership), { http });
  await sync.start();
  sync.act('member.hello', {});
  sync.onEvent((event) => {
    const name = event.n;
    if (event.type === 'incident.open')
      say(tr.t('team.watchOpened', { name, service: event.service }));
    else if (event.type === 'step.set')
      say(tr.t(event.done ? 'team.watchTicked' : 'team.watchUnticked', { name, step: event.step }));
    else if (event.type === 'note.add') say(tr.t('team.watchNote', { name }));
  });

  const requests = join(dir, REQUESTS_DIR);
  const takeRequests = () => {
    const runs = recording.checklist?.runs;
    if (!runs?.writable || !existsSync(requests)) return;
    for (const name of readdirSync(requests).sort()) {
      if (!name.endsWith('.json')) continue;
      const file = join(requests, name);
      try {
        const request = JSON.parse(readFileSync(file, 'utf8')) as TickRequest;
        if (request.type === 'tick' && runs.book.get(request.runId))
          applyTick(dir, request, runs, sync.store);
      } catch (error) {
        say(tr.t('team.watchRequestFailed', { message: messageOf(error) }));
      }
      rmSync(file, { force: true });
    }
    sync.flush();
  };
  const poll = setInterval(takeRequests, REQUEST_POLL_MS);

  return {
    snapshot(snapshot) {
      const state = sync.store.state();
      for (const service of snapshot.services) {
        const open = state.incidents.find((i) => i.service === service.id && i.end === null);
        if (service.state === 'down' && !open) {
          const eid = randomUUID();
          sync.act(
            'incident.open',
            {
              inc: `${service.id}@${eid}`,
              service: service.id,
              cause: service.cause,
              since: service.since ?? snapshot.checkedAt,
            },
            eid,
          );
        } else if (service.state === 'up' && open && open.openedBy === membership.member) {
          sync.act('incident.close', { inc: open.inc, end: snapshot.checkedAt });
        }
      }
      takeRequests();
    },
    async close() {
      clearInterval(poll);
      await sync.close();
      await http.close();
    },
  };
}
