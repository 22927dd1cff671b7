// npx tsx scripts/bench/locate-frames.ts [--set DIR] [--limit N] [--backend wasm|node] [--side 640]
// Times the live-camera path per frame: locate (detector on a small frame + edges + outline) and the
// quality check, on frames scaled to 640x480 as the camera view sends them to the worker. The wasm
// backend is onnxruntime-web's (the browser worker's engine) run in Node, single-threaded.
// Each frame is judged as the camera view judges it (text size at the capture's resolution, the
// guide's card or page from the truth file beside it), and the view's hint for it once held steady
// is tallied: 'ready' frames are those auto-capture takes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createOnnxRunner, type OrtLike } from '../../src/engine/onnx-runner';
import { DETECTOR_MODEL_PATH } from '../../src/engine/node/engines';
import { locateDocument, LIVE_LOCATE_OPTIONS } from '../../src/core/locate/locate';
import type { Raster, TensorRunner } from '../../src/core/ports';
import { nextFeedback, INITIAL_FEEDBACK, type FrameReport, type Hint } from '../../src/app/camera/feedback';
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

interface Frame {
  raster: Raster;
  /** Capture width over preview width, as the camera view sends it (never under 1). */
  inputScale: number;
  kind: 'card' | 'page';
}

async function frame(file: string): Promise<Frame> {
  const { data, info } = await sharp(file)
    .rotate()
    .resize({ width: 640, height: 480, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const source = await sharp(file).rotate().metadata();
  const truthFile = file.replace(/\.(png|jpe?g)$/i, '.truth.json');
  const layout = existsSync(truthFile)
    ? (JSON.parse(readFileSync(truthFile, 'utf8')) as { layout?: string }).layout
    : undefined;
  return {
    raster: {
      width: info.width,
      height: info.height,
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    },
    inputScale: Math.max(1, (source.autoOrient?.width ?? source.width ?? info.width) / info.width),
    kind: layout === 'page' || (!layout && /page/i.test(path.basename(file))) ? 'page' : 'card',
  };
}

/** The camera view's hint for a frame seen twice in a row (steady). */
function steadyHint(report: FrameReport): Hint {
  const first = nextFeedback(INITIAL_FEEDBACK, report, 0);
  return nextFeedback(first.state, report, 100).hint;
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
const liveOptions = (f: Frame) => ({
  ...LIVE_LOCATE_OPTIONS,
  analysisSide: side,
  inputScale: f.inputScale,
  documentKind: f.kind,
});
// Warm-up (session and JIT).
const first = await frame(files[0]!);
await locateDocument(first.raster, timed, liveOptions(first));
detTimes.length = 0;
const hints = new Map<Hint, number>();
for (const f of files) {
  const fr = await frame(f);
  for (let rep = 0; rep < 3; rep++) {
    const t = performance.now();
    const c0 = process.cpuUsage();
    const loc = await locateDocument(fr.raster, timed, liveOptions(fr));
    times.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
    if (rep === 0) {
      const hint = steadyHint({
        corners: loc.corners,
        issues: loc.quality.issues,
        sharpness: loc.quality.sharpness,
        width: fr.raster.width,
        height: fr.raster.height,
        ms: 0,
      });
      hints.set(hint, (hints.get(hint) ?? 0) + 1);
      process.stdout.write(
        `${path.basename(f).padEnd(28)} ${fr.kind.padEnd(4)} ${loc.corners ? 'outline' : loc.found ? 'text   ' : 'none   '} ` +
          `sharpness ${loc.quality.sharpness.toFixed(3)} ${(loc.quality.issues.join(',') || 'ok').padEnd(18)} -> ${hint}\n`,
      );
    }
  }
}
const q = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]! : 0;
process.stdout.write(
  `\nhints once steady: ${[...hints].map(([h, n]) => `${h} ${n}`).join(', ')} (ready: ${hints.get('ready') ?? 0} of ${files.length} frames would be captured)`,
);
process.stdout.write(
  `\n${det.backend}, analysis side ${side}, ${files.length} frames x3: locate+quality p50 ${q(times, 0.5).toFixed(1)} ms, p95 ${q(times, 0.95).toFixed(1)} ms wall; CPU p50 ${q(cpuTimes, 0.5).toFixed(1)} ms, p95 ${q(cpuTimes, 0.95).toFixed(1)} ms (load average ${os.loadavg()[0]!.toFixed(1)}); detector runs ${detTimes.length}\n`,
);
