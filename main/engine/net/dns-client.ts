// A small stub resolver for the configured DNS servers: one question over UDP (TCP when the answer
// is truncated), accepted only when it is really the answer to that question. c-ares took a
// datagram without the QR ("this is a response") bit as an answer and read it as NXDOMAIN, so a
// server echoing queries back made every name "not exist". Here an answer counts only when it
// comes from the server asked, carries the query's id, has QR set, standard opcode and the same
// question; anything else is ignored, and if nothing else came the server is said to have
// answered badly (EBADRESP), not the name to be missing. Packets are read and written with
// dns-packet; error codes are c-ares's names so that `dnsFailure` maps both alike.
import { randomInt } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { connect, isIP } from 'node:net';
import * as packet from 'dns-packet';

/** A DNS server to ask. */
export interface DnsServer {
  readonly address: string;
  readonly port: number;
  readonly family: 4 | 6;
}

/** The record types a probe asks for. */
export type AddressType = 'A' | 'AAAA';

/** How long one server is given per try, and how many rounds over the servers are made. */
export interface QueryPolicy {
  readonly tryMs: number;
  readonly tries: number;
}

const DNS_PORT = 53;
const MAX_TCP_ANSWER = 65_535;
const CNAME_HOPS = 8;
// RFC 1035 §4.1.1: the QR bit, the opcode and the response code in the header's flags word.
const QR_BIT = 0x8000;
const OPCODE_MASK = 0x7800;
const RCODE_MASK = 0x000f;
const RCODE_ERRORS: Readonly<Record<number, string>> = {
  1: 'EFORMERR',
  2: 'ESERVFAIL',
  3: 'ENOTFOUND',
  4: 'ENOTIMP',
  5: 'EREFUSED',
};

/** A resolver error with c-ares's code. */
export class DnsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DnsError';
  }
}

/** Reads `1.1.1.1`, `127.0.0.1:5353`, `[::1]:53` or `2001:db8::1` (the forms the config allows). */
export function parseServer(text: string): DnsServer {
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/.exec(text);
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(text);
  const [address, portText] = bracketed
    ? [bracketed[1], bracketed[2]]
    : v4
      ? [v4[1], v4[2]]
      : [text, undefined];
  const family = address ? isIP(address) : 0;
  const port = portText === undefined ? DNS_PORT : Number(portText);
  if (!address || (family !== 4 && family !== 6) || port < 1 || port > 65_535) {
    throw new DnsError('EBADSERVER', `not a DNS server address: ${text}`);
  }
  return { address, port, family };
}

/**
 * Asks `servers` in turn for the `type` records of `host` (c-ares's order: each try goes round
 * every server). Resolves with the addresses, following CNAMEs inside the answer; rejects with a
 * DnsError: ENOTFOUND (no such name), ENODATA (the name has no such records), ESERVFAIL, EREFUSED,
 * EBADRESP (the server answered, but not the question), ECONNREFUSED or ETIMEOUT. Aborting
 * `signal` closes every socket at once; its reason, when a DnsError, is the error to give.
 */
export async function queryAddresses(
  host: string,
  type: AddressType,
  servers: readonly DnsServer[],
  policy: QueryPolicy,
  signal: AbortSignal,
): Promise<string[]> {
  let last: DnsError = new DnsError('ETIMEOUT', `no answer for ${host}`);
  let sawBadAnswer = false;
  for (let round = 0; round < policy.tries; round++) {
    for (const server of servers) {
      if (signal.aborted) throw abortError(signal, sawBadAnswer);
      const id = randomInt(0, 0x10000);
      const query = packet.encode({
        type: 'query',
        id,
        flags: packet.RECURSION_DESIRED,
        questions: [{ type, name: host, class: 'IN' }],
      });
      try {
        let answer = await askUdp(server, query, policy.tryMs, signal, (reply) =>
          answers(reply, id, host, type),
        );
        if (answer.truncated) {
          answer = await askTcp(server, query, policy.tryMs, signal, id, host, type).catch(
            (error: unknown) => {
              // The truncated part is still a true answer when it holds addresses.
              if (answer.addresses.length > 0) return answer;
              throw error;
            },
          );
        }
        return settle(answer, host);
      } catch (error) {
        if (!(error instanceof DnsError)) throw error;
        if (error.code === 'EBADRESP') sawBadAnswer = true;
        if (signal.aborted) {
          // The caller's deadline: say the server answered badly if that is all it ever did.
          if (sawBadAnswer && error.code === 'ETIMEOUT') throw badAnswer(host);
          throw error;
        }
        // A name that does not exist or has no such records is an answer, not a reason to ask on.
        if (error.code === 'ENOTFOUND' || error.code === 'ENODATA' || error.code === 'ECANCELLED') {
          throw error;
        }
        last = error;
      }
    }
  }
  throw sawBadAnswer && last.code === 'ETIMEOUT' ? badAnswer(host) : last;
}

function badAnswer(host: string): DnsError {
  return new DnsError('EBADRESP', `the DNS server sent no valid answer for ${host}`);
}

/** What a valid answer said. */
interface Answer {
  readonly rcode: number;
  readonly truncated: boolean;
  readonly addresses: string[];
}

/** Reads `reply` as the answer to query `id`, or undefined when it is not one. */
function answers(reply: Buffer, id: number, host: string, type: AddressType): Answer | undefined {
  if (reply.length < 12 || reply.readUInt16BE(0) !== id) return undefined;
  const flags = reply.readUInt16BE(2);
  if ((flags & QR_BIT) === 0 || (flags & OPCODE_MASK) !== 0) return undefined;
  let decoded: packet.DecodedPacket;
  try {
    decoded = packet.decode(reply);
  } catch {
    return undefined;
  }
  const question = decoded.questions?.[0];
  if (
    decoded.questions?.length !== 1 ||
    !question ||
    question.type !== type ||
    question.name.toLowerCase() !== host.toLowerCase()
  ) {
    return undefined;
  }
  return {
    rcode: flags & RCODE_MASK,
    truncated: decoded.flag_tc,
    addresses: addressesIn(decoded.answers ?? [], host, type),
  };
}

/** The `type` records for `host` or for the names it is an alias of, within the answer section. */
function addressesIn(records: readonly packet.Answer[], host: string, type: AddressType): string[] {
  const names = new Set([host.toLowerCase()]);
  for (let hop = 0; hop < CNAME_HOPS; hop++) {
    const before = names.size;
    for (const record of records) {
      if (record.type === 'CNAME' && names.has(record.name.toLowerCase())) {
        names.add(record.data.toLowerCase());
      }
    }
    if (names.size === before) break;
  }
  const found: string[] = [];
  for (const record of records) {
    if (record.type === type && names.has(record.name.toLowerCase())) found.push(record.data);
  }
  return found;
}

/** Turns a valid answer into addresses or the error its response code stands for. */
function settle(answer: Answer, host: string): string[] {
  const code = RCODE_ERRORS[answer.rcode];
  if (code) throw new DnsError(code, `${code} for ${host}`);
  if (answer.rcode !== 0)
    throw new DnsError('ESERVFAIL', `response code ${answer.rcode} for ${host}`);
  if (answer.addresses.length === 0) throw new DnsError('ENODATA', `no records for ${host}`);
  return answer.addresses;
}

/**
 * Why a look-up stopped early: the deadline its caller set (`signal.reason`, a DnsError ETIMEOUT;
 * EBADRESP when this try only got datagrams that were no answer), or a cancellation.
 */
function abortError(signal: AbortSignal, sawBad: boolean): DnsError {
  const reason: unknown = signal.reason;
  if (!(reason instanceof DnsError)) return new DnsError('ECANCELLED', 'look-up cancelled');
  return sawBad && reason.code === 'ETIMEOUT' ? new DnsError('EBADRESP', reason.message) : reason;
}

/**
 * One try against one server: settles once, with an answer or an error, then clears its timer,
 * stops following the signal and lets the socket go. `timedOut` words the try's own deadline.
 */
function oneTry(
  tryMs: number,
  signal: AbortSignal,
  close: () => void,
  onAbortError: () => DnsError,
  timedOut: () => DnsError,
  resolve: (answer: Answer) => void,
  reject: (error: DnsError) => void,
): (error: DnsError | undefined, answer?: Answer) => void {
  let settled = false;
  const finish = (error: DnsError | undefined, answer?: Answer) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    close();
    if (error) reject(error);
    else if (answer) resolve(answer);
  };
  const onAbort = () => finish(onAbortError());
  const timer = setTimeout(() => finish(timedOut()), tryMs);
  signal.addEventListener('abort', onAbort, { once: true });
  return finish;
}

/** A socket error in c-ares's words. */
function socketError(error: NodeJS.ErrnoException): DnsError {
  return new DnsError(error.code === 'ECONNREFUSED' ? 'ECONNREFUSED' : 'ESERVFAIL', error.message);
}

/** Sends `query` over UDP and waits `tryMs` for a datagram that `read` accepts. */
function askUdp(
  server: DnsServer,
  query: Buffer,
  tryMs: number,
  signal: AbortSignal,
  read: (reply: Buffer) => Answer | undefined,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket: Socket = createSocket(server.family === 6 ? 'udp6' : 'udp4');
    let sawBad = false;
    const finish = oneTry(
      tryMs,
      signal,
      () => socket.close(),
      () => abortError(signal, sawBad),
      () => new DnsError(sawBad ? 'EBADRESP' : 'ETIMEOUT', `no answer from ${server.address}`),
      resolve,
      reject,
    );
    socket.on('message', (reply) => {
      const answer = read(reply);
      if (answer) finish(undefined, answer);
      else sawBad = true;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish(socketError(error)));
    // A connected socket takes datagrams from that server only, and reports ICMP "port
    // unreachable" as ECONNREFUSED.
    socket.connect(server.port, server.address, () => socket.send(query));
  });
}

/** Asks the same question over TCP (RFC 1035 §4.2.2: two bytes of length, then the message). */
function askTcp(
  server: DnsServer,
  query: Buffer,
  tryMs: number,
  signal: AbortSignal,
  id: number,
  host: string,
  type: AddressType,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: server.address, port: server.port });
    let received = Buffer.alloc(0);
    const finish = oneTry(
      tryMs,
      signal,
      () => socket.destroy(),
      () => abortError(signal, false),
      () => new DnsError('ETIMEOUT', `no answer over TCP from ${server.address}`),
      resolve,
      reject,
    );
    socket.on('connect', () => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(query.length);
      socket.write(Buffer.concat([length, query]));
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length > MAX_TCP_ANSWER + 2) {
        finish(new DnsError('EBADRESP', 'answer over TCP too long'));
        return;
      }
      if (received.length < 2 || received.length < 2 + received.readUInt16BE(0)) return;
      const answer = answers(received.subarray(2, 2 + received.readUInt16BE(0)), id, host, type);
      if (answer) finish(undefined, answer);
      else finish(new DnsError('EBADRESP', `no valid answer over TCP from ${server.address}`));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish(socketError(error)));
    socket.on('end', () => finish(new DnsError('EBADRESP', 'TCP answer cut short')));
  });
}
