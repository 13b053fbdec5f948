// Exports of the history: JSON for programs, CSV for spreadsheets (safe against formula injection).
import { MINUTE } from '../../shared/durations';
import type { Incident } from './incidents';
import type { DayCell } from './queries';

/** A local day as exports and file names write it, `2021-10-04` (a day is a local day). */
export function localDate(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// Control characters (but line breaks and tabs), escapes' ESC included, and bidi overrides: text
// from a status page must not rewrite a terminal that `cat`s the file, nor reorder a spreadsheet.
/* eslint-disable no-control-regex -- removing control characters is the point */
const CSV_CONTROLS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * One CSV field: control characters removed, quoted when needed; a leading = + - @ is defused so
 * spreadsheets show text.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = typeof value === 'string' ? value.replace(CSV_CONTROLS, '') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Incidents as CSV, one row each, newest first. */
export function incidentsCsv(incidents: readonly Incident[], now: number): string {
  return csv([
    [
      'id',
      'service',
      'start',
      'end',
      'duration_minutes',
      'worst_state',
      'cause',
      'end_note',
      'evidence',
      'official_messages',
    ],
    ...incidents.map((i) => [
      i.id,
      i.serviceName,
      new Date(i.start).toISOString(),
      i.end === null ? null : new Date(i.end).toISOString(),
      Math.round(((i.end ?? now) - i.start) / MINUTE),
      i.worstState,
      i.cause,
      i.endNote,
      i.evidenceAtStart.map((e) => e.detail).join('; '),
      i.messages.map((m) => m.title).join('; '),
    ]),
  ]);
}

/** Daily cells of services as CSV, one row per service per day. */
export function daysCsv(
  services: readonly { id: string; name: string; days: readonly DayCell[] }[],
): string {
  const rows: (string | number | null)[][] = [
    ['date', 'service_id', 'service', 'state', 'up', 'degraded', 'down', 'maintenance', 'unknown'],
  ];
  for (const s of services) {
    for (const d of s.days)
      rows.push([
        localDate(d.day),
        s.id,
        s.name,
        d.state,
        d.up,
        d.degraded,
        d.down,
        d.maintenance,
        d.unknown,
      ]);
  }
  return csv(rows);
}
