// Every permit in a file: a PDF that bundles several permits (a family's) yields one result per
// permit page; any other file yields readDocument's single result. Each permit page is read by
// readDocument itself through a one-page view of the open PDF, so a record is exactly what the
// pipeline makes of that page alone, with its page indices put back in the whole file's numbering.
import {
  DEFAULT_LIMITS,
  type Engines,
  type PdfDocumentHandle,
  type PdfEngine,
  type ReadOptions,
} from './ports';
import type { KitasResult } from './schema';
import { sniffFormat } from './sniff';
import { linesFromTextItems } from './text-lines';
import { readDocument, textLayerLooksLikePermit } from './read-document';

export interface RecordInfo {
  /** 0-based number of this record among the file's records. */
  index: number;
  count: number;
  /** The page of the file the record was read from. */
  page_index: number;
}

/** A page with fewer text lines than this has no text layer to speak of (a scan). */
const MIN_TEXT_LINES = 5;

/** A PDF engine that shows one page of an already open document as a one-page PDF. */
function onePage(doc: PdfDocumentHandle, index: number): PdfEngine {
  return {
    open: async () => ({
      pageCount: 1,
      getPage: () => doc.getPage(index),
      close: async () => undefined,
    }),
  };
}

/** Moves a one-page result to page `index` of a document of `sizes.length` pages. */
function onPage(result: KitasResult, index: number, sizes: { width: number; height: number }[]): KitasResult {
  const read = { ...result.read };
  for (const key of Object.keys(read) as (keyof typeof read)[]) {
    const f = read[key];
    // Empty fields keep page 0, as readDocument leaves them.
    if (f.polygon.length > 0 || f.value) read[key] = { ...f, page_index: index } as never;
  }
  const meta = result.meta ? { ...result.meta, page_count: sizes.length, page_sizes: sizes } : undefined;
  return { ...result, read, ...(meta ? { meta } : {}) };
}

function filled(result: KitasResult): number {
  return Object.values(result.read).filter((f) => f.value).length;
}

export async function readDocumentAll(
  bytes: Uint8Array | null | undefined,
  engines: Engines,
  options: ReadOptions = {},
): Promise<KitasResult[]> {
  const single = async () => [await readDocument(bytes, engines, options)];
  if (!bytes || sniffFormat(bytes) !== 'pdf') return single();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes) return single();

  let doc: PdfDocumentHandle;
  try {
    doc = await engines.pdf.open(bytes);
  } catch {
    // Locked or broken: readDocument says why, in the usual words.
    return single();
  }
  try {
    if (doc.pageCount <= 1 || doc.pageCount > limits.maxPdfPages) return await single();
    // Page sizes, and the pages whose own text is a permit (an e-ITAS PDF needs no OCR at all).
    const sizes: { width: number; height: number }[] = [];
    const textPermits: number[] = [];
    const noText: number[] = [];
    for (let i = 0; i < doc.pageCount; i++) {
      options.signal?.throwIfAborted();
      const page = await doc.getPage(i);
      sizes.push({ width: page.width, height: page.height });
      const lines = linesFromTextItems(await page.textItems());
      if (textLayerLooksLikePermit(lines)) textPermits.push(i);
      else if (lines.length < MIN_TEXT_LINES) noText.push(i);
    }
    // A bundle with permits in its text layer: those pages, plus any scanned page among them (a
    // permit added as a scan); pages of other text (a cover letter) are not OCR'd. Otherwise
    // every page is read.
    const candidates = textPermits.length
      ? [...textPermits, ...noText].sort((a, b) => a - b)
      : sizes.map((_, i) => i);

    const found: { page: number; result: KitasResult }[] = [];
    for (const i of candidates) {
      options.signal?.throwIfAborted();
      const result = await readDocument(bytes, { ...engines, pdf: onePage(doc, i) }, options);
      found.push({ page: i, result: onPage(result, i, sizes) });
    }
    const permits = found.filter(
      (f) => f.result.status === 'SUCCESS' && f.result.meta?.document_class !== 'OTHER',
    );
    if (permits.length === 0) {
      // No page reads as a permit: one record, the page that gave the most.
      const best = [...found].sort((a, b) => filled(b.result) - filled(a.result))[0];
      return best ? [best.result] : single();
    }
    return permits.map(({ page, result }, index) => {
      const record: RecordInfo = { index, count: permits.length, page_index: page };
      return result.meta ? { ...result, meta: { ...result.meta, record } } : result;
    });
  } finally {
    await doc.close().catch(() => undefined);
  }
}
