/// <reference lib="webworker" />
// The reading worker: builds the engines once (kept warm), runs the core pipeline on each file and
// reports progress by stage. Cancellation is the client terminating this worker.

import { DEFAULT_LIMITS, type PdfEngine, type Raster, type Rect, type Stage } from '../core/ports';
import { readDocument } from '../core/read-document';
import { readDocumentAll } from '../core/read-all';
import { rereadRegion } from '../core/reread-region';
import { createBrowserEngines, type BrowserEngines } from '../engine/browser/engines';
import {
  serializeError,
  type FromWorker,
  type PagePreview,
  type ProgressStage,
  type ReadRequestOptions,
  type ToWorker,
} from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let engines: Promise<BrowserEngines> | null = null;
let engineInitMs = 0;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** Engines for this worker's lifetime; a failed start is forgotten so the next request retries. */
function getEngines(options: ReadRequestOptions, onStatus: () => void): Promise<BrowserEngines> {
  if (!engines) {
    const started = performance.now();
    onStatus();
    engines = createBrowserEngines({ disableWebGpu: options.disableWebGpu }).then(
      (e) => {
        engineInitMs = performance.now() - started;
        return e;
      },
      (err: unknown) => {
        engines = null;
        throw err;
      },
    );
  }
  return engines;
}

function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Wraps the PDF engine to keep the pages the pipeline rendered, so previews need not render twice. */
function recordingPdf(pdf: PdfEngine, rendered: Map<number, Raster>): PdfEngine {
  return {
    async open(bytes) {
      const doc = await pdf.open(bytes);
      return {
        pageCount: doc.pageCount,
        close: () => doc.close(),
        async getPage(index) {
          const page = await doc.getPage(index);
          return {
            width: page.width,
            height: page.height,
            textItems: () => page.textItems(),
            async render(scale?: number, region?: Rect) {
              // Only the whole page at 150 DPI is a preview; a finer render of a region is for OCR.
              if (scale !== undefined || region !== undefined) return page.render(scale, region);
              const raster = await page.render();
              rendered.set(index, raster);
              return raster;
            },
          };
        },
      };
    },
  };
}

async function rasterToPng(raster: Raster): Promise<Blob> {
  const canvas = new OffscreenCanvas(raster.width, raster.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D context for OffscreenCanvas');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(raster.data), raster.width, raster.height), 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}

async function pdfPreviews(
  e: BrowserEngines,
  bytes: Uint8Array,
  pageCount: number,
  rendered: Map<number, Raster>,
  progress: (done: number, total: number) => void,
): Promise<PagePreview[]> {
  const doc = await e.pdf.open(bytes);
  try {
    const count = Math.min(pageCount, doc.pageCount);
    const pages: PagePreview[] = [];
    for (let i = 0; i < count; i++) {
      progress(i, count);
      const raster = rendered.get(i) ?? (await (await doc.getPage(i)).render());
      pages.push({ index: i, width: raster.width, height: raster.height, blob: await rasterToPng(raster) });
    }
    progress(count, count);
    return pages;
  } finally {
    await doc.close();
  }
}

async function handleRead(msg: Extract<ToWorker, { type: 'read' }>): Promise<void> {
  const { id } = msg;
  const progress = (stage: ProgressStage, done: number, total: number) =>
    post({ type: 'progress', id, stage, done, total });
  const started = performance.now();
  const hadEngines = engines !== null;
  const e = await getEngines(msg.options, () => progress('init', 0, 1));
  if (!hadEngines) progress('init', 1, 1);
  const bytes = new Uint8Array(msg.bytes);
  const rendered = new Map<number, Raster>();
  const readStarted = performance.now();
  const readEngines = {
    decoder: e.decoder,
    pdf: recordingPdf(e.pdf, rendered),
    detector: e.detector,
    recognizer: e.recognizer,
  };
  const readOptions = {
    fileName: msg.name,
    ...(msg.options.today ? { today: new Date(`${msg.options.today}T00:00:00Z`) } : {}),
    onProgress: (stage: Stage, done: number, total: number) => progress(stage, done, total),
  };
  const results = msg.options.all ? await readDocumentAll(bytes, readEngines, readOptions) : undefined;
  const result = results?.[0] ?? (await readDocument(bytes, readEngines, readOptions));
  const readMs = performance.now() - readStarted;
  const previewStarted = performance.now();
  let pages: PagePreview[] = [];
  if (result.status === 'SUCCESS') {
    const sizes = result.meta?.page_sizes ?? [];
    if (isPdf(bytes)) {
      // Every page of the file (pdfPreviews stops at its last page), not only those meta.page_sizes
      // lists: a text PDF's result may describe just the pages that were read.
      pages = await pdfPreviews(e, bytes, DEFAULT_LIMITS.maxPdfPages, rendered, (d, t) =>
        progress('preview', d, t),
      );
    } else {
      pages = sizes.map((s, index) => ({ index, width: s.width, height: s.height }));
    }
  }
  const now = performance.now();
  post({
    type: 'result',
    id,
    response: {
      result,
      ...(results ? { results } : {}),
      pages,
      backend: e.backend,
      timings: {
        engineInitMs: hadEngines ? 0 : engineInitMs,
        readMs,
        previewMs: now - previewStarted,
        totalMs: now - started,
      },
    },
  });
}

async function handleReadRegion(msg: Extract<ToWorker, { type: 'readRegion' }>): Promise<void> {
  const e = await getEngines({}, () => undefined);
  const raster = {
    width: msg.raster.width,
    height: msg.raster.height,
    data: new Uint8ClampedArray(msg.raster.data),
  };
  const k = msg.scale ?? 1;
  const field = await rereadRegion(raster, msg.rect, msg.field, e.recognizer, {
    pageIndex: msg.pageIndex,
    nationality: msg.nationality,
    toOutput: ([x, y]) => [Math.round(x * k), Math.round(y * k)],
  });
  post({ type: 'region', id: msg.id, field });
}

async function handleWarm(msg: Extract<ToWorker, { type: 'warm' }>): Promise<void> {
  const hadEngines = engines !== null;
  const e = await getEngines(msg.options, () =>
    post({ type: 'progress', id: msg.id, stage: 'init', done: 0, total: 1 }),
  );
  post({ type: 'warmed', id: msg.id, backend: e.backend, engineInitMs: hadEngines ? 0 : engineInitMs });
}

// One read at a time: the engines are shared and the machine's cores are already all in use.
let queue: Promise<void> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  const run =
    msg.type === 'read'
      ? () => handleRead(msg)
      : msg.type === 'readRegion'
        ? () => handleReadRegion(msg)
        : () => handleWarm(msg);
  queue = queue
    .then(run)
    .catch((err: unknown) => post({ type: 'error', id: msg.id, error: serializeError(err) }));
});
