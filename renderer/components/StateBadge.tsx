// A state as an icon and a word: never colour alone.
import type { VerdictState } from '../../shared/types';
import { useTr } from '../i18n';

const MARKS: Readonly<Record<VerdictState, string>> = {
  up: '✓',
  degraded: '!',
  down: '✗',
  maintenance: '~',
  unknown: '?',
};

export function StateBadge({ state }: { readonly state: VerdictState }) {
  const { t } = useTr();
  return (
    <span className={`badge badge-${state}`}>
      <span aria-hidden="true" className="badge-mark">
        {MARKS[state]}
      </span>{' '}
      {t(`state.${state}`)}
    </span>
  );
}
