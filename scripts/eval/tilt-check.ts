// How often the check for tilt left after straightening fires: locates each photo as reading does
// (`locateInPhoto`), detects the straightened page's lines and prints every photo or frame whose
// long lines still share a tilt (`residualTilt`), with that tilt.
//
//   npx tsx scripts/eval/tilt-check.ts SET_DIR [...]
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createNodeEngines } from '../../src/engine/node/engines';
import { locateInPhoto } from '../../src/core/read-document';
import { residualTilt } from '../../src/core/locate/residual-tilt';
import { detectLines } from '../../src/core/text-lines';
import { DEFAULT_LIMITS } from '../../src/core/ports';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  process.stderr.write('usage: npx tsx scripts/eval/tilt-check.ts SET_DIR [...]\n');
  process.exit(2);
}
const engines = await createNodeEngines();
let total = 0;
let turned = 0;
for (const dir of dirs) {
  const truths = (await readdir(dir)).filter((f) => f.endsWith('.truth.json')).sort();
  for (const t of truths) {
    const truth = JSON.parse(await readFile(join(dir, t), 'utf8')) as {
      id: string;
      file: string;
      tier: string;
    };
    if (truth.tier !== 'photo' && truth.tier !== 'webcam') continue;
    const decoded = await engines.decoder.decode(
      new Uint8Array(await readFile(join(dir, truth.file))),
      DEFAULT_LIMITS,
    );
    const located = await locateInPhoto(decoded.raster, engines);
    const tilt = located.found
      ? residualTilt(await detectLines(located.raster, engines.detector, 960))
      : null;
    total++;
    if (tilt !== null) {
      turned++;
      process.stdout.write(`${dir}/${truth.id}: turned level by ${tilt.toFixed(1)}°\n`);
    }
  }
}
process.stdout.write(`${total} photos and frames, ${turned} turned level after straightening\n`);
await engines.close();
