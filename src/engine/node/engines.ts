import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import type { Engines, TextRecognizer } from '../../core/ports';
import { QUANTIZED_WEIGHTS_SESSION_OPTIONS, createOnnxRunner, type OrtLike } from '../onnx-runner';
import { createTesseractRecognizer } from '../tesseract-recognizer';
import { createPpocrRecognizer, parseDictionary } from '../../core/recognize/ppocr-recognizer';
import { createFallbackRecognizer, withBlocksBy } from '../../core/recognize/fallback-recognizer';
import { createSharpDecoder } from './image-decoder';
import { createNodePdfEngine } from './pdf-engine';

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DETECTOR_MODEL_PATH = path.join(repoRoot, 'models/ppocr-v4-det.onnx');
export const RECOGNIZER_MODEL_PATH = path.join(repoRoot, 'models/ppocr-v4-rec.onnx');
export const RECOGNIZER_DICTIONARY_PATH = path.join(repoRoot, 'models/ppocr-keys-v1.txt');

/**
 * Which recognizer reads lines: 'hybrid' (the default: tesseract, and PP-OCR for the lines tesseract
 * is unsure of), or either one alone (for comparisons in the eval).
 */
export type RecognizerChoice = 'hybrid' | 'tesseract' | 'ppocr';

export interface NodeEngines extends Engines {
  close(): Promise<void>;
}

export interface NodeEngineOptions {
  recognizerWorkers?: number;
  threads?: number;
  recognizer?: RecognizerChoice;
}

/** The Node adapters: onnxruntime-node for the detector and PP-OCR lines, tesseract.js, sharp, pdf.js. */
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
  const lineRecognizer = await createLineRecognizer(options.recognizer ?? 'hybrid', recognizer, ort, threads);
  return {
    decoder: createSharpDecoder(),
    pdf: createNodePdfEngine(),
    detector,
    recognizer: lineRecognizer.recognizer,
    async close() {
      await Promise.all([recognizer.terminate(), detector.release(), lineRecognizer.release()]);
    },
  };
}

async function createLineRecognizer(
  choice: RecognizerChoice,
  tesseract: TextRecognizer,
  ort: OrtLike,
  threads: number,
): Promise<{ recognizer: TextRecognizer; release(): Promise<void> }> {
  if (choice === 'tesseract') return { recognizer: tesseract, release: async () => undefined };
  const [model, dictionary] = await Promise.all([
    readFile(RECOGNIZER_MODEL_PATH),
    readFile(RECOGNIZER_DICTIONARY_PATH, 'utf8'),
  ]);
  const runner = await createOnnxRunner(ort, new Uint8Array(model), {
    sessionOptions: {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      ...QUANTIZED_WEIGHTS_SESSION_OPTIONS,
    },
    backendLabel: 'onnxruntime-node-cpu',
  });
  const ppocr = createPpocrRecognizer(runner, { dictionary: parseDictionary(dictionary) });
  const recognizer =
    choice === 'ppocr' ? withBlocksBy(ppocr, tesseract) : createFallbackRecognizer(tesseract, ppocr);
  return { recognizer, release: () => runner.release() };
}
