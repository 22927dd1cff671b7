// Line accuracy of the app's PP-OCR recognizer (decoding included) on line crops made by
// `rec-lines.ts`: exact lines and character error rate per tier.
//
//   npx tsx scripts/models/rec-line-eval.ts [--model models/ppocr-v4-rec.onnx] [--docs REGEX] [--space P] [--once] LINES_DIR [...]
//
// --space 0.02 decodes as the app decoded the pretrained model (word gaps from the space-class
// probability); --once reads each line once (no stretched retry of unsure lines: the weights
// alone); SHOW=TIER prints that tier's wrong lines.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import * as ort from 'onnxruntime-node';
import {
  createOnnxRunner,
  QUANTIZED_WEIGHTS_SESSION_OPTIONS,
  type OrtLike,
} from '../../src/engine/onnx-runner';
import { createPpocrRecognizer, parseDictionary } from '../../src/core/recognize/ppocr-recognizer';
import { RECOGNIZER_DICTIONARY_PATH, RECOGNIZER_MODEL_PATH } from '../../src/engine/node/engines';
import { editDistance } from '../eval/metrics';

const { values, positionals } = parseArgs({
  options: {
    model: { type: 'string', default: RECOGNIZER_MODEL_PATH },
    docs: { type: 'string', default: '' },
    space: { type: 'string' },
    once: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const runner = await createOnnxRunner(
  ort as unknown as OrtLike,
  new Uint8Array(await readFile(values.model)),
  {
    sessionOptions: { intraOpNumThreads: 2, interOpNumThreads: 1, ...QUANTIZED_WEIGHTS_SESSION_OPTIONS },
    backendLabel: 'onnxruntime-node-cpu',
  },
);
const recognizer = createPpocrRecognizer(runner, {
  dictionary: parseDictionary(await readFile(RECOGNIZER_DICTIONARY_PATH, 'utf8')),
  ...(values.space ? { gapSpaceProbability: Number(values.space) } : {}),
  ...(values.once ? { stretchedRetry: false as const } : {}),
});
const docs = new RegExp(values.docs);

const stats = new Map<string, { n: number; exact: number; edits: number; chars: number }>();
for (const dir of positionals) {
  const rows = (await readFile(join(dir, 'labels.tsv'), 'utf8')).split('\n').filter(Boolean);
  for (const row of rows) {
    const [file, truth, doc, tier] = row.split('\t') as [string, string, string, string];
    if (!docs.test(doc)) continue;
    const { data, info } = await sharp(join(dir, 'img', file))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raster = {
      width: info.width,
      height: info.height,
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    };
    const read = (await recognizer.recognize(raster, { mode: 'line' })).text.replace(/ +/g, ' ').trim();
    if (process.env.SHOW && read !== truth && tier === process.env.SHOW)
      process.stdout.write(`${JSON.stringify(truth)} -> ${JSON.stringify(read)}\n`);
    for (const key of ['all', tier]) {
      const s = stats.get(key) ?? { n: 0, exact: 0, edits: 0, chars: 0 };
      s.n++;
      s.exact += read === truth ? 1 : 0;
      s.edits += editDistance(read, truth);
      s.chars += truth.length;
      stats.set(key, s);
    }
  }
}
for (const [key, s] of [...stats].sort()) {
  process.stdout.write(
    `${key.padEnd(8)} lines ${String(s.n).padStart(5)}  exact ${((100 * s.exact) / s.n).toFixed(1).padStart(5)}%  CER ${((100 * s.edits) / s.chars).toFixed(2)}%\n`,
  );
}
await runner.release();
