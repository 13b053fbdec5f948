// E-mail by SMTP through nodemailer: subject = the headline, text = the rest. nodemailer is
// loaded on the first message, so a `watch` without an e-mail channel never holds it in memory.
// Its errors carry a `code` (EAUTH: user name or password refused; ECONNECTION, ETIMEDOUT,
// ESOCKET, EDNS, ETLS: network) and, from the server, a `responseCode` (4xx: try later; 5xx: no).
import type { EmailChannelConfig } from '../../shared/alerts/email';
import { SECOND } from '../../shared/durations';
import type { AlertChannel, Outcome } from './channel';

/** What nodemailer's transport does for us (its real type is wider). */
interface Transport {
  sendMail(mail: { from: string; to: string[]; subject: string; text: string }): Promise<unknown>;
  close(): void;
}

const NETWORK = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'ECONNREFUSED']);

/** What an SMTP failure means, by retry class. */
export function emailOutcome(error: unknown, host: string): Outcome {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  if (code === 'EAUTH' || code === 'ENOAUTH') {
    return { kind: 'broken', reason: { key: 'alerts.reasonSmtpAuth', values: { host } } };
  }
  if (typeof responseCode === 'number' && responseCode >= 500) {
    return {
      kind: 'broken',
      reason: { key: 'alerts.reasonSmtpRefused', values: { host, status: responseCode } },
    };
  }
  if (typeof code === 'string' && NETWORK.has(code)) {
    return {
      kind: 'retry',
      reason: {
        key: code === 'EDNS' ? 'alerts.reasonNetDns' : 'alerts.reasonNetOther',
        values: { host },
      },
    };
  }
  return {
    kind: 'retry',
    reason: {
      key: 'alerts.reasonSmtpLater',
      values: { host, status: typeof responseCode === 'number' ? responseCode : 0 },
    },
  };
}

/** An e-mail channel (`password` already read from its secret). */
export function emailChannel(
  config: EmailChannelConfig,
  password: string | undefined,
  dependsOn: readonly string[],
): AlertChannel {
  let transport: Transport | null = null;
  const open = async (): Promise<Transport> => {
    if (transport) return transport;
    const { createTransport } = await import('nodemailer');
    transport = createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user ? { auth: { user: config.user, pass: password ?? '' } } : {}),
      connectionTimeout: 15 * SECOND,
      greetingTimeout: 15 * SECOND,
      socketTimeout: 30 * SECOND,
    }) as Transport;
    return transport;
  };
  return {
    id: config.id,
    kind: 'email',
    dependsOn,
    async send(message) {
      try {
        const mailer = await open();
        await mailer.sendMail({
          from: config.from,
          to: [...config.to],
          subject: message.title,
          text: message.body,
        });
        return { kind: 'accepted' };
      } catch (error) {
        return emailOutcome(error, config.host);
      }
    },
    close() {
      transport?.close();
      transport = null;
      return Promise.resolve();
    },
  };
}
