import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import {
  InputError,
  type PdfDocumentHandle,
  type PdfEngine,
  type PdfPage,
  type PdfTextItem,
  type Raster,
  type Rect,
} from '../../core/ports';
// The same item->box mapping as the Node adapter, so the CLI and the browser report equal polygons.
import { PDF_SCALE, mapTextItems, regionViewport, type PdfJsTextItem } from '../pdf-text';

/** Canvases for pdf.js's display layer where there is no `document` (our Web Worker). */
class OffscreenCanvasFactory {
  create(width: number, height: number) {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(pair: { canvas: OffscreenCanvas | null }, width: number, height: number) {
    if (!pair.canvas) throw new Error('Canvas is not specified');
    pair.canvas.width = width;
    pair.canvas.height = height;
  }
  destroy(pair: { canvas: OffscreenCanvas | null; context: unknown }) {
    if (pair.canvas) pair.canvas.width = pair.canvas.height = 0;
    pair.canvas = null;
    pair.context = null;
  }
}

/** pdf.js's SVG filters (transfer maps, HCM) need a DOM; without one they are skipped. */
class NoFilterFactory {
  addFilter() {
    return 'none';
  }
  addHCMFilter() {
    return 'none';
  }
  addAlphaFilter() {
    return 'none';
  }
  addLuminosityFilter() {
    return 'none';
  }
  addHighlightHCMFilter() {
    return 'none';
  }
  destroy() {}
}

function absolute(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}${path}`, self.location.href).href;
}

let workerPort: Worker | null = null;

/**
 * pdf.js's own parser worker, started once. Handing pdf.js a port (instead of `workerSrc`) also
 * skips its `window.location` check, which does not exist inside our worker.
 */
function ensurePdfWorker(): void {
  if (workerPort) return;
  workerPort = new Worker(pdfWorkerUrl, { type: 'module', name: 'pdfjs' });
  pdfjs.GlobalWorkerOptions.workerPort = workerPort;
}

function toInputError(err: unknown): unknown {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new InputError('encrypted', 'The PDF is password-protected.');
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return new InputError('corrupt', `The PDF could not be read (${(err as Error).message}).`);
  }
  return err;
}

function wrapPage(page: PDFPageProxy): PdfPage {
  const viewport = page.getViewport({ scale: PDF_SCALE });
  const width = Math.round(viewport.width);
  const height = Math.round(viewport.height);
  return {
    width,
    height,
    async textItems(): Promise<PdfTextItem[]> {
      const content = await page.getTextContent();
      return mapTextItems(content.items as PdfJsTextItem[], viewport.transform, pdfjs.Util.transform);
    },
    async render(scale = 1, region?: Rect): Promise<Raster> {
      const vp = regionViewport(page, viewport, scale, region);
      const w = Math.round(region ? region.width * scale : vp.width);
      const h = Math.round(region ? region.height * scale : vp.height);
      const canvas = new OffscreenCanvas(w, h);
      const task = page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        viewport: vp,
        background: 'rgb(255,255,255)',
      });
      await task.promise;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('No 2D context for OffscreenCanvas');
      const { data } = ctx.getImageData(0, 0, w, h);
      return { width: w, height: h, data };
    },
  };
}

export function createBrowserPdfEngine(): PdfEngine {
  return {
    async open(bytes: Uint8Array): Promise<PdfDocumentHandle> {
      ensurePdfWorker();
      let doc: PDFDocumentProxy;
      try {
        doc = await pdfjs.getDocument({
          // pdf.js transfers its input: give it a copy so the caller's bytes stay usable.
          data: bytes.slice(),
          useWorkerFetch: true,
          cMapUrl: absolute('vendor/pdfjs/cmaps/'),
          cMapPacked: true,
          standardFontDataUrl: absolute('vendor/pdfjs/standard_fonts/'),
          wasmUrl: absolute('vendor/pdfjs/wasm/'),
          iccUrl: absolute('vendor/pdfjs/iccs/'),
          isEvalSupported: false,
          disableFontFace: true,
          useSystemFonts: false,
          isOffscreenCanvasSupported: true,
          CanvasFactory: OffscreenCanvasFactory,
          FilterFactory: NoFilterFactory,
          verbosity: 0,
        } as Parameters<typeof pdfjs.getDocument>[0]).promise;
      } catch (err) {
        throw toInputError(err);
      }
      return {
        pageCount: doc.numPages,
        async getPage(index: number) {
          try {
            return wrapPage(await doc.getPage(index + 1));
          } catch (err) {
            throw toInputError(err);
          }
        },
        async close() {
          await doc.destroy();
        },
      };
    },
  };
}
