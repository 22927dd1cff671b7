import { failureResult } from '../core/schema';
import type { ReadResponse } from '../worker/protocol';
import { WorkerCrashError, type KitasWorkerClient, type ReadCall } from './worker-client';

export const CRASHED_TWICE_REASON =
  'The reader stopped twice while reading this file (it may need more memory than this device has). ' +
  'Try a smaller image or another device.';

/**
 * A worker that dies mid-read (out of memory, a wasm trap) is replaced by the client; the read is
 * tried once more on the fresh worker, and a second crash becomes a FAILED result, not an error.
 */
export async function readRetryingOnCrash(
  client: Pick<KitasWorkerClient, 'read'>,
  call: ReadCall,
): Promise<ReadResponse> {
  // The first attempt transfers the buffer to the worker; keep a copy for the retry.
  const spare = call.bytes.slice(0);
  try {
    return await client.read(call);
  } catch (first) {
    if (!(first instanceof WorkerCrashError)) throw first;
    try {
      return await client.read({ ...call, bytes: spare });
    } catch (second) {
      if (!(second instanceof WorkerCrashError)) throw second;
      return {
        result: failureResult('FAILED', CRASHED_TWICE_REASON),
        pages: [],
        backend: 'none',
        timings: { engineInitMs: 0, readMs: 0, previewMs: 0, totalMs: 0 },
      };
    }
  }
}
