// How often the locator turns photos and webcam frames the right way: locates each one as reading
// does (`locateInPhoto`: working copy, full-resolution source, the recognizer's orientation vote)
// and compares its rotation with each truth file's quarter turns.
//
//   npx tsx scripts/eval/orientation-check.ts SET_DIR [...]
import { readFile } from 'node:fs/promises';
import { createNodeEngines } from '../../src/engine/node/engines';
import { locateInPhoto } from '../../src/core/read-document';
import { DEFAULT_LIMITS } from '../../src/core/ports';
import { loadSet } from './dataset';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  process.stderr.write('usage: npx tsx scripts/eval/orientation-check.ts SET_DIR [...]\n');
  process.exit(2);
}
const engines = await createNodeEngines();
let total = 0;
let wrong = 0;
const byDecider: Record<string, { n: number; wrong: number }> = {};
for (const dir of dirs) {
  for (const { id, file, truth } of loadSet(dir)) {
    if (truth.tier !== 'photo' && truth.tier !== 'webcam') continue;
    const decoded = await engines.decoder.decode(new Uint8Array(await readFile(file)), DEFAULT_LIMITS);
    const located = await locateInPhoto(decoded.raster, engines);
    const want = ((Number(truth.rotation) || 0) * 90) % 360;
    const ok = located.rotation === want;
    const decider = located.upsideDownBy ?? 'none';
    byDecider[decider] ??= { n: 0, wrong: 0 };
    byDecider[decider].n++;
    total++;
    if (!ok) {
      wrong++;
      byDecider[decider].wrong++;
      process.stdout.write(`${dir}/${id}: turned ${located.rotation}°, truth ${want}° (by ${decider})\n`);
    }
  }
}
process.stdout.write(
  `${total} photos and frames, ${wrong} turned wrong; by decider: ${JSON.stringify(byDecider)}\n`,
);
await engines.close();
