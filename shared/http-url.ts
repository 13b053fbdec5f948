// A URL the user may give us: http or https only, never longer than a URL can sensibly be.
import { z } from 'zod';
import { zodEn } from './i18n/zod-strings';

/** A URL the user may give us: http or https only. */
export const httpUrl = z
  .string()
  .max(2048, zodEn.longUrl)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: 'expected an http:// or https:// URL', params: { key: 'config.url' } },
  );
