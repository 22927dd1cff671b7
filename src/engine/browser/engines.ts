import type { Engines, TensorRunner } from '../../core/ports';
import { QUANTIZED_WEIGHTS_SESSION_OPTIONS, createOnnxRunner, type OrtLike } from '../onnx-runner';
import { createTesseractRecognizer } from '../tesseract-recognizer';
import { createBrowserImageDecoder } from './image-decoder';
import { createBrowserPdfEngine } from './pdf-engine';
import { realGpuAdapter, wasmThreads } from './backend';
import detectorModelUrl from '../../../models/ppocr-v4-det.onnx?url';
import recognizerModelUrl from '../../../models/ppocr-v4-rec.onnx?url';
import recognizerDictionary from '../../../models/ppocr-keys-v1.txt?raw';
import { createPpocrRecognizer, parseDictionary } from '../../core/recognize/ppocr-recognizer';
import { createFallbackRecognizer } from '../../core/recognize/fallback-recognizer';
// Explicit wasm paths: without them a Vite-built worker can hang with more than one thread.
import ortWasmMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';

export interface BrowserEngines extends Engines {
  /** What actually runs the detector: 'webgpu', 'wasm-4t', 'wasm-2t', 'wasm-1t'. */
  backend: string;
  dispose(): Promise<void>;
}

export interface EngineOptions {
  /** Skip WebGPU even when a real adapter exists (tests, or a user's choice). */
  disableWebGpu?: boolean;
  onStatus?: (message: string) => void;
}

/** An absolute URL on the app's own origin (tesseract.js resolves relative paths against its worker). */
export function appUrl(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}${path}`, self.location.href).href;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function createWebGpuDetector(model: Uint8Array): Promise<TensorRunner & { release(): Promise<void> }> {
  // Loaded only when a real GPU exists: the WebGPU build brings its own (larger) wasm.
  const [ort, mjs, wasm] = await Promise.all([
    import('onnxruntime-web/webgpu'),
    import('onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url'),
    import('onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url'),
  ]);
  ort.env.wasm.wasmPaths = { mjs: mjs.default, wasm: wasm.default };
  ort.env.wasm.numThreads = wasmThreads();
  return createOnnxRunner(ort as unknown as OrtLike, model, {
    backendLabel: 'webgpu',
    sessionOptions: { executionProviders: ['webgpu'], graphOptimizationLevel: 'all' },
  });
}

async function createWasmRunner(
  model: Uint8Array,
  extraSessionOptions: Record<string, unknown> = {},
): Promise<TensorRunner & { release(): Promise<void> }> {
  const ort = await import('onnxruntime-web/wasm');
  const threads = wasmThreads();
  ort.env.wasm.wasmPaths = { mjs: ortWasmMjsUrl, wasm: ortWasmUrl };
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.proxy = false; // we already are in a worker
  return createOnnxRunner(ort as unknown as OrtLike, model, {
    backendLabel: `wasm-${threads}t`,
    sessionOptions: { executionProviders: ['wasm'], graphOptimizationLevel: 'all', ...extraSessionOptions },
  });
}

/** One tiny run, so the first real read does not pay for kernel compilation and buffer setup. */
async function warmUp(detector: TensorRunner): Promise<void> {
  const side = 64;
  await detector.run(new Float32Array(3 * side * side), [1, 3, side, side]);
}

/** Builds the engines once; the worker keeps them warm for every later read. */
export async function createBrowserEngines(options: EngineOptions = {}): Promise<BrowserEngines> {
  const status = options.onStatus ?? (() => undefined);
  const hc = navigator.hardwareConcurrency || 1;

  status('Loading the text recognizer');
  const recognizerPromise = createTesseractRecognizer({
    workerPath: appUrl('vendor/tesseract/worker.min.js'),
    corePath: appUrl('vendor/tesseract-core/'),
    langPath: appUrl('vendor/tessdata'),
    workers: Math.max(1, Math.min(2, hc)),
    cacheMethod: 'none',
    // A blob: worker would only importScripts() the same URL; the direct one is plainer under CSP.
    workerBlobURL: false,
  });

  status('Loading the text detector');
  const model = await fetchBytes(detectorModelUrl);
  let detector: TensorRunner & { release(): Promise<void> };
  const adapter = options.disableWebGpu ? null : await realGpuAdapter();
  if (adapter) {
    try {
      detector = await createWebGpuDetector(model);
      // Some failures only show on the first run (unsupported kernels): find out now, not mid-read.
      await warmUp(detector);
    } catch (err) {
      console.warn('WebGPU detector failed, using WASM:', (err as Error).message);
      detector = await createWasmRunner(model);
      await warmUp(detector);
    }
  } else {
    detector = await createWasmRunner(model);
    await warmUp(detector);
  }

  // The line recognizer for soft print runs on WASM in every case: its input width changes with
  // every line, which WebGPU would recompile for.
  status('Loading the line recognizer');
  let lineRunner: TensorRunner & { release(): Promise<void> };
  try {
    lineRunner = await createWasmRunner(
      await fetchBytes(recognizerModelUrl),
      QUANTIZED_WEIGHTS_SESSION_OPTIONS,
    );
  } catch (err) {
    await detector.release();
    throw err;
  }

  let recognizer: Awaited<typeof recognizerPromise>;
  try {
    recognizer = await recognizerPromise;
  } catch (err) {
    await Promise.allSettled([detector.release(), lineRunner.release()]);
    // tesseract.js rejects with whatever its worker posted (often not an Error): say what failed.
    const detail = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
    const what = detail ? `: ${detail}` : ' (its worker did not load)';
    throw new Error(`The text recognizer could not start${what}`, { cause: err });
  }

  return {
    decoder: createBrowserImageDecoder(),
    pdf: createBrowserPdfEngine(),
    detector,
    // tesseract reads every line; PP-OCR rereads the ones tesseract is unsure of (photos, webcam).
    recognizer: createFallbackRecognizer(
      recognizer,
      createPpocrRecognizer(lineRunner, { dictionary: parseDictionary(recognizerDictionary) }),
    ),
    backend: detector.backend,
    async dispose() {
      await Promise.allSettled([detector.release(), lineRunner.release(), recognizer.terminate()]);
    },
  };
}
