// 90 daily cells like a public status page; each says its day and counts to hover, focus and
// screen readers. Time runs left to right in every language.
import type { DayCell } from '../../shared/history-types';
import { useTr } from '../i18n';

export function DayStrip({
  cells,
  label,
}: {
  readonly cells: readonly DayCell[];
  readonly label: string;
}) {
  const tr = useTr();
  const date = new Intl.DateTimeFormat(tr.language, { day: 'numeric', month: 'short' });
  return (
    <ol className="strip" aria-label={label} dir="ltr">
      {cells.map((cell) => {
        const title = tr.t('window.dayTitle', {
          date: date.format(cell.day),
          state: cell.state === 'none' ? tr.t('window.none') : tr.t(`state.${cell.state}`),
          up: cell.up,
          degraded: cell.degraded,
          down: cell.down,
        });
        return (
          <li
            key={cell.day}
            className={`cell cell-${cell.state}`}
            title={title}
            aria-label={title}
            tabIndex={0}
          />
        );
      })}
    </ol>
  );
}
