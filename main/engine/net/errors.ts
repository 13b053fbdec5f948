// Maps the errors Node, the DNS client and undici throw to the probe codes of docs/reference.md#probe-codes.
import { messageOf } from '../../../shared/errors';
import type { ProbeCode } from '../../../shared/types';

/** A failure with the probe code it stands for and a sentence a person can read. */
export class ProbeFailure extends Error {
  constructor(
    readonly code: ProbeCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProbeFailure';
  }
}

const DNS_CODES: Readonly<Record<string, ProbeCode>> = {
  ESERVFAIL: 'DNS_SERVFAIL',
  EREFUSED: 'DNS_SERVFAIL',
  ECONNREFUSED: 'DNS_SERVFAIL',
  EBADRESP: 'DNS_SERVFAIL',
  EFORMERR: 'DNS_SERVFAIL',
  EAI_AGAIN: 'DNS_SERVFAIL',
  ENOTFOUND: 'DNS_NXDOMAIN',
  ENODATA: 'DNS_NXDOMAIN',
  EAI_NONAME: 'DNS_NXDOMAIN',
  ETIMEOUT: 'DNS_TIMEOUT',
};

const DNS_WORDS: Readonly<Record<ProbeCode, string>> = {
  DNS_SERVFAIL: 'DNS SERVFAIL',
  DNS_NXDOMAIN: 'DNS NXDOMAIN (no such name)',
  DNS_TIMEOUT: 'DNS timeout',
  TIMEOUT: 'timed out',
  CONN_REFUSED: 'connection refused',
  CONN_RESET: 'connection reset',
  TLS_ERROR: 'TLS error',
  CERT_EXPIRING: 'certificate expiring',
  HTTP_STATUS: 'unexpected HTTP status',
  SLOW: 'slow',
  TOO_LARGE: 'response too large',
  BAD_PAYLOAD: 'unreadable answer',
};

/** The short English words for a code, used in summaries. */
export function codeWords(code: ProbeCode): string {
  return DNS_WORDS[code];
}

/** Turns a DNS error (our DNS client or getaddrinfo) into a ProbeFailure naming the host. */
export function dnsFailure(error: unknown, host: string): ProbeFailure {
  if (error instanceof ProbeFailure) return error;
  const code = errorCode(error);
  const probeCode: ProbeCode = (code !== undefined ? DNS_CODES[code] : undefined) ?? 'DNS_SERVFAIL';
  return new ProbeFailure(probeCode, `${codeWords(probeCode)} for ${host}`);
}

/** Reads `code` from an error or from its `cause` chain. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET' && code !== 'UND_ERR_ABORTED') {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isAbort(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const name = (current as { name?: unknown }).name;
    if (name === 'AbortError' || name === 'TimeoutError') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Classifies a connection or request error (TCP, TLS, HTTP). */
export function connectionFailure(error: unknown, target: string, timeoutMs: number): ProbeFailure {
  if (error instanceof ProbeFailure) return error;
  if (isAbort(error))
    return new ProbeFailure('TIMEOUT', `no answer from ${target} in ${timeoutMs} ms`);
  const code = errorCode(error) ?? '';
  // Checked before the DNS table: here ECONNREFUSED is TCP (look-ups rewrap their own errors).
  if (code === 'ECONNREFUSED')
    return new ProbeFailure('CONN_REFUSED', `${target} refused the connection`);
  if (code in DNS_CODES) return dnsFailure(error, hostOf(target));
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED') {
    return new ProbeFailure('CONN_RESET', `${target} reset the connection`);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' || code.endsWith('TIMEOUT')) {
    return new ProbeFailure('TIMEOUT', `no answer from ${target} in ${timeoutMs} ms`);
  }
  if (
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.includes('CERT') ||
    code.includes('SELF_SIGNED') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'EPROTO'
  ) {
    return new ProbeFailure('TLS_ERROR', `TLS failed with ${target}: ${messageOf(error)}`);
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return new ProbeFailure('CONN_REFUSED', `${target} is unreachable (${code})`);
  }
  return new ProbeFailure('CONN_RESET', `${target}: ${messageOf(error)}`);
}

function hostOf(target: string): string {
  try {
    return new URL(target).hostname;
  } catch {
    return target.replace(/:\d+$/, '');
  }
}
