// The second opinion in the settings: whether Vigie may ask other networks (Globalping) about a
// service it cannot reach, the user's country, and which of the user's own services may be asked
// about — with what is sent, to whom, in plain words.
import { useEffect, useState } from 'react';
import type { RequestOf } from '../../shared/ipc';
import type { Settings } from '../../shared/settings-schema';
import { useTr } from '../i18n';
import { TextField, Toggle } from './Fields';

const COUNTRY = /^[A-Za-z]{2}$/;

export function SecondOpinionSettings({
  settings,
  save,
}: {
  readonly settings: Settings;
  /** Saves a change; resolves to main's refusal in words, or null. */
  readonly save: (patch: RequestOf<'settings:set'>) => Promise<string | null>;
}) {
  const tr = useTr();
  const { t } = tr;
  const opinion = settings.secondOpinion;
  // A box shows what was ticked at once, and goes back if main refuses it (as the service choices do).
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  useEffect(() => setTicked({}), [settings]);
  const tick = async (key: string, on: boolean, patch: RequestOf<'settings:set'>) => {
    setTicked((t) => ({ ...t, [key]: on }));
    if (await save(patch))
      setTicked((t) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== key)));
  };
  const enabled = ticked['enabled'] ?? opinion.enabled;
  const setOwn = (id: string, on: boolean) =>
    tick(id, on, {
      customServices: settings.customServices.map((s) =>
        s.id === id ? { ...s, secondOpinion: on } : s,
      ),
    });
  return (
    <fieldset>
      <legend>{t('prefs.secondOpinion')}</legend>
      <p className="field-hint">{t('prefs.secondOpinionWhat')}</p>
      <Toggle
        label={t('prefs.secondOpinionEnabled')}
        checked={enabled}
        onChange={(v) => void tick('enabled', v, { secondOpinion: { ...opinion, enabled: v } })}
      />
      <TextField
        label={t('prefs.secondOpinionCountry')}
        hint={
          opinion.country
            ? t('prefs.secondOpinionCountryIs', { country: tr.region(opinion.country) })
            : t('prefs.secondOpinionCountryAuto')
        }
        value={opinion.country ?? ''}
        check={(draft) =>
          draft.trim() === '' || COUNTRY.test(draft.trim()) ? null : t('prefs.countryInvalid')
        }
        onCommit={(draft) =>
          save({
            secondOpinion: {
              ...opinion,
              country: draft.trim() === '' ? null : draft.trim().toUpperCase(),
            },
          })
        }
      />
      {settings.customServices.length > 0 && (
        <fieldset className="nested">
          <legend>{t('prefs.secondOpinionOwn')}</legend>
          {settings.customServices.map((s) => (
            <Toggle
              key={s.id}
              label={t('prefs.secondOpinionOwnService', { service: s.name })}
              checked={ticked[s.id] ?? s.secondOpinion === true}
              disabled={!enabled}
              onChange={(v) => void setOwn(s.id, v)}
            />
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
