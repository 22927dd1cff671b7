// The typed messages between the UI thread and the reading worker. Both sides import only types
// (and the error codec) from here, so a change of shape breaks the build on both sides at once.

import { InputError, type Rect, type Stage } from '../core/ports';
import type { KitasResult, TextField, TextFieldName } from '../core/schema';

/** Pipeline stages plus the worker's own: engine start-up and page previews for the viewer. */
export type ProgressStage = 'init' | Stage | 'preview';

export interface ReadRequestOptions {
  /** ISO date (yyyy-mm-dd) that expiry warnings are judged against; defaults to today. */
  today?: string;
  /** Use WASM even when a real GPU adapter exists. */
  disableWebGpu?: boolean;
  /** One record per permit (readDocumentAll): a PDF bundling several permits gives several. */
  all?: boolean;
}

/** A page image for the viewer, in the same pixels as the result's polygons. */
export interface PagePreview {
  index: number;
  width: number;
  height: number;
  /** PNG. Absent for image inputs: the UI shows the file itself (the browser applies EXIF too). */
  blob?: Blob;
}

export interface ReadResponse {
  result: KitasResult;
  /** With `options.all`: every permit's record (`result` is the first). */
  results?: KitasResult[];
  pages: PagePreview[];
  /** The detector backend that ran: 'webgpu', 'wasm-2t', 'wasm-1t', ... */
  backend: string;
  timings: { engineInitMs: number; readMs: number; previewMs: number; totalMs: number };
}

/** Re-read one field from a box the officer drew on a page (core/reread-region.ts). */
export interface ReadRegionRequest {
  /** The page's RGBA pixels (transferred). */
  raster: { width: number; height: number; data: ArrayBuffer };
  /** The box, in the raster's pixels. */
  rect: Rect;
  field: TextFieldName;
  pageIndex: number;
  nationality: string;
  /** Output pixels (the result's polygons) per raster pixel; default 1. */
  scale?: number;
}

export type ToWorker =
  | { type: 'read'; id: number; bytes: ArrayBuffer; name: string; options: ReadRequestOptions }
  | { type: 'warm'; id: number; options: ReadRequestOptions }
  | ({ type: 'readRegion'; id: number } & ReadRegionRequest);

export type FromWorker =
  | { type: 'progress'; id: number; stage: ProgressStage; done: number; total: number }
  | { type: 'result'; id: number; response: ReadResponse }
  | { type: 'warmed'; id: number; backend: string; engineInitMs: number }
  | { type: 'region'; id: number; field: TextField }
  | { type: 'error'; id: number; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  kind?: InputError['kind'];
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof InputError) return { name: 'InputError', message: err.message, kind: err.kind };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}

/** Rebuilds the error on the receiving side as the same kind of error it was. */
export function deserializeError(e: SerializedError): Error {
  if (e.name === 'InputError' && e.kind) return new InputError(e.kind, e.message);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
