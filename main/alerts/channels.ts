// Makes the channels of an `alerts` config: each kind's file, its secrets read, its dependsOn.
import type { AlertsConfig, ChannelConfig } from '../../shared/alerts/schema';
import type { HttpClient } from '../engine/net/http-client';
import type { AlertChannel } from './channel';
import { dependsOnOf } from './depends-on';
import { emailChannel } from './email';
import { ntfyChannel } from './ntfy';
import { MissingSecret, readSecret } from './secrets';
import { httpUrl } from '../../shared/http-url';
import { telegramChannel } from './telegram';
import { webhookChannel } from './webhook';

export interface ChannelDeps {
  readonly http: HttpClient;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
}

/** One channel; throws MissingSecret when a secret's variable is not set. */
export function makeChannel(config: ChannelConfig, deps: ChannelDeps): AlertChannel {
  const dependsOn = dependsOnOf(config);
  const secret = (value: Parameters<typeof readSecret>[0], field: string) =>
    readSecret(value, deps.env, config.id, field);
  switch (config.kind) {
    case 'ntfy':
      return ntfyChannel(
        config,
        config.token === undefined ? undefined : secret(config.token, 'token'),
        dependsOn,
        deps.http,
        deps.now,
      );
    case 'telegram':
      return telegramChannel(config, secret(config.token, 'token'), dependsOn, deps.http, deps.now);
    case 'email':
      return emailChannel(
        config,
        config.password === undefined ? undefined : secret(config.password, 'password'),
        dependsOn,
      );
    case 'webhook': {
      const url = secret(config.url, 'url');
      if (!httpUrl.safeParse(url).success)
        throw new MissingSecret(
          config.id,
          'url',
          typeof config.url === 'string' ? 'url' : config.url.env,
          'notUrl',
        );
      return webhookChannel(config, url, dependsOn, deps.http, deps.now);
    }
    default: {
      const never: never = config;
      return never;
    }
  }
}

/** Every channel of the config, in its order. */
export function makeChannels(alerts: AlertsConfig, deps: ChannelDeps): AlertChannel[] {
  return alerts.channels.map((channel) => makeChannel(channel, deps));
}
