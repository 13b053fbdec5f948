// Two pieces of a line joined the way the language joins them (shared/i18n/joins-strings.ts): the
// marks between them come from the catalogue, so a piece may be an element (<strong>, a link).
import type { ReactNode } from 'react';
import { useTr } from '../i18n';

/** A value no catalogue text contains: where each piece goes in the joined template. */
const SLOT = '\u0000';

export function Joined({
  how,
  a,
  b,
}: {
  how: 'dot' | 'dash' | 'label';
  a: ReactNode;
  b: ReactNode;
}) {
  const { t } = useTr();
  const [before = '', between = '', after = ''] = t(`join.${how}`, {
    a: SLOT,
    b: SLOT,
    label: SLOT,
    value: SLOT,
  }).split(SLOT);
  return (
    <>
      {before}
      {a}
      {between}
      {b}
      {after}
    </>
  );
}
