// Every setting, saved as soon as it is valid, with the problem beside the field when it is not:
// the services watched (on/off, critical, muted, your own), checks, notifications and quiet hours,
// language and theme, starting at login, and where the data lives and what today's checks cost.
import { messageOf } from '../../shared/errors';
import { useEffect, useState } from 'react';
import type { RequestOf, TeamLink } from '../../shared/ipc';
import type { Settings } from '../../shared/settings-schema';
import { unwrap, vigie } from '../client';
import { Choice, TextField, Toggle, wholeNumberIn } from '../components/Fields';
import { AddService } from '../components/AddService';
import { LogsSettings } from '../components/LogsSettings';
import { AlertsSettings } from '../components/AlertsSettings';
import { TeamSettings } from '../components/TeamSettings';
import { ContextSettings } from '../components/ContextSettings';
import { SecondOpinionSettings } from '../components/SecondOpinionSettings';
import { ServicesSettings } from '../components/ServicesSettings';
import { Failure, Loading } from '../components/States';
import { formatBytes } from '../format';
import { useAsync } from '../hooks/useAsync';
import { useTr } from '../i18n';
import { ViewHeading } from '../components/ViewHeading';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export function SettingsView({
  settings,
  onSaved,
  teamLink,
}: {
  readonly settings: Settings;
  readonly onSaved: (settings: Settings) => void;
  /** An invite link opened from another app, for Settings → Team (`seq`: one link from the next). */
  readonly teamLink?: { readonly link: TeamLink; readonly seq: number } | null;
}) {
  const tr = useTr();
  const { t } = tr;
  // Words at render time: a save that switches the language says "Saved" in the new one.
  const [notice, setNotice] = useState<
    | { readonly kind: 'saved' }
    | { readonly kind: 'refused'; readonly message: string }
    | { readonly kind: 'added'; readonly service: string }
    | null
  >(null);
  // The list of services changes only with the user's own services; the choices come from the
  // settings, shown at once when ticked (and undone if main refuses them).
  const catalog = useAsync(() => vigie().catalog(), [settings.customServices]);
  type Choice = Settings['services'][string];
  const [ticked, setTicked] = useState<Record<string, Partial<Choice>>>({});
  useEffect(() => setTicked({}), [settings]);
  const effective = (
    id: string,
    fallback: { enabled: boolean; critical: boolean; muted: boolean },
  ) => ({
    enabled: ticked[id]?.enabled ?? settings.services[id]?.enabled ?? fallback.enabled,
    critical: ticked[id]?.critical ?? settings.services[id]?.critical ?? fallback.critical,
    muted: ticked[id]?.muted ?? settings.services[id]?.muted ?? fallback.muted,
  });
  const info = useAsync(() => vigie().info(), []);

  /** Saves a change; resolves to main's refusal in words, or null. */
  const save = async (patch: RequestOf<'settings:set'>): Promise<string | null> => {
    try {
      onSaved(await unwrap(vigie().updateSettings(patch)));
      setNotice({ kind: 'saved' });
      return null;
    } catch (error) {
      const message = messageOf(error);
      setNotice({ kind: 'refused', message });
      return message;
    }
  };
  const choose = async (id: string, change: Partial<Choice>) => {
    setTicked((t) => ({ ...t, [id]: { ...t[id], ...change } }));
    const refused = await save({
      services: {
        ...settings.services,
        [id]: { muted: false, ...settings.services[id], ...change },
      },
    });
    if (refused) setTicked((t) => ({ ...t, [id]: {} }));
  };
  const range = (min: number, max: number) =>
    wholeNumberIn(min, max, t('prefs.range', { min, max }));
  const clock = (draft: string) => (CLOCK.test(draft) ? null : t('prefs.clock'));
  const n = settings.notifications;

  return (
    <section aria-labelledby="view-heading" className="settings">
      <ViewHeading>{t('prefs.heading')}</ViewHeading>
      <p className={notice?.kind === 'refused' ? 'notice notice-error' : 'notice'} role="status">
        {notice?.kind === 'saved' && t('prefs.saved')}
        {notice?.kind === 'refused' && t('prefs.notSaved', { message: notice.message })}
        {notice?.kind === 'added' && t('prefs.added', { service: notice.service })}
      </p>

      <fieldset>
        <legend>{t('prefs.services')}</legend>
        <p className="field-hint">{t('prefs.servicesHint')}</p>
        {catalog.status === 'loading' && <Loading />}
        {catalog.status === 'error' && <Failure message={catalog.message} retry={catalog.reload} />}
        {catalog.status === 'ready' && (
          <ServicesSettings
            entries={catalog.value.map((listed) => ({
              ...listed,
              ...effective(listed.id, listed),
            }))}
            choose={(id, change) => void choose(id, change)}
            remove={(id) => {
              const rest = Object.fromEntries(
                Object.entries(settings.services).filter(([key]) => key !== id),
              );
              void save({
                customServices: settings.customServices.filter((s) => s.id !== id),
                services: rest,
              });
            }}
          />
        )}
      </fieldset>

      <AddService
        settings={settings}
        taken={catalog.status === 'ready' ? catalog.value.map((e) => e.name) : []}
        onAdded={(next, service) => {
          onSaved(next);
          setNotice({ kind: 'added', service });
        }}
      />

      <fieldset>
        <legend>{t('catalog.firstRunLabel')}</legend>
        <p className="field-hint">{t('catalog.redoHint')}</p>
        <button type="button" onClick={() => void save({ firstRun: 'pending' })}>
          {t('catalog.redo')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('prefs.checks')}</legend>
        <TextField
          label={t('prefs.interval')}
          hint={t('prefs.intervalHint')}
          inputMode="numeric"
          value={String(settings.intervalSeconds)}
          check={range(30, 3600)}
          onCommit={(v) => save({ intervalSeconds: Number(v) })}
        />
        <Toggle
          label={t('prefs.lowData')}
          hint={t('prefs.lowDataHint')}
          checked={settings.lowData}
          onChange={(v) => void save({ lowData: v })}
        />
        <TextField
          label={t('prefs.failureThreshold')}
          inputMode="numeric"
          value={String(settings.failureThreshold)}
          check={range(1, 10)}
          onCommit={(v) => save({ failureThreshold: Number(v) })}
        />
        <TextField
          label={t('prefs.successThreshold')}
          inputMode="numeric"
          value={String(settings.successThreshold)}
          check={range(1, 10)}
          onCommit={(v) => save({ successThreshold: Number(v) })}
        />
        <Toggle
          label={t('prefs.nonCriticalMaxDegraded')}
          checked={settings.nonCriticalMaxDegraded}
          onChange={(v) => void save({ nonCriticalMaxDegraded: v })}
        />
      </fieldset>

      <SecondOpinionSettings settings={settings} save={save} />
      <ContextSettings settings={settings} save={save} />

      <fieldset>
        <legend>{t('prefs.notifications')}</legend>
        <Toggle
          label={t('prefs.notifyEnabled')}
          checked={n.enabled}
          onChange={(v) => void save({ notifications: { ...n, enabled: v } })}
        />
        {(['down', 'degraded', 'recovered', 'offline'] as const).map((key) => (
          <Toggle
            key={key}
            label={t(`prefs.notify${key[0]?.toUpperCase()}${key.slice(1)}`)}
            checked={n[key]}
            disabled={!n.enabled}
            onChange={(v) => void save({ notifications: { ...n, [key]: v } })}
          />
        ))}
        <fieldset className="nested">
          <legend>{t('prefs.quiet')}</legend>
          <Toggle
            label={t('prefs.quietEnabled')}
            checked={settings.quietHours.enabled}
            onChange={(v) => void save({ quietHours: { ...settings.quietHours, enabled: v } })}
          />
          {/* Text fields, not <input type=time>: Chromium draws those in the system's 12-hour
              form whatever the window's language ("10:00 PM" in an Arabic window). */}
          <div className="field-row">
            <TextField
              label={t('prefs.quietFrom')}
              hint={t('prefs.clock24')}
              value={settings.quietHours.from}
              check={clock}
              onCommit={(v) => save({ quietHours: { ...settings.quietHours, from: v } })}
            />
            <TextField
              label={t('prefs.quietTo')}
              hint={t('prefs.clock24')}
              value={settings.quietHours.to}
              check={clock}
              onCommit={(v) => save({ quietHours: { ...settings.quietHours, to: v } })}
            />
          </div>
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('prefs.appearance')}</legend>
        <Choice
          label={t('prefs.language')}
          value={settings.language}
          options={[
            { value: 'system', label: t('prefs.languageSystem') },
            { value: 'en', label: 'English', lang: 'en' },
            { value: 'fr', label: 'Français', lang: 'fr' },
            { value: 'ar', label: 'العربية', lang: 'ar' },
          ]}
          onChange={(v) => void save({ language: v })}
        />
        <Choice
          label={t('prefs.theme')}
          value={settings.theme}
          options={[
            { value: 'system', label: t('prefs.themeSystem') },
            { value: 'light', label: t('prefs.themeLight') },
            { value: 'dark', label: t('prefs.themeDark') },
          ]}
          onChange={(v) => void save({ theme: v })}
        />
      </fieldset>

      <fieldset>
        <legend>{t('prefs.startup')}</legend>
        <Toggle
          label={t('prefs.launchAtLogin')}
          checked={settings.launchAtLogin}
          onChange={(v) => void save({ launchAtLogin: v })}
        />
        <Toggle
          label={t('prefs.updates')}
          hint={t('prefs.updatesHint')}
          checked={settings.updates}
          onChange={(v) => void save({ updates: v })}
        />
      </fieldset>

      <fieldset>
        <legend>{t('prefs.data')}</legend>
        {info.status === 'loading' && <Loading />}
        {info.status === 'error' && <Failure message={info.message} retry={info.reload} />}
        {info.status === 'ready' && (
          <dl className="facts">
            <div>
              <dt>{t('prefs.dataDir')}</dt>
              <dd>
                {info.value.dataDir ? (
                  <bdi className="mono">{info.value.dataDir}</bdi>
                ) : (
                  t('prefs.dataNone')
                )}
              </dd>
            </div>
            <div>
              <dt>{t('prefs.bytesToday')}</dt>
              <dd>{formatBytes(info.value.bytesToday, tr)}</dd>
            </div>
            {info.value.bytesPerMonth !== null && (
              <div>
                <dt>{t('prefs.bytesMonth')}</dt>
                <dd>
                  {t('prefs.bytesMonthValue', {
                    bytes: formatBytes(info.value.bytesPerMonth, tr),
                  })}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('prefs.version')}</dt>
              <dd>
                <bdi>{info.value.version}</bdi>
              </dd>
            </div>
          </dl>
        )}
      </fieldset>
      <AlertsSettings />
      <TeamSettings key={teamLink?.seq ?? 0} link={teamLink?.link ?? null} />
      <LogsSettings />
    </section>
  );
}
