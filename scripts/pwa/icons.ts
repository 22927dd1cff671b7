// Renders the app icons (public/icons/*.png) from public/icons/icon.svg: `npx tsx scripts/pwa/icons.ts`.
// The PNGs are committed; rerun only when the SVG changes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/icons');
const svg = path.join(dir, 'icon.svg');

for (const size of [192, 512]) {
  await sharp(svg, { density: 300 })
    .resize(size, size)
    .png()
    .toFile(path.join(dir, `icon-${size}.png`));
}
// Maskable: the artwork inside the central 80% safe zone on a full-bleed background.
const inner = Math.round(512 * 0.8);
const art = await sharp(svg, { density: 300 }).resize(inner, inner).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#14213d' } })
  .composite([{ input: art, gravity: 'centre' }])
  .png()
  .toFile(path.join(dir, 'maskable-512.png'));
console.log('icons written to', dir);
