// The service view's 90 days: one button per day, one tab stop for the whole bar (arrow keys,
// Home and End move between days), hover or focus shows the day's checks and incidents below.
// Time runs left to right in every language, so the bar keeps left-to-right order in Arabic.
import { useState, type KeyboardEvent } from 'react';
import type { DayCell, Incident } from '../../shared/history-types';
import { useTr } from '../i18n';
import { dayStateWord, formatDay, incidentSpan, incidentsOnDay } from '../format';

export function DayBar({
  cells,
  incidents,
  now,
  label,
}: {
  readonly cells: readonly DayCell[];
  readonly incidents: readonly Incident[];
  readonly now: number;
  readonly label: string;
}) {
  const tr = useTr();
  const [selected, setSelected] = useState(cells.length - 1);
  const index = Math.min(Math.max(selected, 0), cells.length - 1);
  const cell = cells[index];
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const to =
      event.key === 'ArrowRight'
        ? index + 1
        : event.key === 'ArrowLeft'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? cells.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    const next = Math.min(Math.max(to, 0), cells.length - 1);
    setSelected(next);
    const buttons = event.currentTarget.querySelectorAll('button');
    buttons[next]?.focus();
  };
  const dayIncidents = cell ? incidentsOnDay(incidents, cell.day, now) : [];
  return (
    <div className="daybar">
      <div className="daybar-cells" role="group" aria-label={label} dir="ltr" onKeyDown={move}>
        {cells.map((c, i) => (
          <button
            key={c.day}
            type="button"
            className={`day cell-${c.state}${i === index ? ' day-selected' : ''}`}
            tabIndex={i === index ? 0 : -1}
            aria-label={tr.t('service.dayDetail', {
              date: formatDay(c.day, tr),
              state: dayStateWord(c, tr),
            })}
            aria-pressed={i === index}
            onMouseEnter={() => setSelected(i)}
            onFocus={() => setSelected(i)}
            onClick={() => setSelected(i)}
          />
        ))}
      </div>
      {cell && (
        <div className="day-detail" aria-live="polite">
          <p className="day-title">
            <strong>
              {tr.t('service.dayDetail', {
                date: formatDay(cell.day, tr),
                state: dayStateWord(cell, tr),
              })}
            </strong>
          </p>
          <p>
            {cell.state === 'none'
              ? tr.t('service.dayNoData')
              : tr.t('service.dayCounts', {
                  up: cell.up,
                  degraded: cell.degraded,
                  down: cell.down,
                  maintenance: cell.maintenance,
                })}
          </p>
          {dayIncidents.length === 0 ? (
            cell.state !== 'none' && <p>{tr.t('service.dayNoIncident')}</p>
          ) : (
            <>
              <p>{tr.t('service.dayIncidents', { count: dayIncidents.length })}</p>
              <ul>
                {dayIncidents.map((i) => (
                  <li key={i.id}>
                    {tr.t('join.dash', {
                      a: tr.t(`state.${i.worstState}`),
                      b: incidentSpan(i, tr, now),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
