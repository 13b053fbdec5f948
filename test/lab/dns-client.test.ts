// The stub resolver against loopback DNS servers that misbehave on purpose: an echo of the query
// (no QR bit), a wrong id, a wrong question, a truncated answer, a closed port, silence.
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type AddressInfo, type Server } from 'node:net';
import * as packet from 'dns-packet';
import { afterEach, describe, expect, it } from 'vitest';
import {
  parseServer,
  queryAddresses,
  type DnsServer,
  type QueryPolicy,
} from '../../main/engine/net/dns-client';
import { resolveWith } from '../../main/engine/net/resolve';

const POLICY: QueryPolicy = { tryMs: 300, tries: 2 };

type Reply = (query: packet.DecodedPacket, raw: Buffer) => Buffer[];

interface RawDns {
  readonly server: DnsServer;
  readonly text: string;
  received: number;
  tcpReceived: number;
  close(): Promise<void>;
}

const open: RawDns[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((dns) => dns.close()));
});

/** A UDP (and TCP, same port) DNS server that sends whatever `udp` and `tcp` return. */
async function rawDns(udp: Reply, tcp?: Reply): Promise<RawDns> {
  const socket: Socket = createSocket('udp4');
  const state = { received: 0, tcpReceived: 0 };
  socket.on('message', (raw, remote) => {
    state.received++;
    for (const out of udp(packet.decode(raw), raw)) socket.send(out, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const port = (socket.address() as AddressInfo).port;
  let tcpServer: Server | undefined;
  if (tcp) {
    tcpServer = createServer((connection) => {
      connection.on('data', (chunk) => {
        state.tcpReceived++;
        const raw = chunk.subarray(2);
        for (const out of tcp(packet.decode(raw), raw)) {
          const length = Buffer.alloc(2);
          length.writeUInt16BE(out.length);
          connection.write(Buffer.concat([length, out]));
        }
      });
    });
    await new Promise<void>((resolve) => tcpServer?.listen(port, '127.0.0.1', resolve));
  }
  const dns: RawDns = {
    server: { address: '127.0.0.1', port, family: 4 },
    text: `127.0.0.1:${port}`,
    get received() {
      return state.received;
    },
    get tcpReceived() {
      return state.tcpReceived;
    },
    close: async () => {
      await new Promise<void>((resolve) => socket.close(() => resolve()));
      if (tcpServer) await new Promise<void>((resolve) => tcpServer?.close(() => resolve()));
    },
  };
  open.push(dns);
  return dns;
}

/** A proper answer to `query` holding `answers`, with `flags` added (response code in the low bits). */
function answer(query: packet.DecodedPacket, answers: packet.Answer[], flags = 0): Buffer {
  return packet.encode({
    id: query.id,
    type: 'response',
    flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | flags,
    questions: query.questions,
    answers,
  });
}

const a = (name: string, data: string): packet.Answer => ({ type: 'A', name, ttl: 5, data });

function ask(host: string, servers: DnsServer[], signal = new AbortController().signal) {
  return queryAddresses(host, 'A', servers, POLICY, signal);
}

describe('the stub resolver', () => {
  it('reads an answer, following a CNAME inside it', async () => {
    const dns = await rawDns((query) => [
      answer(query, [
        { type: 'CNAME', name: 'www.shop.test', ttl: 5, data: 'edge.cdn.test' },
        a('edge.cdn.test', '192.0.2.7'),
        a('unrelated.test', '192.0.2.99'),
      ]),
    ]);
    await expect(ask('www.shop.test', [dns.server])).resolves.toEqual(['192.0.2.7']);
  });

  it('does not take its own query echoed back (no QR bit) for NXDOMAIN: the server answered badly', async () => {
    // An echo keeps the id and question and even a response code: only the QR bit is missing.
    const dns = await rawDns((_query, raw) => {
      const echo = Buffer.from(raw);
      echo.writeUInt16BE((echo.readUInt16BE(2) & ~0x8000) | 3, 2);
      return [echo];
    });
    const error = await ask('shop.test', [dns.server]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'EBADRESP' });
    const failure = await resolveWith('shop.test', [dns.text], 2000).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'DNS_SERVFAIL' });
  });

  it('ignores forged datagrams (wrong id, wrong question) and takes the real answer that follows', async () => {
    const dns = await rawDns((query) => [
      answer({ ...query, id: ((query.id ?? 0) + 1) % 0x10000 }, [a('shop.test', '203.0.113.66')]),
      answer({ ...query, questions: [{ type: 'A', name: 'other.test' }] }, [
        a('other.test', '203.0.113.67'),
      ]),
      Buffer.from('not dns at all'),
      answer(query, [a('shop.test', '192.0.2.1')]),
    ]);
    await expect(ask('shop.test', [dns.server])).resolves.toEqual(['192.0.2.1']);
  });

  it('tells NXDOMAIN, no records and SERVFAIL apart, and asks the next server after a SERVFAIL', async () => {
    const missing = await rawDns((query) => [answer(query, [], 3)]);
    const empty = await rawDns((query) => [answer(query, [])]);
    const broken = await rawDns((query) => [answer(query, [], 2)]);
    const good = await rawDns((query) => [answer(query, [a('shop.test', '192.0.2.2')])]);
    await expect(ask('shop.test', [missing.server])).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(ask('shop.test', [empty.server])).rejects.toMatchObject({ code: 'ENODATA' });
    await expect(ask('shop.test', [broken.server])).rejects.toMatchObject({ code: 'ESERVFAIL' });
    await expect(ask('shop.test', [broken.server, good.server])).resolves.toEqual(['192.0.2.2']);
    expect(broken.received).toBe(3); // twice alone (two tries), once before the good one
  });

  it('asks again over TCP when the UDP answer is truncated', async () => {
    const dns = await rawDns(
      (query) => [answer(query, [], packet.TRUNCATED_RESPONSE)],
      (query) => [answer(query, [a('big.test', '192.0.2.3'), a('big.test', '192.0.2.4')])],
    );
    await expect(ask('big.test', [dns.server])).resolves.toEqual(['192.0.2.3', '192.0.2.4']);
    expect(dns.tcpReceived).toBe(1);
  });

  it('says a silent server timed out, a closed port refused, and stops at once when cancelled', async () => {
    const silent = await rawDns(() => []);
    await expect(ask('shop.test', [silent.server])).rejects.toMatchObject({ code: 'ETIMEOUT' });
    expect(silent.received).toBe(2);

    const closed = await rawDns(() => []);
    await closed.close();
    open.splice(open.indexOf(closed), 1);
    await expect(ask('shop.test', [closed.server])).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });

    const controller = new AbortController();
    const asked = ask('shop.test', [silent.server], controller.signal);
    controller.abort();
    await expect(asked).rejects.toMatchObject({ code: 'ECANCELLED' });
  });

  it('reads every server form the config allows, and refuses anything else by name', () => {
    expect(parseServer('1.1.1.1')).toEqual({ address: '1.1.1.1', port: 53, family: 4 });
    expect(parseServer('127.0.0.1:5353')).toEqual({ address: '127.0.0.1', port: 5353, family: 4 });
    expect(parseServer('[::1]:53')).toEqual({ address: '::1', port: 53, family: 6 });
    expect(parseServer('2001:db8::1')).toEqual({ address: '2001:db8::1', port: 53, family: 6 });
    expect(() => parseServer('999.1.1.1')).toThrow('not a DNS server address: 999.1.1.1');
    expect(() => parseServer('127.0.0.1:70000')).toThrow(/127\.0\.0\.1:70000/);
  });
});
