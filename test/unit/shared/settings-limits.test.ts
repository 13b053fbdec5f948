// The settings stay small and what is valid is kept, element by element.
import { describe, expect, it } from 'vitest';
import { requests } from '../../../shared/ipc';
import { ownServiceDefinition } from '../../../shared/own-service';
import { salvageSettings } from '../../../shared/settings-schema';

const own = (name: string) =>
  ownServiceDefinition(
    { name, url: `https://${name.toLowerCase()}.example/`, expectStatus: null },
    [],
  );

describe('salvage, element by element', () => {
  it('one invalid own service drops that service only', () => {
    const { settings, problems } = salvageSettings({
      customServices: [own('Shop'), { id: 'BAD ID', name: '' }, own('Blog')],
    });
    expect(settings.customServices.map((s) => s.name)).toEqual(['Shop', 'Blog']);
    expect(problems.join()).toContain('customServices');
  });

  it('one bad field of a per-service choice loses that field only', () => {
    const { settings } = salvageSettings({
      services: {
        whatsapp: { muted: true },
        facebook: { muted: 'yes' },
        slack: { enabled: false },
      },
    });
    expect(settings.services).toEqual({
      whatsapp: { muted: true },
      facebook: { muted: false },
      slack: { enabled: false, muted: false },
    });
  });
});

describe('bounds over IPC (settings:set)', () => {
  const patch = requests['settings:set'];
  it('refuses a 10 MiB key, 20,000 own services and a window a million pixels away', () => {
    expect(
      patch.safeParse({ services: { ['x'.repeat(10 * 1024 * 1024)]: { muted: true } } }).success,
    ).toBe(false);
    expect(
      patch.safeParse({ customServices: Array.from({ length: 20_000 }, () => own('Shop')) })
        .success,
    ).toBe(false);
    expect(patch.safeParse({ window: { width: 960, height: 680, x: -1e9 } }).success).toBe(false);
    expect(patch.safeParse({ window: { width: 960, height: 680, x: -1200, y: 40 } }).success).toBe(
      true,
    );
  });
});
