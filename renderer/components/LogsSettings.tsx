// The log files in the settings: open their folder, or copy what support needs (version, system,
// settings without secrets, the last log lines) — for "Vigie said nothing during the outage".
import { useState } from 'react';
import { messageOf } from '../../shared/errors';
import { unwrap, vigie } from '../client';
import { useTr } from '../i18n';

export function LogsSettings() {
  const { t } = useTr();
  const [said, setSaid] = useState<{ readonly text: string; readonly error: boolean } | null>(null);
  const run = async (work: () => Promise<string | null>) => {
    try {
      const text = await work();
      setSaid(text === null ? null : { text, error: false });
    } catch (error) {
      setSaid({ text: messageOf(error), error: true });
    }
  };
  return (
    <fieldset>
      <legend>{t('prefs.logs')}</legend>
      <p className="field-hint">{t('prefs.logsHint')}</p>
      <div className="actions">
        <button
          type="button"
          onClick={() => void run(async () => (await unwrap(vigie().openLogs()), null))}
        >
          {t('prefs.openLogs')}
        </button>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const { lines } = await unwrap(vigie().copyDiagnostics());
              return t('prefs.diagnosticsCopied', { count: lines });
            })
          }
        >
          {t('prefs.copyDiagnostics')}
        </button>
      </div>
      <p className={said?.error ? 'notice notice-error' : 'notice'} role="status">
        {said?.text ?? ''}
      </p>
    </fieldset>
  );
}
