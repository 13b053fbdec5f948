// A secret of a config file is written in it or named by an environment variable. It is read
// once, when the channels are made, and lives only inside the channel that uses it.
import type { Secret } from '../../shared/alerts/common';

/**
 * A secret that could not be used: the variable it names is not set, or (a webhook's address)
 * holds no http(s) URL. Names the variable, never the value of anything.
 */
export class MissingSecret extends Error {
  constructor(
    readonly channel: string,
    readonly field: string,
    readonly variable: string,
    readonly problem: 'missing' | 'notUrl' = 'missing',
  ) {
    super(
      `alerts channel "${channel}": ${field} names ${variable}, which is ${problem === 'missing' ? 'not set' : 'not an http(s) URL'}`,
    );
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
