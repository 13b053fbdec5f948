// The preload exposes exactly one object, window.vigie, whose methods invoke the contract's
// channels — and the end-to-end bridge offers the same methods, so E2E tests the real surface.
import { describe, expect, it, vi } from 'vitest';
import { requests } from '../../../shared/ipc';

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

describe('the preload', () => {
  it('exposes one object, window.vigie, and no generic invoke', async () => {
    await import('../../../main/preload');
    expect(exposed.worlds.map(([name]) => name)).toEqual(['vigie']);
    const api = exposed.worlds[0]![1];
    expect(Object.keys(api)).not.toContain('invoke');
    await api['pause']!(123);
    await api['days']!('whatsapp', 90);
    expect(exposed.invoked).toEqual([
      ['engine:pause', { until: 123 }],
      ['history:days', { serviceId: 'whatsapp', days: 90 }],
    ]);
  });

  it('uses only channels of the contract, and the E2E bridge offers the same methods', async () => {
    const { BRIDGE } = await import('../../e2e/harness');
    const api = exposed.worlds[0]![1];
    const methods = Object.keys(api).sort();
    const bridged = [...BRIDGE.matchAll(/^\s{4}(\w+): \(/gm)].map((m) => m[1]).sort();
    expect(bridged).toEqual(methods);
    const channels = [...BRIDGE.matchAll(/invoke\('([a-z]+:[a-zA-Z]+)'/g)].map((m) => m[1]);
    for (const channel of channels) expect(Object.keys(requests)).toContain(channel);
  });
});
