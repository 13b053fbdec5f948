// The services a channel goes through, when its definition does not say: a Telegram alert goes
// through Telegram, a Slack webhook through Slack, an e-mail through Gmail through Google
// Workspace; ntfy through nothing Vigie watches.
import type { ChannelConfig } from '../../shared/alerts/schema';

const GOOGLE_MAIL = /(^|\.)(gmail|googlemail|google)\.com$/i;
const MICROSOFT_MAIL = /(^|\.)(office365|outlook|hotmail|live)\.com$/i;

/** The channel's `dependsOn`, or its kind's default. */
export function dependsOnOf(channel: ChannelConfig): readonly string[] {
  if (channel.dependsOn) return channel.dependsOn;
  switch (channel.kind) {
    case 'ntfy':
      return [];
    case 'telegram':
      return ['telegram'];
    case 'email':
      if (GOOGLE_MAIL.test(channel.host)) return ['google-workspace'];
      if (MICROSOFT_MAIL.test(channel.host)) return ['microsoft-365'];
      return [];
    case 'webhook':
      switch (channel.format) {
        case 'slack':
          return ['slack'];
        case 'discord':
          return ['discord'];
        case 'googlechat':
          return ['google-workspace'];
        case 'json':
          return [];
        default: {
          const never: never = channel.format;
          return never;
        }
      }
    default: {
      const never: never = channel;
      return never;
    }
  }
}
