// What public measurement platforms saw about a service, one line per platform with its source,
// its time and a link the user can open (RIPEstat, OONI Explorer, the IODA dashboard); OONI's data
// is shown with its CC BY-NC-SA attribution.
import { iodaLink, ooniLink, ripestatLink } from '../../shared/context';
import { contextEvidence } from '../../shared/i18n/evidence';
import type { PublicContext } from '../../shared/types';
import { vigie } from '../client';
import { useTr } from '../i18n';

export function ContextEvidence({
  context,
  service,
}: {
  readonly context: PublicContext;
  readonly service: string;
}) {
  const tr = useTr();
  const { t } = tr;
  const none = { routes: null, ooni: null, ioda: null };
  const rows = [
    context.routes && {
      key: 'routes',
      lines: contextEvidence({ ...none, routes: context.routes }, service, tr),
      link: ripestatLink(context.routes),
      label: t('context.linkRipestat'),
    },
    context.ooni && {
      key: 'ooni',
      lines: contextEvidence({ ...none, ooni: context.ooni }, service, tr),
      link: ooniLink(context.ooni),
      label: t('context.linkOoni'),
      attribution: !context.ooni.failure,
    },
    context.ioda && {
      key: 'ioda',
      lines: contextEvidence({ ...none, ioda: context.ioda }, service, tr),
      link: iodaLink(context.ioda.country),
      label: t('context.linkIoda'),
    },
  ].filter((row) => row !== null);
  if (rows.length === 0) return null;
  return (
    <div className="public-context">
      <h3>{t('context.heading')}</h3>
      <ul>
        {rows.map((row) => (
          <li key={row.key}>
            <bdi>{row.lines.join(t('evidence.separator'))}</bdi>{' '}
            {row.link && (
              <button
                type="button"
                className="link"
                onClick={() => void vigie().openExternal(row.link ?? '')}
              >
                {row.label} ↗
              </button>
            )}
            {'attribution' in row && row.attribution && (
              <span className="meta"> {t('context.ooniAttribution')}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
