// The committed icons exist for every tray state and platform, at the sizes the shell asks for.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ICONS = fileURLToPath(new URL('../../../build/icons/', import.meta.url));
const STATES = ['ok', 'degraded', 'outage', 'offline', 'paused'];

function pngSize(file: string): [number, number] {
  const png = readFileSync(`${ICONS}${file}`);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe.each(STATES)('the %s icon', (state) => {
  it('has colour PNGs at 16 and 32 px with @2x, and macOS template images', () => {
    expect(pngSize(`tray-${state}.png`)).toEqual([16, 16]);
    expect(pngSize(`tray-${state}@2x.png`)).toEqual([32, 32]);
    expect(pngSize(`tray-${state}-32.png`)).toEqual([32, 32]);
    expect(pngSize(`tray-${state}-32@2x.png`)).toEqual([64, 64]);
    expect(pngSize(`tray-${state}Template.png`)).toEqual([16, 16]);
    expect(pngSize(`tray-${state}Template@2x.png`)).toEqual([32, 32]);
  });
  it('has a Windows .ico with 16, 24, 32 and 48 px images', () => {
    const ico = readFileSync(`${ICONS}tray-${state}.ico`);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    expect(Array.from({ length: count }, (_, i) => ico.readUInt8(6 + i * 16))).toEqual([
      16, 24, 32, 48,
    ]);
  });
});

it('no two states share an icon', () => {
  const images = STATES.map((s) =>
    readFileSync(`${ICONS}tray-${s}Template@2x.png`).toString('base64'),
  );
  expect(new Set(images).size).toBe(STATES.length);
});
