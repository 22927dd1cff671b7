import { describe, expect, it } from 'vitest';
import { CRASHED_TWICE_REASON, readRetryingOnCrash } from './read-retry';
import { WorkerCrashError, type ReadCall } from './worker-client';
import type { ReadResponse } from '../worker/protocol';
import { emptyRead } from '../core/schema';

const ok: ReadResponse = {
  result: { status: 'SUCCESS', reason: 'File successfully read.', read: emptyRead() },
  pages: [],
  backend: 'wasm-2t',
  timings: { engineInitMs: 0, readMs: 1, previewMs: 0, totalMs: 1 },
};

function fakeClient(outcomes: ('crash' | 'ok' | 'error')[]) {
  const seen: number[] = [];
  return {
    seen,
    read: async (call: ReadCall) => {
      seen.push(new Uint8Array(call.bytes)[0]!);
      const next = outcomes.shift();
      if (next === 'crash') throw new WorkerCrashError('boom');
      if (next === 'error') throw new Error('other');
      return ok;
    },
  };
}

const call = (): ReadCall => ({ bytes: new Uint8Array([7, 8, 9]).buffer, name: 'x.png' });

describe('readRetryingOnCrash', () => {
  it('retries once after a crash, with the same bytes', async () => {
    const client = fakeClient(['crash', 'ok']);
    await expect(readRetryingOnCrash(client, call())).resolves.toBe(ok);
    expect(client.seen).toEqual([7, 7]);
  });
  it('a second crash becomes a FAILED result with a reason', async () => {
    const r = await readRetryingOnCrash(fakeClient(['crash', 'crash']), call());
    expect(r.result.status).toBe('FAILED');
    expect(r.result.reason).toBe(CRASHED_TWICE_REASON);
  });
  it('other errors are not retried', async () => {
    const client = fakeClient(['error', 'ok']);
    await expect(readRetryingOnCrash(client, call())).rejects.toThrow('other');
    expect(client.seen).toEqual([7]);
  });
});
