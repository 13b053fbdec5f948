// Makes the channels of an `alerts` config. Every alert channel kind is one entry of CHANNEL_KINDS:
// how its channel is made, which of its fields are secrets, the services it goes through by
// default. The mapped type makes a kind of `channelSchema` without an entry a compile error.
import type { AlertsConfig, ChannelConfig } from '../../shared/alerts/schema';
import type { Secret } from '../../shared/alerts/common';
import type { HttpClient } from '../engine/net/http-client';
import type { AlertChannel } from './channel';
import { mailDependsOn, webhookDependsOn } from './depends-on';
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

/** What any channel definition has: an id, a kind, and perhaps the services it goes through. */
export interface AnyChannelConfig {
  readonly id: string;
  readonly kind: string;
  readonly dependsOn?: readonly string[];
}

/** Reads a secret of the channel (from the file or the environment); throws MissingSecret. */
export type ReadSecret = (value: Secret, field: string) => string;

/** One alert channel kind: everything the rest of Vigie needs to know about it. */
export interface ChannelKindEntry<C extends AnyChannelConfig> {
  /** The fields that hold a secret: the app keeps them encrypted apart, never in the settings. */
  readonly secretFields: readonly (keyof C & string)[];
  /** The services the channel goes through when its definition names none. */
  defaultDependsOn(config: C): readonly string[];
  /** The channel, its secrets read through `secret` so none reaches a log or the outbox. */
  make(
    config: C,
    secret: ReadSecret,
    dependsOn: readonly string[],
    deps: ChannelDeps,
  ): AlertChannel;
}

/** A registry of channel kinds: one entry for each kind of the config union `C`. */
export type ChannelKinds<C extends AnyChannelConfig> = {
  readonly [K in C['kind']]: ChannelKindEntry<Extract<C, { kind: K }>>;
};

/** Every alert channel kind of `channelSchema` (shared/alerts/schema.ts). */
export const CHANNEL_KINDS: ChannelKinds<ChannelConfig> = {
  ntfy: {
    secretFields: ['token'],
    defaultDependsOn: () => [],
    make: (config, secret, dependsOn, deps) =>
      ntfyChannel(
        config,
        config.token === undefined ? undefined : secret(config.token, 'token'),
        dependsOn,
        deps.http,
        deps.now,
      ),
  },
  telegram: {
    secretFields: ['token'],
    defaultDependsOn: () => ['telegram'],
    make: (config, secret, dependsOn, deps) =>
      telegramChannel(config, secret(config.token, 'token'), dependsOn, deps.http, deps.now),
  },
  email: {
    secretFields: ['password'],
    defaultDependsOn: (config) => mailDependsOn(config.host),
    make: (config, secret, dependsOn) =>
      emailChannel(
        config,
        config.password === undefined ? undefined : secret(config.password, 'password'),
        dependsOn,
      ),
  },
  webhook: {
    secretFields: ['url'],
    defaultDependsOn: (config) => webhookDependsOn(config.format),
    make: (config, secret, dependsOn, deps) => {
      const url = secret(config.url, 'url');
      if (!httpUrl.safeParse(url).success)
        throw new MissingSecret(
          config.id,
          'url',
          typeof config.url === 'string' ? 'url' : config.url.env,
          'notUrl',
        );
      return webhookChannel(config, url, dependsOn, deps.http, deps.now);
    },
  },
};

function entryOf<C extends AnyChannelConfig>(
  config: C,
  kinds: ChannelKinds<C>,
): ChannelKindEntry<C> {
  // The registry pairs each kind with the entry for that kind's config: the lookup keeps the pair.
  return kinds[config.kind as C['kind']] as unknown as ChannelKindEntry<C>;
}

/** The channel's `dependsOn`, or its kind's default. */
export function dependsOnOf<C extends AnyChannelConfig>(
  channel: C,
  kinds: ChannelKinds<C>,
): readonly string[];
export function dependsOnOf(channel: ChannelConfig): readonly string[];
export function dependsOnOf(
  channel: AnyChannelConfig,
  kinds: ChannelKinds<AnyChannelConfig> = CHANNEL_KINDS as ChannelKinds<AnyChannelConfig>,
): readonly string[] {
  return channel.dependsOn ?? entryOf(channel, kinds).defaultDependsOn(channel);
}

/** One channel; throws MissingSecret when a secret's variable is not set. */
export function makeChannel<C extends AnyChannelConfig>(
  config: C,
  deps: ChannelDeps,
  kinds: ChannelKinds<C>,
): AlertChannel;
export function makeChannel(config: ChannelConfig, deps: ChannelDeps): AlertChannel;
export function makeChannel(
  config: AnyChannelConfig,
  deps: ChannelDeps,
  kinds: ChannelKinds<AnyChannelConfig> = CHANNEL_KINDS as ChannelKinds<AnyChannelConfig>,
): AlertChannel {
  const secret: ReadSecret = (value, field) => readSecret(value, deps.env, config.id, field);
  return entryOf(config, kinds).make(config, secret, dependsOnOf(config, kinds), deps);
}

/** Every channel of the config, in its order. */
export function makeChannels(alerts: AlertsConfig, deps: ChannelDeps): AlertChannel[] {
  return alerts.channels.map((channel) => makeChannel(channel, deps));
}
