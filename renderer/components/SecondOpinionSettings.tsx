// The second opinion in the settings: whether Vigie may ask other networks (Globalping) about a
// service it cannot reach, the user's country, and which of the user's own services may be asked
// about — with what is sent, to whom, in plain words.
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
  const setOwn = (id: string, on: boolean) =>
    save({
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
        checked={opinion.enabled}
        onChange={(v) => void save({ secondOpinion: { ...opinion, enabled: v } })}
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
              checked={s.secondOpinion === true}
              disabled={!opinion.enabled}
              onChange={(v) => void setOwn(s.id, v)}
            />
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
