// Loopback servers that stand in for the alert channels: an ntfy-compatible server, a
// Telegram-compatible Bot API with Telegram's own error bodies, a webhook receiver, and the real
// `smtp-server` package as an SMTP server. Each records what it received; a test may script the
// next answers of a path (a 503, a 429 with its wait, a 403) before the normal one.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One request a channel server received. */
export interface Received {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** The status it was answered with. */
  readonly status: number;
}

/** A scripted answer. */
export interface Scripted {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** One mail the SMTP server accepted. */
export interface Mail {
  readonly from: string;
  readonly to: readonly string[];
  readonly data: string;
}

export interface AlertLab {
  readonly port: number;
  readonly smtpPort: number;
  /** `http://127.0.0.1:PORT`. */
  readonly base: string;
  /** Answers the next requests to `path` with these, in order, before the normal answer. */
  script(path: string, ...answers: Scripted[]): void;
  /** Forgets what is still scripted for `path`: its next requests get the normal answer. */
  unscript(path: string): void;
  /** What each path received (every attempt, whatever its answer). */
  received(path?: string): Received[];
  /** Requests to `path` that were accepted (2xx). */
  accepted(path: string): Received[];
  /** Whether the connectivity reference answers (offline: it cuts every connection). */
  setOnline(up: boolean): void;
  /** Resolves once the connectivity reference has been asked `more` more times from now. */
  referenceAsked(more: number): Promise<void>;
  /** A message someone sent the bot (what getUpdates will return). */
  telegramMessage(chatId: number, text: string): void;
  /** A service's state for its probe `GET /svc/<id>`: 200 or 503. */
  setService(id: string, up: boolean): void;
  readonly mails: Mail[];
  close(): Promise<void>;
}

/** The bot token and chat the Telegram-compatible server knows. */
export const LAB_TELEGRAM = { token: '123456:LAB-telegram-secret-token', chatId: '424242' };
/** The user and password the SMTP server takes. */
export const LAB_SMTP = { user: 'shop@example.com', password: 'lab-smtp-secret-password' };

/** Decodes an RFC 2047 `=?UTF-8?B?…?=` header as ntfy does; other values as they are. */
function decodeHeader(value: string): string {
  const match = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$/i.exec(value);
  return match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : value;
}

/** Messages the bot has received, as getUpdates returns them (a test adds "/start <code>"). */
const telegramUpdates: unknown[] = [];

function telegramAnswer(path: string, body: string): Scripted {
  const updates = /^\/bot([^/]+)\/getUpdates$/.exec(path);
  if (updates) {
    if (updates[1] !== LAB_TELEGRAM.token)
      return { status: 401, body: '{"ok":false,"error_code":401,"description":"Unauthorized"}' };
    return { status: 200, body: JSON.stringify({ ok: true, result: telegramUpdates }) };
  }
  const token = /^\/bot([^/]+)\/sendMessage$/.exec(path)?.[1];
  // The shapes come from test/fixtures/alerts/telegram-*.json.
  if (token !== LAB_TELEGRAM.token)
    return { status: 401, body: '{"ok":false,"error_code":401,"description":"Unauthorized"}' };
  const request = JSON.parse(body) as { chat_id?: string; text?: string };
  if (request.chat_id !== LAB_TELEGRAM.chatId)
    return {
      status: 400,
      body: '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}',
    };
  return {
    status: 200,
    body: JSON.stringify({
      ok: true,
      result: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(LAB_TELEGRAM.chatId), type: 'private' },
        text: request.text,
      },
    }),
  };
}

function ntfyAnswer(path: string, headers: IncomingMessage['headers'], body: string): Scripted {
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'hwQ2YpKdmg',
      time: Math.floor(Date.now() / 1000),
      event: 'message',
      topic: path.slice(1),
      title: decodeHeader(String(headers['title'] ?? '')),
      message: body,
      priority: Number(headers['priority'] ?? 3),
    }),
  };
}

/** Starts the channel servers on 127.0.0.1. */
export async function startAlertLab(): Promise<AlertLab> {
  const scripts = new Map<string, Scripted[]>();
  const log: Received[] = [];
  const services = new Map<string, boolean>();
  const mails: Mail[] = [];
  let online = true;
  let referenceCalls = 0;
  let referenceWaiters: (() => void)[] = [];

  const answer = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/generate_204') {
      referenceCalls += 1;
      for (const waiter of referenceWaiters) waiter();
      // Offline: the reference cuts the connection, as an unplugged network would fail it.
      if (online) res.writeHead(204).end();
      else req.socket.destroy();
      return;
    }
    if (path.startsWith('/svc/')) {
      const up = services.get(path.slice('/svc/'.length)) ?? true;
      res.writeHead(up ? 200 : 503).end(up ? 'ok' : 'down');
      return;
    }
    const queued = scripts.get(path)?.shift();
    const normal: Scripted = path.startsWith('/bot')
      ? telegramAnswer(path, body)
      : path.startsWith('/ntfy')
        ? ntfyAnswer(path, req.headers, body)
        : path.startsWith('/hook')
          ? { status: 200, body: 'ok' }
          : { status: 404, body: 'no route' };
    const chosen = queued ?? normal;
    log.push({ path, headers: req.headers, body, status: chosen.status });
    res.writeHead(chosen.status, { ...chosen.headers }).end(chosen.body ?? '');
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const smtp = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === LAB_SMTP.user && auth.password === LAB_SMTP.password)
        callback(null, { user: auth.username });
      else
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  return {
    port,
    smtpPort,
    base: `http://127.0.0.1:${port}`,
    script(path, ...answers) {
      scripts.set(path, [...(scripts.get(path) ?? []), ...answers]);
    },
    unscript: (path) => scripts.delete(path),
    received: (path) => (path === undefined ? [...log] : log.filter((r) => r.path === path)),
    accepted: (path) => log.filter((r) => r.path === path && r.status >= 200 && r.status < 300),
    setService: (id, up) => services.set(id, up),
    setOnline: (up) => {
      online = up;
    },
    referenceAsked(more) {
      const target = referenceCalls + more;
      return new Promise((resolve) => {
        const check = () => {
          if (referenceCalls < target) return;
          referenceWaiters = referenceWaiters.filter((w) => w !== check);
          resolve();
        };
        referenceWaiters.push(check);
      });
    },
    telegramMessage(chatId, text) {
      telegramUpdates.push({
        update_id: telegramUpdates.length + 1,
        message: {
          message_id: telegramUpdates.length + 1,
          from: { id: chatId, is_bot: false, first_name: 'Awa' },
          chat: { id: chatId, first_name: 'Awa', type: 'private' },
          date: Math.floor(Date.now() / 1000),
          text,
        },
      });
    },
    mails,
    async close() {
      server.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => server.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
