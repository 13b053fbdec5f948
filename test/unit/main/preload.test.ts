// The preload exposes exactly one object, window.vigie, whose methods invoke the contract's
// channels — and the end-to-end bridge offers the same methods, so E2E tests the real surface.
// Both are made from one table (shared/ipc.ts); main packs and parses what they send.
import { describe, expect, it, vi } from 'vitest';
import { api, bridgeTable, parseCall, requests } from '../../../shared/ipc';

const exposed = vi.hoisted(() => ({
  worlds: [] as [string, Record<string, (...args: unknown[]) => unknown>][],
  invoked: [] as unknown[][],
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: Record<string, (...args: unknown[]) => unknown>) =>
      exposed.worlds.push([name, api]),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => (
      exposed.invoked.push(args),
      Promise.resolve({ ok: true, value: null })
    ),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

vi.mock('playwright-core', () => ({ chromium: {} }));

// What the build writes into the preload (electron.vite.config.ts's define).
vi.stubGlobal('__VIGIE_BRIDGE__', bridgeTable());

describe('the preload', () => {
  it('exposes one object, window.vigie, one method per call of the contract, and no generic invoke', async () => {
    await import('../../../main/preload');
    expect(exposed.worlds.map(([name]) => name)).toEqual(['vigie']);
    const vigie = exposed.worlds[0]![1];
    expect(Object.keys(vigie).sort()).toEqual([...Object.keys(api), 'onEvent'].sort());
    expect(Object.keys(vigie)).not.toContain('invoke');
    await vigie['pause']!(123);
    await vigie['days']!('whatsapp', 90);
    expect(exposed.invoked).toEqual([
      ['engine:pause', [123]],
      ['history:days', ['whatsapp', 90]],
    ]);
  });

  it('sends what main packs into the request the schema accepts', () => {
    expect(parseCall('engine:pause', [123])).toEqual({ ok: true, request: { until: 123 } });
    expect(parseCall('checklist:tick', ['run-1-chat', 'confirm', true])).toEqual({
      ok: true,
      request: { runId: 'run-1-chat', key: 'confirm', done: true },
    });
  });

  it('refuses what a hostile page could send: unknown channels, non-lists, bad fields', () => {
    expect(parseCall('fs:read', ['/etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'unknown channel fs:read' },
    });
    expect(parseCall('engine:pause', { until: 1 })).toMatchObject({ ok: false });
    expect(parseCall('history:daysMany', [42, 7])).toMatchObject({
      ok: false,
      error: { message: 'history:daysMany: unexpected arguments' },
    });
    expect(parseCall('history:days', ['../etc', 90])).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^history:days: serviceId: /) },
    });
  });

  it('the E2E bridge offers the same methods on the same channels', async () => {
    const { BRIDGE } = await import('../../e2e/harness');
    const page: Record<string, unknown> = {};
    const sent: unknown[][] = [];
    page['__vigieInvoke'] = async (...args: unknown[]) => sent.push(args);
    // The bridge is page script: run it against a stand-in window.
    new Function('window', 'performance', BRIDGE)(page, performance);
    const vigie = page['vigie'] as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const preload = exposed.worlds[0]![1];
    expect(Object.keys(vigie).sort()).toEqual(Object.keys(preload).sort());
    await vigie['days']!('whatsapp', 90);
    expect(sent).toEqual([['history:days', ['whatsapp', 90]]]);
    for (const [channel] of sent) expect(Object.keys(requests)).toContain(channel);
  });
});
