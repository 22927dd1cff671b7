// Builds src/core/normalize/id-regions.json, the directory of Indonesia's regencies, districts and
// villages that the address normalizer snaps OCR reads to, from the npm package idn-area-data
// (data under the Open Database License 1.0; see docs/third-party.md).
//   npx tsx scripts/data/make-id-regions.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseCsv } from '../../src/core/export/csv';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('idn-area-data/package.json'));
const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string })
  .version;

/** Rows of a CSV file after its header line; fields may be quoted ("Lubuk Pakam I,II", "Soka""an"). */
function rows(file: string): string[][] {
  const text = readFileSync(join(pkgDir, 'data', file), 'utf8');
  return parseCsv(text.replace(/\r?\n/g, '\r\n'), ',')
    .slice(1)
    .filter((r) => r.some((c) => c.trim()));
}

const upper = (s: string) => s.toUpperCase().replace(/\s+/g, ' ').trim();

// A permit prints the regency as "KAB. BADUNG" or "KOTA DENPASAR" (Jakarta's "Kota Administrasi"
// too: "KOTA JAKARTA SELATAN").
const regencies: [string, string][] = [];
const regencyIndex = new Map<string, number>();
for (const [code, , name] of rows('regencies.csv')) {
  const m = /^(Kabupaten|Kota)(?: Administrasi)? (.+)$/.exec(name!);
  if (!m) throw new Error(`unexpected regency name: ${name}`);
  regencyIndex.set(code!, regencies.length);
  regencies.push([m[1] === 'Kota' ? 'KOTA' : 'KAB.', upper(m[2]!)]);
}

const villagesOf = new Map<string, string[]>();
for (const [, districtCode, name] of rows('villages.csv')) {
  const list = villagesOf.get(districtCode!) ?? [];
  list.push(upper(name!));
  villagesOf.set(districtCode!, list);
}

const districts: [number, string, string][] = [];
for (const [code, regencyCode, name] of rows('districts.csv')) {
  const regency = regencyIndex.get(regencyCode!);
  if (regency === undefined) throw new Error(`district ${code} of unknown regency ${regencyCode}`);
  districts.push([regency, upper(name!), (villagesOf.get(code!) ?? []).join('|')]);
}

const out = join(dirname(new URL(import.meta.url).pathname), '../../src/core/normalize/id-regions.json');
writeFileSync(
  out,
  JSON.stringify({ source: `idn-area-data ${version}, ODbL 1.0`, regencies, districts }) + '\n',
);
console.log(
  `${regencies.length} regencies, ${districts.length} districts, ${villagesOf.size} districts with villages -> ${out}`,
);
