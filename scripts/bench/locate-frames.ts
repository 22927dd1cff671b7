// npx tsx scripts/bench/locate-frames.ts [--set DIR] [--limit N] [--backend wasm|node] [--side 640]
// Times the live-camera path per frame: locate (detector on a small frame + edges + outline) and the
// quality check, on frames scaled to 640x480 as the camera view sends them to the worker. The wasm
// backend is onnxruntime-web's (the browser worker's engine) run in Node, single-threaded.
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createOnnxRunner, type OrtLike } from '../../src/engine/onnx-runner';
import { DETECTOR_MODEL_PATH } from '../../src/engine/node/engines';
import { locateDocument, LIVE_LOCATE_OPTIONS } from '../../src/core/locate/locate';
import type { Raster, TensorRunner } from '../../src/core/ports';
import { intFlag, parseFlags, strFlag } from '../eval/args';

const flags = parseFlags(process.argv.slice(2), {
  set: 'value',
  limit: 'value',
  backend: 'value',
  side: 'value',
});
const dir = path.resolve(strFlag(flags, 'set') ?? 'e2e/fixtures');
const limit = intFlag(flags, 'limit') ?? 20;
const backend = strFlag(flags, 'backend') ?? 'wasm';
const side = intFlag(flags, 'side') ?? LIVE_LOCATE_OPTIONS.analysisSide;

async function detector(): Promise<TensorRunner> {
  const model = new Uint8Array(readFileSync(DETECTOR_MODEL_PATH));
  if (backend === 'node') {
    const ort = (await import('onnxruntime-node')) as unknown as OrtLike;
    return createOnnxRunner(ort, model, {
      sessionOptions: { intraOpNumThreads: 1, interOpNumThreads: 1 },
      backendLabel: 'onnxruntime-node-1t',
    });
  }
  const ort = (await import('onnxruntime-web/wasm')) as unknown as OrtLike & {
    env: { wasm: { numThreads: number } };
  };
  ort.env.wasm.numThreads = 1;
  return createOnnxRunner(ort, model, { sessionOptions: {}, backendLabel: 'wasm-1t' });
}

async function frame(file: string): Promise<Raster> {
  const { data, info } = await sharp(file)
    .rotate()
    .resize({ width: 640, height: 480, fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
  };
}

const files = readdirSync(dir)
  .filter((f) => /\.(png|jpe?g)$/i.test(f))
  .sort()
  .slice(0, limit)
  .map((f) => path.join(dir, f));
if (!files.length) throw new Error(`no images in ${dir}`);
const det = await detector();
const times: number[] = [];
const cpuTimes: number[] = [];
const detTimes: number[] = [];
const timed: TensorRunner = {
  backend: det.backend,
  async run(input, dims) {
    const t = performance.now();
    const out = await det.run(input, dims);
    detTimes.push(performance.now() - t);
    return out;
  },
};
// Warm-up (session and JIT).
await locateDocument(await frame(files[0]!), timed, { ...LIVE_LOCATE_OPTIONS, analysisSide: side });
detTimes.length = 0;
for (const f of files) {
  const r = await frame(f);
  for (let rep = 0; rep < 3; rep++) {
    const t = performance.now();
    const c0 = process.cpuUsage();
    const loc = await locateDocument(r, timed, { ...LIVE_LOCATE_OPTIONS, analysisSide: side });
    times.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
    if (rep === 0) {
      process.stdout.write(
        `${path.basename(f).padEnd(28)} ${loc.corners ? 'outline' : loc.found ? 'text   ' : 'none   '} ${loc.quality.issues.join(',') || 'ok'}\n`,
      );
    }
  }
}
const q = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]! : 0;
process.stdout.write(
  `\n${det.backend}, analysis side ${side}, ${files.length} frames x3: locate+quality p50 ${q(times, 0.5).toFixed(1)} ms, p95 ${q(times, 0.95).toFixed(1)} ms wall; CPU p50 ${q(cpuTimes, 0.5).toFixed(1)} ms, p95 ${q(cpuTimes, 0.95).toFixed(1)} ms (load average ${os.loadavg()[0]!.toFixed(1)}); detector runs ${detTimes.length}\n`,
);
