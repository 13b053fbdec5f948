// How the app keeps a channel: its settings without any secret (they may be saved in clear and
// shown in the window), its secrets in the SecretStore, and for the window only "set / not set".
import type { ChannelKind } from '../../shared/alerts/schema';
import { CHANNEL_KINDS } from './channels';
import type { SecretStore } from './secret-store';

/** The fields of each kind that hold a secret (each kind's entry of CHANNEL_KINDS says which). */
export const SECRET_FIELDS: Readonly<Record<ChannelKind, readonly string[]>> = Object.fromEntries(
  Object.entries(CHANNEL_KINDS).map(([kind, entry]) => [kind, entry.secretFields]),
) as Record<ChannelKind, readonly string[]>;

/** A channel as the settings keep it: no secret field. */
export type StoredChannel = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly kind: ChannelKind;
};

/** What the window sees of a channel: its settings, and which secrets are set. */
export type ChannelView = StoredChannel & { readonly secrets: Readonly<Record<string, boolean>> };

/** Splits a channel as the user entered it: what may be stored in clear, and its secrets. */
export function splitSecrets(channel: StoredChannel): {
  stored: StoredChannel;
  secrets: Record<string, string>;
} {
  const secrets: Record<string, string> = {};
  const stored: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(channel)) {
    if (SECRET_FIELDS[channel.kind].includes(field)) {
      if (typeof value === 'string' && value !== '') secrets[field] = value;
    } else stored[field] = value;
  }
  return { stored: stored as StoredChannel, secrets };
}

/** Keeps a channel's new secrets (a field left empty keeps the secret already set). */
export function keepSecrets(channel: StoredChannel, store: SecretStore): StoredChannel {
  const { stored, secrets } = splitSecrets(channel);
  for (const [field, value] of Object.entries(secrets)) store.set(channel.id, field, value);
  return stored;
}

/** The channel with its secrets back, for the main process to send through; never for the window. */
export function withSecrets(stored: StoredChannel, store: SecretStore): Record<string, unknown> {
  const full: Record<string, unknown> = { ...stored };
  for (const field of SECRET_FIELDS[stored.kind]) {
    const value = store.get(stored.id, field);
    if (value !== null) full[field] = value;
  }
  return full;
}

/** The window's view: the settings and, for each secret field, whether it is set. */
export function channelView(stored: StoredChannel, store: SecretStore): ChannelView {
  const { stored: clean } = splitSecrets(stored);
  return {
    ...clean,
    secrets: Object.fromEntries(
      SECRET_FIELDS[stored.kind].map((field) => [field, store.has(stored.id, field)]),
    ),
  };
}
