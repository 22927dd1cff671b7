import { createRequire } from 'node:module';
import path from 'node:path';
import { InputError, type PdfEngine, type PdfPage, type Raster, type Rect } from '../../core/ports';
import { mapTextItems, regionViewport, type PdfJsTextItem, PDF_SCALE } from '../pdf-text';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;
const loadPdfJs = () => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdf.js in Node: text layer with positions, and rendering through @napi-rs/canvas. */
export function createNodePdfEngine(): PdfEngine {
  return {
    async open(bytes) {
      const pdfjs = await loadPdfJs();
      const task = pdfjs.getDocument({
        data: new Uint8Array(bytes),
        standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
        cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
        cMapPacked: true,
        wasmUrl: path.join(pdfjsRoot, 'wasm') + path.sep,
        isEvalSupported: false,
        verbosity: 0,
      });
      let doc: Awaited<typeof task.promise>;
      try {
        doc = await task.promise;
      } catch (e) {
        const err = e as { name?: string; message?: string };
        if (err.name === 'PasswordException')
          throw new InputError('encrypted', 'The PDF is password-protected.');
        throw new InputError('corrupt', `The PDF could not be opened (${err.message ?? 'unknown error'}).`);
      }
      return {
        pageCount: doc.numPages,
        async getPage(index: number): Promise<PdfPage> {
          const page = await doc.getPage(index + 1);
          const viewport = page.getViewport({ scale: PDF_SCALE });
          return {
            width: Math.round(viewport.width),
            height: Math.round(viewport.height),
            async textItems() {
              const content = await page.getTextContent();
              return mapTextItems(content.items as PdfJsTextItem[], viewport.transform, pdfjs.Util.transform);
            },
            async render(scale = 1, region?: Rect): Promise<Raster> {
              const vp = regionViewport(page, viewport, scale, region);
              const width = Math.round(region ? region.width * scale : vp.width);
              const height = Math.round(region ? region.height * scale : vp.height);
              const canvasFactory = (doc as unknown as { canvasFactory: NodeCanvasFactory }).canvasFactory;
              const { canvas, context } = canvasFactory.create(width, height);
              context.fillStyle = '#ffffff';
              context.fillRect(0, 0, width, height);
              await page.render({ canvasContext: context, viewport: vp, canvas } as never).promise;
              const img = context.getImageData(0, 0, width, height);
              canvasFactory.destroy({ canvas, context });
              return { width, height, data: new Uint8ClampedArray(img.data) };
            },
          };
        },
        async close() {
          await doc.destroy();
        },
      };
    },
  };
}

interface NodeCanvasFactory {
  create(
    w: number,
    h: number,
  ): {
    canvas: unknown;
    context: {
      fillStyle: string;
      fillRect(x: number, y: number, w: number, h: number): void;
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
  };
  destroy(pair: unknown): void;
}
