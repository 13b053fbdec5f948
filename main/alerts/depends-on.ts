// The services a channel goes through, when its definition does not say: a Telegram alert goes
// through Telegram, a Slack webhook through Slack, an e-mail through Gmail through Google
// Workspace; ntfy through nothing Vigie watches. Each kind's entry in CHANNEL_KINDS
// (main/alerts/channels.ts) says which; the rules that need more than the kind are here.
import { assertNever } from '../../shared/errors';
import type { WebhookFormat } from '../../shared/alerts/webhook';

const GOOGLE_MAIL = /(^|\.)(gmail|googlemail|google)\.com$/i;
const MICROSOFT_MAIL = /(^|\.)(office365|outlook|hotmail|live)\.com$/i;

/** The services mail sent through the SMTP server `host` goes through. */
export function mailDependsOn(host: string): readonly string[] {
  if (GOOGLE_MAIL.test(host)) return ['google-workspace'];
  if (MICROSOFT_MAIL.test(host)) return ['microsoft-365'];
  return [];
}

/** The services a webhook of `format` goes through. */
export function webhookDependsOn(format: WebhookFormat): readonly string[] {
  switch (format) {
    case 'slack':
      return ['slack'];
    case 'discord':
      return ['discord'];
    case 'googlechat':
      return ['google-workspace'];
    case 'json':
      return [];
    default:
      return assertNever(format, 'webhook format');
  }
}
