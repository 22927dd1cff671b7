import { describe, expect, it } from 'vitest';
import { InputError } from '../core/ports';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { CancelledError, KitasWorkerClient, WorkerCrashError, type WorkerLike } from './worker-client';

/** A stand-in worker: records what it was sent, lets the test answer or crash it. */
class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  private listeners: Record<string, ((e: never) => void)[]> = {};
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (e: never) => void): void {
    (this.listeners[type] ??= []).push(listener);
  }
  reply(data: FromWorker): void {
    for (const l of this.listeners.message ?? []) l({ data } as never);
  }
  crash(message: string): void {
    for (const l of this.listeners.error ?? []) l({ message } as never);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = new KitasWorkerClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { client, workers };
}

const response = {
  result: { status: 'NO_FILE', reason: 'No file in request body', read: {} },
  pages: [],
  backend: 'wasm-2t',
  timings: { engineInitMs: 0, readMs: 1, previewMs: 0, totalMs: 1 },
} as never;

describe('KitasWorkerClient', () => {
  it('routes progress and the result to the call that asked', async () => {
    const { client, workers } = setup();
    const progress: string[] = [];
    const p = client.read({
      bytes: new ArrayBuffer(4),
      name: 'a.png',
      onProgress: (s, d, t) => progress.push(`${s}:${d}/${t}`),
    });
    const id = workers[0]!.sent[0]!.id;
    workers[0]!.reply({ type: 'progress', id, stage: 'detect', done: 1, total: 2 });
    workers[0]!.reply({ type: 'result', id, response });
    await expect(p).resolves.toBe(response);
    expect(progress).toEqual(['detect:1/2']);
  });

  it('rebuilds typed errors from the worker', async () => {
    const { client, workers } = setup();
    const p = client.read({ bytes: new ArrayBuffer(1), name: 'x.pdf' });
    const id = workers[0]!.sent[0]!.id;
    workers[0]!.reply({
      type: 'error',
      id,
      error: { name: 'InputError', message: 'locked', kind: 'encrypted' },
    });
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).kind).toBe('encrypted');
  });

  it('rejects every pending call when the worker dies, and starts a new worker next time', async () => {
    const { client, workers } = setup();
    const a = client.read({ bytes: new ArrayBuffer(1), name: 'a' });
    const b = client.warm();
    workers[0]!.crash('boom');
    await expect(a).rejects.toBeInstanceOf(WorkerCrashError);
    await expect(b).rejects.toThrow(/boom/);
    expect(workers[0]!.terminated).toBe(true);
    const c = client.read({ bytes: new ArrayBuffer(1), name: 'c' });
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ type: 'result', id: workers[1]!.sent[0]!.id, response });
    await expect(c).resolves.toBe(response);
  });

  it('cancel terminates the worker and rejects with CancelledError; late replies are ignored', async () => {
    const { client, workers } = setup();
    const p = client.read({ bytes: new ArrayBuffer(1), name: 'a' });
    const id = workers[0]!.sent[0]!.id;
    client.cancel();
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0]!.terminated).toBe(true);
    expect(client.busy).toBe(false);
    workers[0]!.reply({ type: 'result', id, response }); // must not throw or resolve anything
  });

  it('an AbortSignal cancels the read', async () => {
    const { client, workers } = setup();
    const ac = new AbortController();
    const p = client.read({ bytes: new ArrayBuffer(1), name: 'a', signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0]!.terminated).toBe(true);
  });
});
