// The engine's config as the user chose it: the second opinion follows the settings, and the
// user's own services are asked about only with their own opt-in.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../main/engine/catalog';
import { configFromSettings } from '../../../../main/shell/engine-config';
import { ownServiceDefinition } from '../../../../shared/own-service';
import { defaultSettings, salvageSettings } from '../../../../shared/settings-schema';

const shop = ownServiceDefinition(
  { name: 'My shop', url: 'https://shop.example/', expectStatus: null },
  [],
);

describe('the second opinion in the app', () => {
  it('is on for the built-in catalog, with the country from the settings', () => {
    const settings = { ...defaultSettings(), secondOpinion: { enabled: true, country: 'CI' } };
    const config = configFromSettings(defaultConfig(), settings);
    expect(config.secondOpinion).toMatchObject({ enabled: true, country: 'CI' });
  });

  it('turned off in the settings, nothing is ever asked', () => {
    const settings = { ...defaultSettings(), secondOpinion: { enabled: false, country: null } };
    expect(configFromSettings(defaultConfig(), settings).secondOpinion).toBeUndefined();
  });

  it("the user's own services need their own opt-in: their addresses would leave the machine", () => {
    const config = (own: typeof shop) =>
      configFromSettings(defaultConfig(), { ...defaultSettings(), customServices: [own] });
    expect(config(shop).services.find((s) => s.id === shop.id)?.secondOpinion).toBe(false);
    expect(
      config({ ...shop, secondOpinion: true }).services.find((s) => s.id === shop.id)
        ?.secondOpinion,
    ).toBe(true);
    // Catalog services follow the file's choice.
    expect(config(shop).services.find((s) => s.id === 'whatsapp')?.secondOpinion).toBeUndefined();
  });

  it('a bad country in a settings file is reset, and the rest is kept', () => {
    const { settings, problems } = salvageSettings({
      intervalSeconds: 120,
      secondOpinion: { enabled: true, country: 'Ivory Coast' },
    });
    expect(settings.intervalSeconds).toBe(120);
    expect(settings.secondOpinion).toEqual({ enabled: true, country: null });
    expect(problems.join()).toContain('secondOpinion');
  });
});

describe('low data', () => {
  it('checks every 5 minutes at least; resting probes rest 4× longer, status pages a day', () => {
    const catalog = defaultConfig();
    const low = configFromSettings(catalog, { ...defaultSettings(), lowData: true });
    expect(low.intervalSeconds).toBe(300);
    // A longer interval chosen by the user stays.
    expect(
      configFromSettings(catalog, { ...defaultSettings(), lowData: true, intervalSeconds: 900 })
        .intervalSeconds,
    ).toBe(900);
    const whatsapp = (config: typeof catalog) =>
      config.services.find((s) => s.id === 'whatsapp')!.probes;
    const before = whatsapp(catalog);
    const after = whatsapp(low);
    after.forEach((probe, i) => {
      const was = before[i]!.everySeconds;
      // Every probe is kept; one that checked each cycle still does.
      expect(probe.kind).toBe(before[i]!.kind);
      if (was === undefined) expect(probe.everySeconds).toBeUndefined();
      // Status pages once a day (a failing direct probe still reads them at once).
      else if (probe.kind === 'metastatus') expect(probe.everySeconds).toBe(86_400);
      else expect(probe.everySeconds).toBe(Math.min(86_400, Math.max(3600, was * 4)));
    });
    // Off by default: the catalog as shipped.
    expect(configFromSettings(catalog, defaultSettings()).intervalSeconds).toBe(
      defaultSettings().intervalSeconds,
    );
  });
});

describe('public context in the app', () => {
  it('is on by default for the built-in catalog, in the second opinion’s country', () => {
    const settings = { ...defaultSettings(), secondOpinion: { enabled: true, country: 'CI' } };
    const config = configFromSettings(defaultConfig(), settings);
    expect(config.context).toMatchObject({ enabled: true, country: 'CI' });
    expect(config.services.find((s) => s.id === 'whatsapp')?.context).toEqual({
      ooni: { test: 'whatsapp' },
      routes: ['129.134.30.0/23', '185.89.218.0/23'],
    });
  });

  it('turned off, nothing is asked; in low-data mode only when the user says so', () => {
    const off = { ...defaultSettings(), context: { enabled: false, lowData: false } };
    expect(configFromSettings(defaultConfig(), off).context).toBeUndefined();
    const lowData = { ...defaultSettings(), lowData: true };
    expect(configFromSettings(defaultConfig(), lowData).context).toBeUndefined();
    const asked = { ...lowData, context: { enabled: true, lowData: true } };
    expect(configFromSettings(defaultConfig(), asked).context).toMatchObject({ enabled: true });
  });

  it("the user's own services are never asked about, even one that names a context", () => {
    const own = { ...shop, context: { ooni: { test: 'whatsapp' as const } } };
    const config = configFromSettings(defaultConfig(), {
      ...defaultSettings(),
      customServices: [own],
    });
    expect(config.services.find((s) => s.id === shop.id)?.context).toBeUndefined();
  });
});
