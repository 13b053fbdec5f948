import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogSink } from '../../../../main/log/logger';
import { logUncaught } from '../../../../main/log/process-handlers';

const START = new Date(2021, 9, 4, 15, 39, 0).getTime(); // local time: files are named by local day
const DAY = 24 * 60 * 60 * 1000;

describe('the log file', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-log-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes one line per event with its time, level, logger name and error', () => {
    const dir = join(tempDir(), 'logs');
    const sink = new LogSink({ dir, now: () => START });
    sink.logger('engine').info('cycle done', { services: 17 });
    sink
      .logger('history')
      .error('write failed', Object.assign(new Error('no space'), { code: 'ENOSPC' }));

    expect(readdirSync(dir)).toEqual(['vigie-2021-10-04.log']);
    const lines = readFileSync(sink.currentFile(), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(`${new Date(START).toISOString()} INFO  [engine] cycle done services=17`);
    expect(lines[1]).toContain('ERROR [history] write failed — ENOSPC: no space');
  });

  it('starts a new file each day and keeps the last 14', () => {
    const dir = tempDir();
    let now = START;
    const sink = new LogSink({ dir, now: () => now });
    for (let day = 0; day < 20; day++) {
      now = START + day * DAY;
      sink.logger('app').info(`day ${day}`);
    }
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(14);
    expect(files[0]).toBe('vigie-2021-10-10.log');
    expect(files.at(-1)).toBe('vigie-2021-10-23.log');
    expect(readFileSync(join(dir, 'vigie-2021-10-23.log'), 'utf8')).toContain('day 19');
  });

  it('never writes a known secret, a URL password, a bot token or a bearer token', () => {
    const dir = tempDir();
    const sink = new LogSink({ dir, now: () => START });
    sink.redactor.addSecret('s3cr3t-smtp-pass');
    const log = sink.logger('alerts');
    log.warn('login refused for s3cr3t-smtp-pass');
    log.error('post failed', new Error('fetch https://bot:hunter2@example.test/x failed'));
    log.info('POST https://api.telegram.org/bot123456:AAE-xyz_789/sendMessage');
    log.info('header Authorization: Bearer tk_abcdef123');
    log.info('GET https://ntfy.example/topic?auth=x&token=abc123');
    log.info('hook https://hooks.slack.com/services/T000/B000/XXXXXXXX');

    const text = readFileSync(sink.currentFile(), 'utf8');
    for (const secret of [
      's3cr3t-smtp-pass',
      'hunter2',
      'AAE-xyz_789',
      'tk_abcdef123',
      'abc123',
      'XXXXXXXX',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('https://***@example.test');
    expect(text).toContain('/bot***/sendMessage');
  });

  it('gives the last lines across files for diagnostics', () => {
    const dir = tempDir();
    let now = START;
    const sink = new LogSink({ dir, now: () => now });
    for (let i = 0; i < 5; i++) sink.logger('a').info(`yesterday ${i}`);
    now += DAY;
    for (let i = 0; i < 3; i++) sink.logger('a').info(`today ${i}`);
    const tail = sink.tail(4);
    expect(tail).toHaveLength(4);
    expect(tail[0]).toContain('yesterday 4');
    expect(tail[3]).toContain('today 2');
  });

  it('keeps going when its folder cannot be written, and writes again once it can', () => {
    const parent = tempDir();
    const dir = join(parent, 'logs');
    writeFileSync(dir, 'a file where the folder should be');
    const sink = new LogSink({ dir, now: () => START });
    expect(() => sink.logger('a').error('lost', new Error('x'))).not.toThrow();
    rmSync(dir);
    sink.logger('a').info('kept');
    expect(readFileSync(sink.currentFile(), 'utf8')).toContain('kept');
  });
});

describe('uncaught failures', () => {
  it('land in the log, and an uncaught exception reaches the fatal handler', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-log-'));
    try {
      const sink = new LogSink({ dir, now: () => START });
      const listeners = new Map<string, (value: never) => void>();
      const fatal: Error[] = [];
      logUncaught(
        { on: (event: string, listener: (value: never) => void) => listeners.set(event, listener) },
        sink.logger('process'),
        (error) => fatal.push(error),
      );
      listeners.get('unhandledRejection')?.(new Error('socket hang up') as never);
      listeners.get('uncaughtException')?.(new TypeError('x is undefined') as never);
      const text = readFileSync(sink.currentFile(), 'utf8');
      expect(text).toContain('unhandled promise rejection — socket hang up');
      expect(text).toContain('uncaught exception — x is undefined');
      expect(fatal.map((e) => e.message)).toEqual(['x is undefined']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
