// Shared by the server and fuzz tests: fake engines with controllable timing, and form builders.
import type { Engines, Raster } from '../../src/core/ports';

export interface FakeEngines extends Engines {
  /** Number of decode calls started. */
  started: number;
  /** Number of decode calls finished (resolved or thrown). */
  finished: number;
}

/**
 * Engines that read nothing: the decoder waits for `gate()` (default: resolves at once) and then
 * returns a white 32x32 raster or throws `fail`; the detector finds no text.
 */
export function fakeEngines(options: { gate?: () => Promise<void>; fail?: Error } = {}): FakeEngines {
  const engines: FakeEngines = {
    started: 0,
    finished: 0,
    decoder: {
      async decode() {
        engines.started++;
        try {
          await options.gate?.();
          if (options.fail) throw options.fail;
          const raster: Raster = {
            width: 32,
            height: 32,
            data: new Uint8ClampedArray(32 * 32 * 4).fill(255),
          };
          return { raster, displayWidth: 32, displayHeight: 32 };
        } finally {
          engines.finished++;
        }
      },
    },
    pdf: {
      async open() {
        throw new Error('fake engines read no PDF');
      },
    },
    detector: {
      backend: 'fake',
      async run(_input, dims) {
        const h = dims[2] ?? 1;
        const w = dims[3] ?? 1;
        return { data: new Float32Array(h * w), dims: [1, 1, h, w] };
      },
    },
    recognizer: {
      name: 'fake',
      async recognize() {
        return { text: '', confidence: 0, words: [] };
      },
    },
  };
  return engines;
}

/** A promise with its resolve function exposed. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A multipart form with one file in `field` (default `image`). */
export function form(
  bytes: Uint8Array,
  fileName: string,
  field = 'image',
  type = 'application/octet-stream',
): FormData {
  const fd = new FormData();
  fd.append(field, new Blob([new Uint8Array(bytes)], { type }), fileName);
  return fd;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Polls `cond` every 5 ms until it holds (or throws after `ms`). */
export async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
