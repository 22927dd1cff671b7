import { createWorker, OEM, PSM, type ImageLike, type Worker } from 'tesseract.js';
import type { Raster, Recognition, RecognizeOptions, TextRecognizer } from '../core/ports';
import { rasterToPgm } from '../core/image/pnm';

export interface TesseractRecognizerOptions {
  /** Folder or file URLs (browser) / paths (Node); omitted ones use tesseract.js's defaults. */
  workerPath?: string;
  corePath?: string;
  /** Folder holding eng.traineddata.gz (served from the app's origin or read from node_modules). */
  langPath: string;
  workers: number;
  cacheMethod?: 'none' | 'write' | 'readOnly' | 'refresh';
  cachePath?: string;
  workerBlobURL?: boolean;
}

const PSM_BY_MODE = { line: PSM.SINGLE_LINE, block: PSM.SINGLE_BLOCK, word: PSM.SINGLE_WORD } as const;

interface PooledWorker {
  worker: Worker;
  params: string;
  busy: boolean;
}

/**
 * A pool of tesseract.js workers. Not tesseract's own scheduler: each job may need its own page
 * segmentation mode and character whitelist, and a worker's parameters are per worker.
 */
export async function createTesseractRecognizer(
  options: TesseractRecognizerOptions,
): Promise<TextRecognizer & { terminate(): Promise<void> }> {
  const pool: PooledWorker[] = await Promise.all(
    Array.from({ length: Math.max(1, options.workers) }, async () => {
      const worker = await createWorker('eng', OEM.LSTM_ONLY, {
        langPath: options.langPath,
        gzip: true,
        cacheMethod: options.cacheMethod ?? 'none',
        ...(options.cachePath ? { cachePath: options.cachePath } : {}),
        ...(options.workerPath ? { workerPath: options.workerPath } : {}),
        ...(options.corePath ? { corePath: options.corePath } : {}),
        ...(options.workerBlobURL !== undefined ? { workerBlobURL: options.workerBlobURL } : {}),
      });
      return { worker, params: '', busy: false };
    }),
  );
  const waiting: ((w: PooledWorker) => void)[] = [];

  const acquire = (): Promise<PooledWorker> => {
    const free = pool.find((w) => !w.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (w: PooledWorker) => {
    const next = waiting.shift();
    if (next) next(w);
    else w.busy = false;
  };

  return {
    name: 'tesseract.js-7-eng-best-int',
    async recognize(raster: Raster, opts: RecognizeOptions = {}): Promise<Recognition> {
      const w = await acquire();
      try {
        const mode = opts.mode ?? 'line';
        const params = `${mode}|${opts.charset ?? ''}`;
        if (w.params !== params) {
          await w.worker.setParameters({
            tessedit_pageseg_mode: PSM_BY_MODE[mode],
            tessedit_char_whitelist: opts.charset ?? '',
            preserve_interword_spaces: '1',
          });
          w.params = params;
        }
        const { data } = await w.worker.recognize(
          rasterToPgm(raster) as unknown as ImageLike,
          {},
          { text: true, blocks: true },
        );
        const words: Recognition['words'] = [];
        for (const block of data.blocks ?? []) {
          for (const para of block.paragraphs) {
            for (const line of para.lines) {
              for (const word of line.words) {
                words.push({
                  text: word.text,
                  confidence: word.confidence / 100,
                  bbox: {
                    x: word.bbox.x0,
                    y: word.bbox.y0,
                    width: word.bbox.x1 - word.bbox.x0,
                    height: word.bbox.y1 - word.bbox.y0,
                  },
                });
              }
            }
          }
        }
        return { text: data.text.replace(/\s+/g, ' ').trim(), confidence: data.confidence / 100, words };
      } finally {
        release(w);
      }
    },
    async terminate() {
      await Promise.all(pool.map((w) => w.worker.terminate()));
    },
  };
}
