// What the tray shows for a snapshot, computed as plain data (STYLE 4); the adapter applies it.
import type { Snapshot } from '../../shared/types';

/** The tray's words for one snapshot. */
export interface TrayModel {
  readonly tooltip: string;
  readonly headline: string;
  readonly lines: readonly string[];
}

const HEADLINES: Readonly<Record<Snapshot['overall'], string>> = {
  ok: 'All services up',
  degraded: 'Some services degraded',
  outage: 'Outage',
  offline: 'You are offline',
  paused: 'Checks paused',
};

/** Computes the tooltip and menu lines: the overall state, then each critical service. */
export function trayModel(snapshot: Snapshot): TrayModel {
  const notUp = snapshot.services.filter((s) => s.state !== 'up' && s.cause !== 'local');
  const headline = snapshot.checkedAt === 0 ? 'Checking…' : HEADLINES[snapshot.overall];
  const worst = notUp.find((s) => s.state === 'down') ?? notUp[0];
  const tooltip = worst ? `Vigie — ${worst.name} ${worst.state}` : `Vigie — ${headline}`;
  const lines = snapshot.services.filter((s) => s.critical).map((s) => `${s.name}: ${s.state}`);
  return { tooltip, headline, lines };
}
