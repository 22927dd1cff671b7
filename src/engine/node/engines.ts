import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import type { Engines } from '../../core/ports';
import { createOnnxRunner, type OrtLike } from '../onnx-runner';
import { createTesseractRecognizer } from '../tesseract-recognizer';
import { createSharpDecoder } from './image-decoder';
import { createNodePdfEngine } from './pdf-engine';

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DETECTOR_MODEL_PATH = path.join(repoRoot, 'models/ppocr-v4-det.onnx');

export interface NodeEngines extends Engines {
  close(): Promise<void>;
}

export interface NodeEngineOptions {
  recognizerWorkers?: number;
  threads?: number;
}

/** The Node adapters: onnxruntime-node for the detector, tesseract.js for text, sharp, pdf.js. */
export async function createNodeEngines(options: NodeEngineOptions = {}): Promise<NodeEngines> {
  const threads = options.threads ?? Math.max(1, Math.min(4, os.availableParallelism()));
  const ort = (await import('onnxruntime-node')) as unknown as OrtLike;
  const model = await readFile(DETECTOR_MODEL_PATH);
  const detector = await createOnnxRunner(ort, new Uint8Array(model), {
    sessionOptions: { intraOpNumThreads: threads, interOpNumThreads: 1 },
    backendLabel: 'onnxruntime-node-cpu',
  });
  const langPath = path.join(
    path.dirname(require.resolve('@tesseract.js-data/eng/package.json')),
    '4.0.0_best_int',
  );
  const recognizer = await createTesseractRecognizer({
    langPath,
    workers: options.recognizerWorkers ?? threads,
    cacheMethod: 'none',
  });
  return {
    decoder: createSharpDecoder(),
    pdf: createNodePdfEngine(),
    detector,
    recognizer,
    async close() {
      await Promise.all([recognizer.terminate(), detector.release()]);
    },
  };
}
