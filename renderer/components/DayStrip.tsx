// 90 daily states like a public status page, drawn as one small SVG per service with one path per
// state (a handful of elements instead of 90 with tooltips: 50 services paint fast). The strip has
// one summary for screen readers, the keyboard and the mouse; a day's counts and incidents live in
// the service view. Time runs left to right in every language.
import type { DayState } from '../../shared/history-types';
import { useTr } from '../i18n';

const CELL = 6;
const GAP = 2;
const HEIGHT = 22;
const STATES: readonly DayState[] = ['none', 'up', 'maintenance', 'degraded', 'down'];

/** The path of the days in one state: one rectangle each. */
function pathOf(states: readonly DayState[], state: DayState): string {
  let d = '';
  states.forEach((s, i) => {
    if (s === state) d += `M${i * (CELL + GAP)} 0h${CELL}v${HEIGHT}h-${CELL}z`;
  });
  return d;
}

export function DayStrip({
  states,
  label,
}: {
  readonly states: readonly DayState[];
  readonly label: string;
}) {
  const tr = useTr();
  const total = (state: DayState) => states.filter((s) => s === state).length;
  // The counts in brackets, not after a colon: each is labelled itself ("Days up: 88").
  const summary = tr.t('join.aside', {
    text: label,
    aside: tr.t('window.stripSummary', {
      up: total('up'),
      degraded: total('degraded') + total('maintenance'),
      down: total('down'),
      none: total('none'),
    }),
  });
  const width = states.length * (CELL + GAP);
  return (
    <svg
      className="strip"
      role="img"
      aria-label={summary}
      tabIndex={0}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      width={width}
      height={HEIGHT}
      direction="ltr"
    >
      <title>{summary}</title>
      {STATES.map((state) => {
        const d = pathOf(states, state);
        return d && <path key={state} className={`cell cell-${state}`} d={d} />;
      })}
    </svg>
  );
}
