// A loopback UDP DNS server that answers what each test says: addresses, SERVFAIL, NXDOMAIN or nothing.
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import * as packet from 'dns-packet';

/** The answer for one name. */
export type DnsAnswer =
  | { readonly a: string }
  | { readonly rcode: 'SERVFAIL' | 'NXDOMAIN' | 'REFUSED' }
  | { readonly hang: true };

export interface DnsLab {
  readonly port: number;
  /** `127.0.0.1:port`, ready for `dnsServers`. */
  readonly server: string;
  set(name: string, answer: DnsAnswer): void;
  /** The answer for every name not set explicitly (default NXDOMAIN). */
  setDefault(answer: DnsAnswer): void;
  queries(name: string): number;
  traffic(): { bytes: number; queries: number };
  close(): Promise<void>;
}

/** Starts the DNS server on 127.0.0.1 with an ephemeral UDP port. */
export async function startDnsLab(): Promise<DnsLab> {
  const answers = new Map<string, DnsAnswer>();
  const counts = new Map<string, number>();
  let fallback: DnsAnswer = { rcode: 'NXDOMAIN' };
  let bytes = 0;
  let total = 0;
  const socket = createSocket('udp4');
  socket.on('message', (message, remote) => {
    bytes += message.length;
    total++;
    let query: packet.Packet;
    try {
      query = packet.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const answer = answers.get(name) ?? fallback;
    if ('hang' in answer) return;
    const reply: packet.Packet = {
      id: query.id,
      type: 'response',
      flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE,
      questions: query.questions,
      answers: [],
    };
    if ('rcode' in answer) {
      // dns-packet takes the response code in the low bits of the flags.
      reply.flags = (reply.flags ?? 0) | { SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 }[answer.rcode];
    } else if (question.type === 'A') {
      reply.answers = [{ type: 'A', name: question.name, ttl: 5, class: 'IN', data: answer.a }];
    }
    const out = packet.encode(reply);
    bytes += out.length;
    socket.send(out, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const port = (socket.address() as AddressInfo).port;
  return {
    port,
    server: `127.0.0.1:${port}`,
    set: (name, answer) => answers.set(name.toLowerCase(), answer),
    setDefault: (answer) => {
      fallback = answer;
    },
    queries: (name) => counts.get(name.toLowerCase()) ?? 0,
    traffic: () => ({ bytes, queries: total }),
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
