// Public measurements in the settings: whether Vigie may ask RIPEstat, OONI and IODA about a
// catalog service it cannot reach, and whether it may in low-data mode — with what is sent, to
// whom, in plain words. The user's own services are never asked about.
import { useEffect, useState } from 'react';
import type { RequestOf } from '../../shared/ipc';
import type { Settings } from '../../shared/settings-schema';
import { useTr } from '../i18n';
import { Toggle } from './Fields';

export function ContextSettings({
  settings,
  save,
}: {
  readonly settings: Settings;
  /** Saves a change; resolves to main's refusal in words, or null. */
  readonly save: (patch: RequestOf<'settings:set'>) => Promise<string | null>;
}) {
  const { t } = useTr();
  const context = settings.context;
  // A box shows what was ticked at once, and goes back if main refuses it.
  const [ticked, setTicked] = useState<Partial<Settings['context']>>({});
  useEffect(() => setTicked({}), [settings]);
  const tick = async (patch: Partial<Settings['context']>) => {
    setTicked((t) => ({ ...t, ...patch }));
    if (await save({ context: { ...context, ...patch } })) setTicked({});
  };
  const enabled = ticked.enabled ?? context.enabled;
  return (
    <fieldset>
      <legend>{t('context.settingsTitle')}</legend>
      <p className="field-hint">{t('context.settingsWhat')}</p>
      <Toggle
        label={t('context.settingsEnabled')}
        checked={enabled}
        onChange={(v) => void tick({ enabled: v })}
      />
      <Toggle
        label={t('context.settingsLowData')}
        checked={ticked.lowData ?? context.lowData}
        disabled={!enabled}
        onChange={(v) => void tick({ lowData: v })}
      />
    </fieldset>
  );
}
