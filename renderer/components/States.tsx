// The states every view shares: loading, an error written for a person (with "Try again"), empty.
import { useTr } from '../i18n';

export function Loading() {
  const tr = useTr();
  return (
    <p className="state-note" role="status" aria-busy="true">
      {tr.t('window.loading')}
    </p>
  );
}

export function Failure({
  message,
  retry,
}: {
  readonly message: string;
  readonly retry?: () => void;
}) {
  const tr = useTr();
  return (
    <div className="state-note state-error" role="alert">
      <p>{tr.t('window.error', { message })}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {tr.t('window.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ text }: { readonly text: string }) {
  return <p className="state-note">{text}</p>;
}
