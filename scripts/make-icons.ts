// Generates the tray and app icons from the SVG sources in build/icons/src (run after editing
// them: `npm run icons`; the outputs are committed). Colour PNGs at 16 and 32 px with @2x,
// macOS template images (black body, transparent glyph), Windows .ico files, the app icon.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const ICONS = fileURLToPath(new URL('../build/icons/', import.meta.url));
const SOURCES = join(ICONS, 'src');

function png(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

/** An .ico holding PNG images (Windows Vista and later read these). */
function ico(images: readonly { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + i * 16;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

for (const file of readdirSync(SOURCES).filter((f) => /^tray-.*\.svg$/.test(f))) {
  const name = file.replace(/\.svg$/, '');
  const svg = readFileSync(join(SOURCES, file), 'utf8');
  const template = svg.replace(/fill="#[0-9a-fA-F]{6}" mask=/, 'fill="#000000" mask=');
  writeFileSync(join(ICONS, `${name}.png`), png(svg, 16));
  writeFileSync(join(ICONS, `${name}@2x.png`), png(svg, 32));
  writeFileSync(join(ICONS, `${name}-32.png`), png(svg, 32));
  writeFileSync(join(ICONS, `${name}-32@2x.png`), png(svg, 64));
  // macOS: names ending in "Template" are drawn by the system in the menu bar's colour.
  writeFileSync(join(ICONS, `${name}Template.png`), png(template, 16));
  writeFileSync(join(ICONS, `${name}Template@2x.png`), png(template, 32));
  writeFileSync(
    join(ICONS, `${name}.ico`),
    ico([16, 24, 32, 48].map((size) => ({ size, data: png(svg, size) }))),
  );
}

const app = readFileSync(join(SOURCES, 'app-icon.svg'), 'utf8');
writeFileSync(join(ICONS, '..', 'icon.png'), png(app, 512));
writeFileSync(
  join(ICONS, '..', 'icon.ico'),
  ico([16, 32, 48, 256].map((size) => ({ size, data: png(app, size) }))),
);
console.log('icons written to build/');
