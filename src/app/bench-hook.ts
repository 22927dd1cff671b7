// Test hook for the benchmark (scripts/bench): with ?bench=1 in the URL the page exposes the app's own
// worker client (the one the UI reads with, engines kept warm between files). Nothing is exposed
// otherwise. Imported for its side effect from main.tsx.

import type { KitasResult } from '../core/schema';
import type { ReadResponse } from '../worker/protocol';
import { client } from './reader';

export interface BenchRead {
  result: KitasResult;
  backend: string;
  timings: ReadResponse['timings'];
  /** Wall time of the call on the page, ms. */
  wallMs: number;
}

declare global {
  interface Window {
    __kitasRead?: (bytes: Uint8Array, name: string) => Promise<KitasResult>;
    __kitasReadTimed?: (bytes: Uint8Array, name: string) => Promise<BenchRead>;
  }
}

async function readTimed(bytes: Uint8Array, name: string): Promise<BenchRead> {
  const started = performance.now();
  // The client transfers the buffer: hand it a copy so the caller's bytes stay usable.
  const response = await client.read({ bytes: bytes.slice().buffer, name });
  return {
    result: response.result,
    backend: response.backend,
    timings: response.timings,
    wallMs: performance.now() - started,
  };
}

if (typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('bench') === '1') {
  window.__kitasReadTimed = readTimed;
  window.__kitasRead = async (bytes, name) => (await readTimed(bytes, name)).result;
}
