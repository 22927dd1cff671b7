// Runs the recognizer's frozen layers once over every line crop of `rec-lines.ts`, so that
// `finetune_rec.py train` trains the layers after them without running the backbone again.
//
//   npx tsx scripts/models/rec-features.ts MODEL_WITH_FEATURE_OUTPUT.onnx FEATURE_NAME LINES_DIR [...]
//
// The model is the float recognizer with FEATURE_NAME added as a graph output
// (`finetune_rec.py prepare`). Inputs are built by the app's own `toInputTensor`, so the features
// are those the app's recognizer computes. Writes LINES_DIR/features.bin (float32, each line's
// [C, H, W] tensor one after the other) and LINES_DIR/features.json (file, offset, dims per line).
import { readFile, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import * as ort from 'onnxruntime-node';
import { toInputTensor, PPOCR_REC_HEIGHT } from '../../src/core/recognize/ppocr-recognizer';

const [modelPath, featureName, ...dirs] = process.argv.slice(2);
if (!modelPath || !featureName || dirs.length === 0) {
  process.stderr.write(
    'usage: npx tsx scripts/models/rec-features.ts MODEL.onnx FEATURE_NAME LINES_DIR [...]\n',
  );
  process.exit(2);
}
const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 2 });
for (const dir of dirs) {
  const rows = (await readFile(join(dir, 'labels.tsv'), 'utf8')).split('\n').filter(Boolean);
  const out = await open(join(dir, 'features.bin'), 'w');
  const index: { file: string; offset: number; dims: number[] }[] = [];
  let offset = 0;
  const t0 = Date.now();
  for (const row of rows) {
    const file = row.split('\t')[0]!;
    const { data, info } = await sharp(join(dir, 'img', file))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.height !== PPOCR_REC_HEIGHT) throw new Error(`${file}: ${info.height} px high`);
    const raster = {
      width: info.width,
      height: info.height,
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    };
    const { tensor, width } = toInputTensor(raster);
    const result = await session.run({
      [session.inputNames[0]!]: new ort.Tensor('float32', tensor, [1, 3, PPOCR_REC_HEIGHT, width]),
    });
    const feature = result[featureName]!;
    const values = feature.data as Float32Array;
    await out.write(Buffer.from(values.buffer, values.byteOffset, values.byteLength));
    index.push({ file, offset, dims: feature.dims.slice(1).map(Number) });
    offset += values.byteLength;
  }
  await out.close();
  await writeFile(join(dir, 'features.json'), JSON.stringify(index));
  process.stdout.write(
    `${dir}: ${index.length} lines, ${(offset / 1e6).toFixed(0)} MB, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
  );
}
