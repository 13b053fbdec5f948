// 90 daily cells like a public status page, drawn as one small SVG per service (cheap to paint);
// each day carries its counts as a tooltip, and the strip one summary for screen readers and the
// keyboard. Time runs left to right in every language.
import type { DayCell } from '../../shared/history-types';
import { useTr } from '../i18n';

const CELL = 6;
const GAP = 2;
const HEIGHT = 22;

export function DayStrip({
  cells,
  label,
}: {
  readonly cells: readonly DayCell[];
  readonly label: string;
}) {
  const tr = useTr();
  const date = new Intl.DateTimeFormat(tr.language, { day: 'numeric', month: 'short' });
  const total = (state: DayCell['state']) => cells.filter((c) => c.state === state).length;
  const summary = `${label}: ${tr.t('window.stripSummary', { up: total('up'), degraded: total('degraded') + total('maintenance'), down: total('down'), none: total('none') })}`;
  return (
    <svg
      className="strip"
      role="img"
      aria-label={summary}
      tabIndex={0}
      viewBox={`0 0 ${cells.length * (CELL + GAP)} ${HEIGHT}`}
      width={cells.length * (CELL + GAP)}
      height={HEIGHT}
      direction="ltr"
    >
      {cells.map((cell, i) => (
        <rect
          key={cell.day}
          className={`cell cell-${cell.state}`}
          x={i * (CELL + GAP)}
          y={0}
          width={CELL}
          height={HEIGHT}
          rx={1.5}
        >
          <title>
            {tr.t('window.dayTitle', {
              date: date.format(cell.day),
              state: cell.state === 'none' ? tr.t('window.none') : tr.t(`state.${cell.state}`),
              up: cell.up,
              degraded: cell.degraded,
              down: cell.down,
            })}
          </title>
        </rect>
      ))}
    </svg>
  );
}
