// How often the checks for tilt left after straightening fire: locates each photo as reading does
// (`locateInPhoto`), detects the straightened page's lines and prints every photo or frame whose
// long lines still share a tilt (`residualTilt`), with that tilt, or still fan out from one point
// (`residualKeystone`), with the levelled page's size.
//
//   npx tsx scripts/eval/tilt-check.ts SET_DIR [...]
import { readFile } from 'node:fs/promises';
import { createNodeEngines } from '../../src/engine/node/engines';
import { locateInPhoto } from '../../src/core/read-document';
import { residualKeystone, residualTilt } from '../../src/core/locate/residual-tilt';
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
let levelled = 0;
for (const dir of dirs) {
  for (const { id, file, truth } of loadSet(dir)) {
    if (truth.tier !== 'photo' && truth.tier !== 'webcam') continue;
    const decoded = await engines.decoder.decode(new Uint8Array(await readFile(file)), DEFAULT_LIMITS);
    const located = await locateInPhoto(decoded.raster, engines);
    total++;
    if (!located.found) continue;
    const rects = await detectLines(located.raster, engines.detector, 960);
    const tilt = residualTilt(rects);
    if (tilt !== null) {
      turned++;
      process.stdout.write(`${dir}/${id}: turned level by ${tilt.toFixed(1)}°\n`);
      continue;
    }
    const keystone = residualKeystone(rects, located.raster.width, located.raster.height);
    if (keystone) {
      levelled++;
      const { width, height } = located.raster;
      process.stdout.write(
        `${dir}/${id}: keystone levelled, ${width}x${height} -> ${keystone.width}x${keystone.height}\n`,
      );
    }
  }
}
process.stdout.write(
  `${total} photos and frames: ${turned} turned level, ${levelled} keystones levelled after straightening\n`,
);
await engines.close();
