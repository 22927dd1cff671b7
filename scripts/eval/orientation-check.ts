// How often the locator turns photos and webcam frames the right way: locates each one as reading
// does (`locateInPhoto`: working copy, full-resolution source, the recognizer's orientation vote)
// and compares its rotation with each truth file's quarter turns.
//
//   npx tsx scripts/eval/orientation-check.ts SET_DIR [...]
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createNodeEngines } from '../../src/engine/node/engines';
import { locateInPhoto } from '../../src/core/read-document';
import { DEFAULT_LIMITS } from '../../src/core/ports';

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
  const truths = (await readdir(dir)).filter((f) => f.endsWith('.truth.json')).sort();
  for (const t of truths) {
    const truth = JSON.parse(await readFile(join(dir, t), 'utf8')) as {
      id: string;
      file: string;
      tier: string;
      rotation?: number;
    };
    if (truth.tier !== 'photo' && truth.tier !== 'webcam') continue;
    const decoded = await engines.decoder.decode(
      new Uint8Array(await readFile(join(dir, truth.file))),
      DEFAULT_LIMITS,
    );
    const located = await locateInPhoto(decoded.raster, engines);
    const want = ((truth.rotation ?? 0) * 90) % 360;
    const ok = located.rotation === want;
    const decider = located.upsideDownBy ?? 'none';
    byDecider[decider] ??= { n: 0, wrong: 0 };
    byDecider[decider].n++;
    total++;
    if (!ok) {
      wrong++;
      byDecider[decider].wrong++;
      process.stdout.write(
        `${dir}/${truth.id}: turned ${located.rotation}°, truth ${want}° (by ${decider})\n`,
      );
    }
  }
}
process.stdout.write(
  `${total} photos and frames, ${wrong} turned wrong; by decider: ${JSON.stringify(byDecider)}\n`,
);
await engines.close();
