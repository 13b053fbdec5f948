// A secret of a config file is written in it or named by an environment variable. It is read
// once, when the channels are made, and lives only inside the channel that uses it.
import type { Secret } from '../../shared/alerts/common';

/** A secret that could not be read: which variable is missing (never the value of anything). */
export class MissingSecret extends Error {
  constructor(
    readonly channel: string,
    readonly field: string,
    readonly variable: string,
  ) {
    super(`alerts channel "${channel}": ${field} names ${variable}, which is not set`);
    this.name = 'MissingSecret';
  }
}

/** The secret's value, from the file or the environment. */
export function readSecret(
  secret: Secret,
  env: Readonly<Record<string, string | undefined>>,
  channel: string,
  field: string,
): string {
  if (typeof secret === 'string') return secret;
  const value = env[secret.env];
  if (value === undefined || value === '') throw new MissingSecret(channel, field, secret.env);
  return value;
}
