// The `tcp` and `tls` probes: can we connect, how fast, and is the certificate still good?
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { ProbeConfig } from '../../../shared/config-schema';
import type { ProbeResult } from '../../../shared/types';
import { DAY } from '../../../shared/durations';
import { connectionFailure } from '../net/errors';
import { makeLookup } from '../net/resolve';
import { secureContextFor } from '../net/trust';
import { failed, result, withSlow, type ProbeContext } from './context';

type TcpProbe = Extract<ProbeConfig, { kind: 'tcp' }>;
type TlsProbe = Extract<ProbeConfig, { kind: 'tls' }>;

/** Opens a TCP connection and closes it at once. */
export async function runTcpProbe(probe: TcpProbe, ctx: ProbeContext): Promise<ProbeResult> {
  const target = `${probe.host}:${probe.port}`;
  const started = performance.now();
  try {
    const socket = await connectWithin(
      probe.timeoutMs,
      target,
      ctx.signal,
      () =>
        netConnect({
          host: probe.host,
          port: probe.port,
          lookup: makeLookup(probe.dnsServers ?? ctx.dnsServers, probe.timeoutMs),
        }),
      'connect',
    );
    const latencyMs = performance.now() - started;
    const bytes = socket.bytesRead + socket.bytesWritten;
    socket.destroy();
    const ok = result('tcp', target, 'up', {
      latencyMs,
      bytes,
      detail: `connected in ${Math.round(latencyMs)} ms`,
    });
    return withSlow(ok, probe.slowMs);
  } catch (error) {
    return failed('tcp', target, error, performance.now() - started);
  }
}

/** Completes a TLS handshake and reads the days left on the certificate. */
export async function runTlsProbe(probe: TlsProbe, ctx: ProbeContext): Promise<ProbeResult> {
  const target = `${probe.host}:${probe.port}`;
  const started = performance.now();
  try {
    const socket = (await connectWithin(
      probe.timeoutMs,
      target,
      ctx.signal,
      () =>
        tlsConnect({
          host: probe.host,
          port: probe.port,
          servername: isIP(probe.host) ? undefined : probe.host,
          lookup: makeLookup(probe.dnsServers ?? ctx.dnsServers, probe.timeoutMs),
          secureContext: secureContextFor(ctx.extraCa),
        }),
      'secureConnect',
    )) as TLSSocket;
    const latencyMs = performance.now() - started;
    const cert = socket.getPeerCertificate();
    const bytes = socket.bytesRead + socket.bytesWritten;
    socket.destroy();
    const expires = Date.parse(cert.valid_to);
    const daysLeft = Math.floor((expires - ctx.now()) / DAY);
    if (Number.isFinite(daysLeft) && daysLeft < probe.certWarningDays) {
      return result('tls', target, 'degraded', {
        code: 'CERT_EXPIRING',
        latencyMs,
        bytes,
        detail: `certificate expires in ${daysLeft} day(s), on ${new Date(expires).toISOString().slice(0, 10)}`,
      });
    }
    const ok = result('tls', target, 'up', {
      latencyMs,
      bytes,
      detail: `handshake in ${Math.round(latencyMs)} ms; certificate good for ${daysLeft} days`,
    });
    return withSlow(ok, probe.slowMs);
  } catch (error) {
    return failed('tls', target, error, performance.now() - started);
  }
}

/** Resolves with the socket once `readyEvent` fires; rejects on error, deadline or abort. */
function connectWithin(
  timeoutMs: number,
  target: string,
  signal: AbortSignal | undefined,
  open: () => Socket,
  readyEvent: 'connect' | 'secureConnect',
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = open();
    const fail = (error: unknown) => {
      cleanup();
      socket.destroy();
      reject(connectionFailure(error, target, timeoutMs));
    };
    const timer = setTimeout(() => {
      const timeout = new Error('deadline');
      timeout.name = 'TimeoutError';
      fail(timeout);
    }, timeoutMs);
    const onAbort = () => {
      const abort = new Error('cancelled');
      abort.name = 'AbortError';
      fail(abort);
    };
    const onReady = () => {
      cleanup();
      // A late error on a socket we are about to close must not crash the process.
      socket.on('error', () => undefined);
      resolve(socket);
    };
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('error', fail);
      socket.off(readyEvent, onReady);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', fail);
    socket.once(readyEvent, onReady);
  });
}
