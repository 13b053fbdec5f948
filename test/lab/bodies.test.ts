// The memory of a cycle is bounded whatever the servers send: bodies nothing reads are counted and
// let go; bodies that are read hold no more, all together, than the body budget.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BodyBudget } from '../../main/engine/net/body-budget';
import { createHttpClient } from '../../main/engine/net/http-client';
import { startLab, type Lab } from './lab';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
  lab.http.route('/big', { status: 200, body: 'x'.repeat(600 * 1024) });
});
afterAll(async () => {
  await lab.close();
});

const get = (discardBody: boolean) => ({
  url: `${lab.https('chat')}/big`,
  method: 'GET' as const,
  timeoutMs: 10_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 0,
  dnsServers: [lab.dns.server],
  discardBody,
});

it('six 600 kB bodies read at once never hold more than a 1 MiB budget, and all arrive whole', async () => {
  const budget = new BodyBudget(1024 * 1024);
  const client = createHttpClient({ extraCa: [lab.certs.ca], bodyBudget: budget });
  try {
    const answers = await Promise.all(Array.from({ length: 6 }, () => client.request(get(false))));
    expect(answers.map((a) => a.body.length)).toEqual(Array(6).fill(600 * 1024));
    // One body at a time fits in 1 MiB (two would not): the budget held one whole body at most.
    expect(budget.peak).toBe(600 * 1024);
  } finally {
    await client.close();
  }
});

it('a body nothing reads is counted on the wire and kept nowhere', async () => {
  const budget = new BodyBudget(1024 * 1024);
  const client = createHttpClient({ extraCa: [lab.certs.ca], bodyBudget: budget });
  try {
    const answer = await client.request(get(true));
    expect(answer.body.length).toBe(0);
    expect(answer.bytes).toBeGreaterThan(600 * 1024);
    expect(budget.peak).toBe(0);
  } finally {
    await client.close();
  }
});
