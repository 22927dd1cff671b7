// The narrow interfaces through which the core calls heavy machinery. The browser worker and the
// Node adapters each supply one implementation of `Engines`; the core never imports them.

/** 8-bit RGBA pixels, row-major, no padding. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DecodedImage {
  /** Pixels as displayed (EXIF orientation applied), possibly downscaled to the pixel limit. */
  raster: Raster;
  /** Size of the image as displayed, before any downscale: polygons are reported in these pixels. */
  displayWidth: number;
  displayHeight: number;
}

export interface DecodeLimits {
  /** Images larger than this are decoded downscaled to fit (not refused). */
  maxDecodedPixels: number;
  /** Images whose header declares more pixels than this are refused as FAILED (decompression bombs). */
  maxDeclaredPixels: number;
}

/** Thrown by adapters for input they cannot read; `kind` drives the status and reason. */
export class InputError extends Error {
  constructor(
    public readonly kind: 'corrupt' | 'encrypted' | 'too_large' | 'too_many_pages' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export interface ImageDecoder {
  decode(bytes: Uint8Array, limits: DecodeLimits): Promise<DecodedImage>;
}

export interface PdfTextItem {
  str: string;
  /** Axis-aligned box of the item in page pixels at 150 DPI (after the page's rotation and crop box). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  /** Page size in pixels at 150 DPI (pdf.js viewport at scale 150/72). */
  width: number;
  height: number;
  textItems(): Promise<PdfTextItem[]>;
  /**
   * Rasterize at 150 DPI times `scale` (default 1: raster pixels are output pixels), optionally
   * only `region` (in 150 DPI pixels). OCR of a small document on a scanned sheet renders that
   * region finer, then maps back.
   */
  render(scale?: number, region?: Rect): Promise<Raster>;
}

export interface PdfDocumentHandle {
  pageCount: number;
  getPage(index: number): Promise<PdfPage>;
  close(): Promise<void>;
}

export interface PdfEngine {
  /** Throws InputError('encrypted' | 'corrupt') for password-protected or broken files. */
  open(bytes: Uint8Array): Promise<PdfDocumentHandle>;
}

/** Runs one ONNX model; pre- and post-processing live in the core so every front door agrees. */
export interface TensorRunner {
  readonly backend: string;
  run(input: Float32Array, dims: readonly number[]): Promise<{ data: Float32Array; dims: readonly number[] }>;
}

export interface RecognizedWord {
  text: string;
  /** 0..1 */
  confidence: number;
  /** In the pixels of the raster passed to `recognize`. */
  bbox: Rect;
}

export interface Recognition {
  text: string;
  /** 0..1 */
  confidence: number;
  words: RecognizedWord[];
}

export interface RecognizeOptions {
  /** Restrict the recognizer to these characters (tesseract's whitelist). */
  charset?: string;
  /** 'line' = one text line (PSM 7), 'block' = a uniform block (PSM 6), 'word' = one word (PSM 8). */
  mode?: 'line' | 'block' | 'word';
  /**
   * Where the recognizer combines two engines: 'second' asks the other engine alone (an
   * independent opinion, whose agreement means more than a re-read by the same engine); 'first'
   * the main engine alone (comparisons that need one engine's confidences). Unset: the main
   * engine, and the other one for the lines it is unsure of.
   */
  engine?: 'first' | 'second';
  /**
   * Where the recognizer combines two engines and `engine` is unset: which one reads every line
   * ('second': the other engine leads, and the main one reads only the lines it is unsure of).
   */
  lead?: 'first' | 'second';
  /**
   * Read once, as framed: no second look of the recognizer's own (PP-OCR's stretched retry).
   * Re-reads that vote against the first read ask for this, so that agreement means two views.
   */
  once?: boolean;
}

export interface TextRecognizer {
  readonly name: string;
  /** Independent engines that `RecognizeOptions.engine` chooses between (unset: one). */
  readonly engineCount?: number;
  /** Which engine reads every line first where there are two (unset: 'first'). */
  readonly lead?: 'first' | 'second';
  /** Recognize the whole raster (the core passes a prepared crop). */
  recognize(raster: Raster, options?: RecognizeOptions): Promise<Recognition>;
}

export interface Engines {
  decoder: ImageDecoder;
  pdf: PdfEngine;
  /** The PP-OCR text detector model. */
  detector: TensorRunner;
  recognizer: TextRecognizer;
}

export type Stage = 'decode' | 'locate' | 'detect' | 'recognize' | 'assemble';

export interface ReadOptions {
  /** File name, used only for messages; the format is sniffed from the bytes. */
  fileName?: string;
  /** Date that expiry warnings are judged against (tests pin it). */
  today?: Date;
  signal?: AbortSignal;
  onProgress?: (stage: Stage, done: number, total: number) => void;
  limits?: Partial<ReadLimits>;
}

export interface ReadLimits {
  maxFileBytes: number;
  maxDecodedPixels: number;
  maxDeclaredPixels: number;
  maxPdfPages: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxDecodedPixels: 12_000_000,
  maxDeclaredPixels: 120_000_000,
  maxPdfPages: 20,
};
