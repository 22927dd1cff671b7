// How often the check for tilt left after straightening fires: locates each photo as reading does
// (`locateInPhoto`), detects the straightened page's lines and prints every photo or frame whose
// long lines still share a tilt (`residualTilt`), with that tilt.
//
//   npx tsx scripts/eval/tilt-check.ts SET_DIR [...]
import { readFile } from 'node:fs/promises';
import { createNodeEngines } from '../../src/engine/node/engines';
import { locateInPhoto } from '../../src/core/read-document';
import { residualTilt } from '../../src/core/locate/residual-tilt';
import { detectLines } from '../../src/core/text-lines';
import { DEFAULT_LIMITS } from '../../src/core/ports';
import { loadSet } from './dataset';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  process.stderr.write('usage: npx tsx scripts/eval/tilt-check.ts SET_DIR [...]\n');
  process.exit(2);
}
const engines = await createNodeEngines();
let total = 0;
let turned = 0;
for (const dir of dirs) {
  for (const { id, file, truth } of loadSet(dir)) {
    if (truth.tier !== 'photo' && truth.tier !== 'webcam') continue;
    const decoded = await engines.decoder.decode(new Uint8Array(await readFile(file)), DEFAULT_LIMITS);
    const located = await locateInPhoto(decoded.raster, engines);
    const tilt = located.found
      ? residualTilt(await detectLines(located.raster, engines.detector, 960))
      : null;
    total++;
    if (tilt !== null) {
      turned++;
      process.stdout.write(`${dir}/${id}: turned level by ${tilt.toFixed(1)}°\n`);
    }
  }
}
process.stdout.write(`${total} photos and frames, ${turned} turned level after straightening\n`);
await engines.close();
