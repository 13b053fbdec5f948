// A loopback relay that answers as ntfy does for what a team uses: `POST /<topic>` keeps the body
// as a message; `GET /<topic>/json?since=<id|all|duration>` streams NDJSON (`open`, the cached
// messages after `since`, then live ones; with `poll=1` the cached ones only, `id=` filtering them).
// An id it does not know makes `since=` answer the whole cache, as ntfy's message cache does. It
// keeps every body it got, so a test can read all the relay ever saw. A test can make it refuse
// posts or subscriptions with 429, go silent, inject raw messages, or restart it without its cache.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface StoredMessage {
  readonly id: string;
  readonly time: number;
  readonly event: 'message';
  readonly topic: string;
  readonly message: string;
  readonly attachment?: { readonly name: string; readonly url: string };
}

export class NtfyRelay {
  readonly messages: StoredMessage[] = [];
  /** Posts still to refuse with 429 (and the Retry-After seconds they give). */
  refuse = 0;
  /** Subscriptions still to refuse, with this status (429 gives the same Retry-After). */
  refuseSubscriptions = 0;
  refuseStatus = 429;
  /** Every body it ever got, across restarts: what an operator of the relay could have read. */
  private readonly everything: StoredMessage[] = [];
  retryAfterSeconds = 1;
  /** While true, a subscriber gets the 200 and nothing else (no `open`, no keepalive). */
  silent = false;
  subscriptions = 0;
  /** Called as each message is kept (a benchmark times from here). */
  onMessage: ((message: StoredMessage) => void) | null = null;
  private readonly live = new Set<{ topic: string; res: ServerResponse }>();
  private server: Server | null = null;
  url = '';

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    const address = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
    return this;
  }

  /** Every body the relay holds now. */
  bodies(): string[] {
    return this.messages.map((m) => m.message);
  }

  /** Every body the relay ever held, across restarts: what an operator of the relay could read. */
  everyBody(): string[] {
    return this.everything.map((m) => m.message);
  }

  /**
   * Stops, as ntfy stops (every stream dropped, every request refused), until `back()`. It comes
   * back on the same address without its cache, like ntfy without a cache file.
   */
  async down(): Promise<{ back: () => Promise<void> }> {
    const port = Number(new URL(this.url).port);
    await this.stop();
    this.messages.splice(0);
    return { back: async () => void (await this.start(port)) };
  }

  /** Puts a raw message on a topic, as a stranger (or a broken client) could. */
  inject(topic: string, message: string, attachment = false): void {
    this.add({
      id: randomBytes(6).toString('base64url'),
      time: Math.floor(Date.now() / 1000),
      event: 'message',
      topic,
      message,
      ...(attachment ? { attachment: { name: 'a.jpg', url: `${this.url}/file/a.jpg` } } : {}),
    });
  }

  /** Closes every open stream (a relay restart as the members see it). */
  dropStreams(): void {
    for (const s of this.live) s.res.destroy();
    this.live.clear();
  }

  private add(message: StoredMessage): void {
    this.messages.push(message);
    this.everything.push(message);
    this.onMessage?.(message);
    for (const s of this.live)
      if (s.topic === message.topic) s.res.write(`${JSON.stringify(message)}\n`);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://relay');
    const parts = url.pathname.split('/').filter(Boolean);
    const topic = parts[0] ?? '';
    if (req.method === 'POST' && parts.length === 1) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.refuse > 0) {
          this.refuse -= 1;
          res.writeHead(429, { 'retry-after': String(this.retryAfterSeconds) });
          res.end('{"code":42901,"http":429,"error":"limit reached: too many requests"}');
          return;
        }
        const message: StoredMessage = {
          id: randomBytes(6).toString('base64url'),
          time: Math.floor(Date.now() / 1000),
          event: 'message',
          topic,
          message: Buffer.concat(chunks).toString('utf8'),
        };
        this.add(message);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(message));
      });
      return;
    }
    if (req.method === 'GET' && parts.length === 2 && parts[1] === 'json') {
      const poll = url.searchParams.get('poll') === '1';
      if (!poll && this.refuseSubscriptions > 0) {
        this.refuseSubscriptions -= 1;
        if (this.refuseStatus === 429) {
          res.writeHead(429, { 'retry-after': String(this.retryAfterSeconds) });
          res.end('{"code":42901,"http":429,"error":"limit reached: too many requests"}');
        } else res.writeHead(this.refuseStatus).end();
        return;
      }
      if (!poll) this.subscriptions += 1;
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
      res.flushHeaders();
      if (this.silent && !poll) {
        this.live.add({ topic: '\0silent', res });
        return;
      }
      const now = Math.floor(Date.now() / 1000);
      if (!poll)
        res.write(
          `${JSON.stringify({ id: randomBytes(6).toString('base64url'), time: now, event: 'open', topic })}\n`,
        );
      const since = url.searchParams.get('since') ?? '';
      const id = url.searchParams.get('id');
      const mine = this.messages.filter((m) => m.topic === topic);
      const at = mine.findIndex((m) => m.id === since);
      const cached = at >= 0 ? mine.slice(at + 1) : since === '' ? [] : mine;
      for (const m of cached) if (id === null || m.id === id) res.write(`${JSON.stringify(m)}\n`);
      if (poll) {
        res.end();
        return;
      }
      const entry = { topic, res };
      this.live.add(entry);
      res.on('close', () => this.live.delete(entry));
      return;
    }
    res.writeHead(404).end();
  }

  async stop(): Promise<void> {
    this.dropStreams();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
