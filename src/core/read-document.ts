// The one pipeline every front door calls: bytes in, the reference KITAS/KITAP object out.
import { encode as encodePng } from 'fast-png';
import {
  DEFAULT_LIMITS,
  InputError,
  type Engines,
  type PdfPage,
  type Raster,
  type ReadLimits,
  type ReadOptions,
  type Rect,
  type Stage,
} from './ports';
import {
  REASONS,
  emptyRead,
  failureResult,
  type DocumentClass,
  type KitasRead,
  type KitasResult,
  type ResultMeta,
  type TextFieldName,
} from './schema';
import { sniffFormat } from './sniff';
import { detectLines, linesFromTextItems, recognizeLines, type LineRect, type TextLine } from './text-lines';
import { ledBySecondEngine } from './recognize/fallback-recognizer';
import { assignFields, type LayoutResult } from './layout/assign';
import { findImageRegions } from './layout/photo';
import { crop, fitToPixels } from './image/raster';
import { findContentRect } from './image/content';
import { finalizeFields } from './assemble';
import { refineFields, type RefineOptions } from './refine';
import type { FieldEvidence } from './confidence';
import { dashSearchEnd, findDash } from './layout/dash';
import { doubtedFields, validateRead } from './validate';
import { matchLabel } from './layout/labels-match';
import { APP_VERSION, DETECTOR_VERSION } from './version';
import { composeMaps, mapRect, scaleMap, type PointMap } from './geometry/point-map';
import { locateDocument, type Located } from './locate/locate';
import { level, residualKeystone, residualTilt, untilt } from './locate/residual-tilt';
import { upsideDownByRecognizer } from './locate/orientation';
import { applyQuality, frameEvidence } from './locate/apply-quality';
import { withIssue } from './locate/quality';

/** Longest side of the raster the OCR stages work on; larger inputs are read downscaled. */
const WORK_MAX_SIDE = 2200;
/** First-pass confidence under which a field gets a focused second read. */
const REREAD_BELOW = 0.85;
/** A scanned PDF's printed region is rendered about this wide for OCR (at most 600 DPI). */
const OCR_TARGET_WIDTH = 1600;
const MAX_OCR_RENDER_SCALE = 4;

interface PageReading {
  pageIndex: number;
  lines: TextLine[];
  layout: LayoutResult;
  /** From working pixels to output pixels (scale, and any rotation or warp undone). */
  toOutput: PointMap;
  raster: Raster | null;
  outputSize: { width: number; height: number };
  source: 'text_layer' | 'ocr';
}

/**
 * Below this sharpness of the located page's print (a phone photo or webcam frame, not a scan),
 * the recognizer's second engine (PP-OCR, fine-tuned on such frames) reads every line first.
 */
const SOFT_PRINT_BELOW = 0.25;

export async function readDocument(
  bytes: Uint8Array | null | undefined,
  engines: Engines,
  options: ReadOptions = {},
): Promise<KitasResult> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const started = now();
  const timings: Record<string, number> = {};
  const progress = (stage: Stage, done: number, total: number) => options.onProgress?.(stage, done, total);

  if (!bytes || bytes.length === 0) return failureResult('NO_FILE', REASONS.noFile);
  if (bytes.length > limits.maxFileBytes) {
    return failureResult(
      'FAILED',
      `The file is ${(bytes.length / 1048576).toFixed(1)} MB, over the limit of ${Math.round(limits.maxFileBytes / 1048576)} MB.`,
    );
  }
  const format = sniffFormat(bytes);
  if (!format) return failureResult('FILE_INVALID_FORMAT', REASONS.invalidFormat);

  try {
    const pages: PageReading[] = [];
    let documentPages: { width: number; height: number }[] | undefined;
    let frame: { located: Located; scale: number } | null = null;
    if (format === 'pdf') {
      documentPages = await readPdf(bytes, engines, limits, options, pages, timings);
    } else {
      progress('decode', 0, 1);
      let t = now();
      const decoded = await engines.decoder.decode(bytes, limits);
      options.signal?.throwIfAborted();
      const work = workingCopy(decoded.raster);
      timings.decode = now() - t;
      progress('decode', 1, 1);
      // Find the document in a photo and straighten it (a no-op for straight scans and renders).
      t = now();
      progress('locate', 0, 1);
      let located = await locateInPhoto(decoded.raster, engines, work);
      timings.locate = now() - t;
      progress('locate', 1, 1);
      t = now();
      // The detector's own line angles check the straightening: a page still tilted by a few
      // degrees (an outline edge that was not the document's) is turned level before reading.
      let pageRaster = located.raster;
      let toWork = located.toInput;
      let rects = await detectPaddedLines(pageRaster, located.padding, engines, options, timings);
      const tilt = located.found ? residualTilt(rects) : null;
      // Rows that fan out instead (a keystone the outline missed) are levelled by a projective map.
      const keystone =
        located.found && tilt === null ? residualKeystone(rects, pageRaster.width, pageRaster.height) : null;
      const levelled =
        tilt !== null ? untilt(pageRaster, tilt) : keystone ? level(pageRaster, keystone) : null;
      if (keystone) located = { ...located, quality: withIssue(located.quality, 'edges_unclear') };
      if (levelled) {
        pageRaster = levelled.raster;
        toWork = composeMaps(levelled.toSource, located.toInput);
        rects = await detectLinesTimed(pageRaster, engines, options, timings);
      }
      const soft = located.found && (located.quality?.sharpness ?? 1) < SOFT_PRINT_BELOW;
      const pageEngines = soft ? { ...engines, recognizer: ledBySecondEngine(engines.recognizer) } : engines;
      const framings = located.found
        ? { tooSmall: located.quality?.issues.includes('too_small') ?? false }
        : undefined;
      const { lines, layout } = await readRaster(pageRaster, pageEngines, options, timings, rects, framings);
      pages.push({
        pageIndex: 0,
        lines,
        layout,
        toOutput: composeMaps(toWork, scaleMap(decoded.displayWidth / work.width)),
        raster: pageRaster,
        outputSize: { width: decoded.displayWidth, height: decoded.displayHeight },
        source: 'ocr',
      });
      timings.ocr = now() - t;
      frame = { located, scale: decoded.displayWidth / work.width };
    }

    progress('assemble', 0, 1);
    const t = now();
    const best = pickPermitPage(pages);
    const result = assemble(
      best,
      pages,
      documentPages ?? pages.map((p) => p.outputSize),
      engines,
      options,
      timings,
      frame ? frameEvidence(frame.located.quality) : undefined,
    );
    if (frame) applyQuality(result, frame.located, frame.scale);
    timings.assemble = now() - t;
    timings.total = now() - started;
    // meta was built inside assemble(); its timings must include assemble and the total.
    if (result.meta) result.meta.timings_ms = roundTimings(timings);
    progress('assemble', 1, 1);
    return result;
  } catch (e) {
    if (isAbort(e)) throw e;
    return failureFor(e);
  }
}

async function readPdf(
  bytes: Uint8Array,
  engines: Engines,
  limits: ReadLimits,
  options: ReadOptions,
  pages: PageReading[],
  timings: Record<string, number>,
): Promise<{ width: number; height: number }[]> {
  let t = now();
  const doc = await engines.pdf.open(bytes);
  try {
    if (doc.pageCount > limits.maxPdfPages) {
      throw new InputError(
        'too_many_pages',
        `The PDF has ${doc.pageCount} pages, over the limit of ${limits.maxPdfPages}.`,
      );
    }
    timings.decode = now() - t;
    // First every page's own text: an e-ITAS PDF is read exactly from it, and then no page needs OCR.
    const textPages: { index: number; page: PdfPage; lines: TextLine[]; permit: boolean }[] = [];
    for (let i = 0; i < doc.pageCount; i++) {
      options.signal?.throwIfAborted();
      options.onProgress?.('decode', i, doc.pageCount);
      const page = await doc.getPage(i);
      t = now();
      const lines = linesFromTextItems(await page.textItems());
      textPages.push({ index: i, page, lines, permit: textLayerLooksLikePermit(lines) });
      timings.text_layer = (timings.text_layer ?? 0) + now() - t;
    }
    const permitPages = textPages.filter((p) => p.permit);
    if (permitPages.length) {
      for (const { index, page, lines } of permitPages) {
        t = now();
        // The raster is only needed for the photo crop.
        const raster = await page.render();
        timings.render = (timings.render ?? 0) + now() - t;
        pages.push({
          pageIndex: index,
          lines,
          layout: assignFields(lines),
          toOutput: scaleMap(1),
          raster,
          outputSize: { width: page.width, height: page.height },
          source: 'text_layer',
        });
      }
      return textPages.map((p) => ({ width: p.page.width, height: p.page.height }));
    }
    // Scanned, image-only or foreign text layer: find the printed region (a card on an A4 sheet),
    // render it fine enough for OCR, and map back to the page's 150 DPI pixels. Pages are read in
    // order and reading stops at the first page that clearly holds the permit.
    for (const { index, page } of textPages) {
      options.signal?.throwIfAborted();
      t = now();
      const overview = await page.render();
      const region = findContentRect(overview) ?? { x: 0, y: 0, width: page.width, height: page.height };
      const scale = Math.min(MAX_OCR_RENDER_SCALE, Math.max(1, OCR_TARGET_WIDTH / region.width));
      const raster = scale === 1 && region.width === page.width ? overview : await page.render(scale, region);
      timings.render = (timings.render ?? 0) + now() - t;
      const work = fitToSide(raster, WORK_MAX_SIDE);
      const { lines, layout } = await readRaster(work, engines, options, timings);
      const k = raster.width / work.width / scale;
      pages.push({
        pageIndex: index,
        lines,
        layout,
        toOutput: ([x, y]) => [x * k + region.x, y * k + region.y],
        raster: work,
        outputSize: { width: page.width, height: page.height },
        source: 'ocr',
      });
      if (layout.documentClass && Object.keys(layout.fields).length >= 8) break;
    }
    return textPages.map((p) => ({ width: p.page.width, height: p.page.height }));
  } finally {
    await doc.close();
  }
}

/** The copy of a decoded image the locator analyses: at most WORK_MAX_SIDE on its long side. */
export function workingCopy(source: Raster): Raster {
  return fitToSide(source, WORK_MAX_SIDE);
}

/**
 * Finds and straightens the document in a decoded photo as reading does: the analysis runs on the
 * working copy, the straightened page is cut from `source` itself, and the recognizer votes on
 * upside-down. The eval's locate checks call this too, so they measure what reading does.
 */
export function locateInPhoto(
  source: Raster,
  engines: Pick<Engines, 'detector' | 'recognizer'>,
  work: Raster = workingCopy(source),
): Promise<Located> {
  return locateDocument(work, engines.detector, {
    decideUpsideDown: upsideDownByRecognizer(engines.recognizer),
    ...(work !== source ? { source } : {}),
  });
}

/**
 * A text layer is trusted only when it carries several of the permit's printed labels (as whole
 * bilingual labels or either language alone), so a foreign or broken OCR layer is read as pixels.
 */
export function textLayerLooksLikePermit(lines: TextLine[]): boolean {
  if (lines.length < 5) return false;
  const keys = new Set<string>();
  for (const line of lines) {
    const hit = matchLabel(line.words.map((w) => w.text));
    if (hit && hit.length >= 5) keys.add(hit.key);
  }
  return keys.size >= 4;
}

/** OCR of one page image: detect, recognize, assign lines to fields, re-read the unsure ones. */
async function readRaster(
  raster: Raster,
  engines: Engines,
  options: ReadOptions,
  timings: Record<string, number>,
  detected?: LineRect[],
  framings?: RefineOptions['framings'],
): Promise<{ lines: TextLine[]; layout: LayoutResult }> {
  const lines = await ocrRaster(raster, engines, options, timings, detected);
  const layout = assignFields(lines);
  fillDashes(raster, lines, layout);
  const t = now();
  await refineFields(raster, layout.fields, engines.recognizer, {
    below: REREAD_BELOW,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(framings ? { framings } : {}),
  });
  timings.refine = (timings.refine ?? 0) + now() - t;
  return { lines, layout };
}

/** Labels left without a value whose row shows a lone '-' get '-' (printed "not applicable"). */
function fillDashes(raster: Raster, lines: TextLine[], layout: LayoutResult): void {
  for (const u of layout.unfilled) {
    if (layout.fields[u.key]) continue;
    const dash = findDash(
      raster,
      u.rect,
      u.lineHeight,
      dashSearchEnd(u.rect, u.lineHeight, lines, raster.width),
    );
    if (dash) layout.fields[u.key] = { text: '-', confidence: 0.9, rects: [dash.rect], assignment: 0.9 };
  }
}

/**
 * Lines of a straightened page with rows added above and below its text's region: the region is
 * detected as it would be alone, so its lines are boxed as before, and the whole page once more for
 * lines wholly in the added rows (a card's office and place of issue under its text).
 */
export async function detectPaddedLines(
  raster: Raster,
  padding: { top: number; bottom: number } | undefined,
  engines: Engines,
  options: ReadOptions,
  timings: Record<string, number>,
): Promise<LineRect[]> {
  if (!padding) return detectLinesTimed(raster, engines, options, timings);
  const coreBottom = raster.height - padding.bottom;
  const core = crop(raster, { x: 0, y: padding.top, width: raster.width, height: coreBottom - padding.top });
  const inCore = (await detectLinesTimed(core, engines, options, timings)).map((r) => ({
    ...r,
    y: r.y + padding.top,
  }));
  const whole = await detectLinesTimed(raster, engines, options, timings);
  const inPadding = whole.filter((r) => r.y + r.height <= padding.top || r.y >= coreBottom);
  return [...inCore, ...inPadding];
}

async function detectLinesTimed(
  raster: Raster,
  engines: Engines,
  options: ReadOptions,
  timings: Record<string, number>,
): Promise<LineRect[]> {
  options.onProgress?.('detect', 0, 1);
  const t = now();
  const rects = await detectLines(raster, engines.detector, 960);
  timings.detect = (timings.detect ?? 0) + now() - t;
  options.onProgress?.('detect', 1, 1);
  return rects;
}

async function ocrRaster(
  raster: Raster,
  engines: Engines,
  options: ReadOptions,
  timings: Record<string, number>,
  detected?: LineRect[],
): Promise<TextLine[]> {
  const rects = detected ?? (await detectLinesTimed(raster, engines, options, timings));
  const t = now();
  const lines = await recognizeLines(raster, rects, engines.recognizer, {
    ...(options.signal ? { signal: options.signal } : {}),
    onLine: (done, total) => options.onProgress?.('recognize', done, total),
  });
  timings.recognize = (timings.recognize ?? 0) + now() - t;
  return lines;
}

function pickPermitPage(pages: PageReading[]): PageReading | null {
  let best: PageReading | null = null;
  let bestScore = -1;
  for (const p of pages) {
    const score = (p.layout.documentClass ? 10 : 0) + p.layout.permitLabelCount * 2 + p.layout.labelCount;
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

function assemble(
  page: PageReading | null,
  pages: PageReading[],
  documentPages: { width: number; height: number }[],
  engines: Engines,
  options: ReadOptions,
  timings: Record<string, number>,
  frameQuality?: ReturnType<typeof frameEvidence>,
): KitasResult {
  const today = options.today ?? new Date();
  const layout = page?.layout;
  const documentClass: DocumentClass = classify(layout);
  const read: KitasRead = emptyRead();
  let evidence: Partial<Record<TextFieldName, FieldEvidence>> = {};
  const isCard = !!layout?.fields.document_type && /KARTU/i.test(layout.fields.document_type.text);
  const pageLayout: ResultMeta['layout'] = !page
    ? 'unknown'
    : isCard
      ? 'card'
      : layout?.documentClass
        ? 'page'
        : 'unknown';

  if (page && layout && documentClass !== 'OTHER') {
    evidence = finalizeFields(
      read,
      layout.fields,
      page.toOutput,
      page.pageIndex,
      page.source,
      frameQuality
        ? {
            blurry: frameQuality.blurryFrame,
            small: frameQuality.smallFrame,
            tooSmall: frameQuality.tooSmallFrame,
          }
        : undefined,
    );
    if (page.raster) {
      const regions = findImageRegions(
        page.raster,
        [...page.lines.map((l) => l.rect), ...layout.labelRects],
        {
          expectSignature: isCard,
        },
      );
      // A text-layer page keeps its lines in output pixels while its raster may be smaller.
      const rasterToOutput =
        page.source === 'text_layer' ? scaleMap(page.outputSize.width / page.raster.width) : page.toOutput;
      if (regions.photo) {
        read.photo = imageField(
          page.raster,
          regions.photo,
          rasterToOutput,
          regions.photoScore,
          page.pageIndex,
        );
      }
      if (regions.sign) {
        read.sign = imageField(page.raster, regions.sign, rasterToOutput, regions.signScore, page.pageIndex);
      }
    }
  }

  const { invalid, warnings } = validateRead(read, { today, documentClass });
  if (documentClass === 'OTHER') {
    invalid.unshift({
      field: 'document_type',
      code: 'not_a_permit',
      message: 'The document is not a KITAS or KITAP.',
    });
  }
  for (const field of doubtedFields({ invalid, warnings })) {
    const f = read[field];
    if (f && f.value) f.confidence = Math.min(f.confidence, 0.5);
  }
  const meta: ResultMeta = {
    document_class: documentClass,
    layout: pageLayout,
    sources: pages.map((p) => p.source),
    pages_read: pages.map((p) => p.pageIndex),
    page_count: documentPages.length,
    page_sizes: documentPages,
    invalid_fields: invalid,
    warnings,
    backend: engines.detector.backend,
    versions: { app: APP_VERSION, detector: DETECTOR_VERSION, recognizer: engines.recognizer.name },
    timings_ms: roundTimings(timings),
    field_evidence: evidence,
  };
  return {
    status: 'SUCCESS',
    reason: invalid.length ? REASONS.someInvalid : REASONS.success,
    read,
    meta,
  };
}

function classify(layout: LayoutResult | undefined): DocumentClass {
  if (!layout) return 'OTHER';
  if (layout.documentClass) return layout.documentClass;
  // No title read, but the permit's own labels are there: judge by the permit number's prefix.
  if (layout.permitLabelCount >= 2) {
    const permit = layout.fields.permit_number?.text.replace(/\s/g, '').toUpperCase() ?? '';
    return permit.startsWith('2D') ? 'KITAP' : 'KITAS';
  }
  return 'OTHER';
}

function imageField(raster: Raster, rect: Rect, toOutput: PointMap, score: number, pageIndex: number) {
  const region = crop(raster, rect);
  const png = encodePng({
    width: region.width,
    height: region.height,
    data: region.data,
    channels: 4,
    depth: 8,
  });
  return {
    value: toBase64(png),
    confidence: round4(Math.min(0.99, 0.6 + 0.4 * score)),
    polygon: mapRect(rect, toOutput),
    page_index: pageIndex,
  };
}

function fitToSide(raster: Raster, maxSide: number): Raster {
  const side = Math.max(raster.width, raster.height);
  if (side <= maxSide) return raster;
  const k = maxSide / side;
  return fitToPixels(raster, raster.width * raster.height * k * k).raster;
}

function failureFor(e: unknown): KitasResult {
  if (e instanceof InputError) {
    const reasons: Record<InputError['kind'], string> = {
      corrupt: `The file is damaged or incomplete and could not be read: ${e.message}`,
      encrypted: 'The PDF is password-protected. Remove the password and upload it again.',
      too_large: `${e.message} Upload a smaller image.`,
      too_many_pages: `${e.message} Upload only the permit's pages.`,
      unsupported: e.message,
    };
    return failureResult('FAILED', reasons[e.kind]);
  }
  const message = e instanceof Error ? e.message : String(e);
  return failureResult('FAILED', `Internal error while reading the file (${message}). Please try again.`);
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
}

function roundTimings(t: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)]));
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

export type { TextFieldName };
