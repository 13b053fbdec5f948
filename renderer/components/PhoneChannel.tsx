// What Settings → Alerts and the first run share to reach a phone through ntfy: a topic nobody can
// guess (made by main), the QR code of `ntfy://<host>/<topic>` the Android app opens with the same
// address as text for the iPhone app, and "Send a test" with its result said inline.
import qrcode from 'qrcode-generator';
import { useState } from 'react';
import { ntfySubscribeLink } from '../../shared/alerts/phone';
import { messageOf } from '../../shared/errors';
import { unwrap, vigie } from '../client';
import { useTr } from '../i18n';

/** The public ntfy server a new topic is made on. */
export const NTFY_SERVER = 'https://ntfy.sh';

/** A new random topic on the public server: its full address (`https://ntfy.sh/vigie-…`). */
export async function newPhoneTopic(): Promise<string> {
  return (await unwrap(vigie().newNtfyTopic(NTFY_SERVER))).url;
}

/** The QR code of a link, drawn as SVG squares (no canvas, no HTML from a string). */
export function QrCode({ text, label }: { readonly text: string; readonly label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  const cells: string[] = [];
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++)
      if (qr.isDark(row, col)) cells.push(`M${col} ${row}h1v1h-1z`);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`-2 -2 ${size + 4} ${size + 4}`}
      width={size * 4 + 16}
      height={size * 4 + 16}
    >
      <rect x={-2} y={-2} width={size + 4} height={size + 4} fill="#fff" />
      <path d={cells.join('')} fill="#000" />
    </svg>
  );
}

/**
 * How the phone subscribes to an ntfy channel: the QR code (Android) and the address as text
 * (iPhone). Nothing while the address cannot be read.
 */
export function NtfySubscribe({ url }: { readonly url: string }) {
  const { t } = useTr();
  let link: string | null = null;
  try {
    link = ntfySubscribeLink(url);
  } catch {
    link = null;
  }
  if (!link) return null;
  return (
    <div className="ntfy-subscribe">
      <p>{t('alertSettings.ntfyScan')}</p>
      <QrCode text={link} label={link} />
      <p>
        <code dir="ltr">{url}</code>
      </p>
    </div>
  );
}

/** What a test send came to, as said beside its button. */
export interface TestSaid {
  readonly text: string;
  readonly error: boolean;
}

/**
 * "Send a test" through a saved channel: `run(channel)` sends it through the channel `channel()`
 * names (it may save the channel first), then calls `after`; `said` is the result in words.
 */
export function useChannelTest(after?: () => Promise<void>) {
  const { t } = useTr();
  const [said, setSaid] = useState<TestSaid | null>(null);
  const run = async (channel: () => Promise<string>) => {
    setSaid({ text: t('alertSettings.testing'), error: false });
    try {
      const reply = await unwrap(vigie().testAlertChannel(await channel()));
      // The channel's last delivery (or why it is broken) changes with the test.
      await after?.();
      setSaid(
        reply.ok
          ? { text: t('alertSettings.testOk'), error: false }
          : { text: t('alertSettings.testFailed', { reason: reply.reason }), error: true },
      );
    } catch (error) {
      setSaid({ text: messageOf(error), error: true });
    }
  };
  return { said, run };
}

/** The line a test's result is said on (always there, so screen readers hear it change). */
export function TestResult({ said }: { readonly said: TestSaid | null }) {
  return (
    <p className={said?.error ? 'notice notice-error' : 'notice'} role="status">
      {said?.text ?? ''}
    </p>
  );
}
