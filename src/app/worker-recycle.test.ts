import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { KitasWorkerClient, type WorkerLike } from './worker-client';

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
}

const response = {
  result: { status: 'NO_FILE', reason: 'No file in request body', read: {} },
  pages: [],
  backend: 'wasm-2t',
  timings: { engineInitMs: 0, readMs: 1, previewMs: 0, totalMs: 1 },
} as never;

function setup(recycleAfter: number) {
  const workers: FakeWorker[] = [];
  let recycles = 0;
  const client = new KitasWorkerClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    { recycleAfter, onRecycle: () => recycles++ },
  );
  const read = () => client.read({ bytes: new ArrayBuffer(1), name: 'a.png' });
  const answerLast = (w: FakeWorker) => w.reply({ type: 'result', id: w.sent.at(-1)!.id, response });
  return { client, workers, read, answerLast, recycles: () => recycles };
}

describe('worker recycling', () => {
  it('terminates the worker after N reads and starts a fresh one for the next', async () => {
    const { client, workers, read, answerLast, recycles } = setup(3);
    for (let i = 0; i < 3; i++) {
      const p = read();
      answerLast(workers[0]!);
      await p;
    }
    expect(workers[0]!.terminated).toBe(true);
    expect(recycles()).toBe(1);
    expect(client.jobCount).toBe(0);
    const p = read();
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent).toHaveLength(1);
    answerLast(workers[1]!);
    await expect(p).resolves.toBeTruthy();
    expect(workers[1]!.terminated).toBe(false);
  });

  it('waits for pending calls before recycling (no read is lost)', async () => {
    const { workers, client } = setup(1);
    const a = client.read({ bytes: new ArrayBuffer(1), name: 'a.png' });
    const b = client.read({ bytes: new ArrayBuffer(1), name: 'b.png' });
    const w = workers[0]!;
    w.reply({ type: 'result', id: w.sent[0]!.id, response });
    await a;
    expect(w.terminated).toBe(false); // b is still on this worker
    w.reply({ type: 'result', id: w.sent[1]!.id, response });
    await b;
    expect(w.terminated).toBe(true);
  });

  it('never recycles with 0, and a failed read counts as a job', async () => {
    const never = setup(0);
    for (let i = 0; i < 5; i++) {
      const p = never.read();
      never.answerLast(never.workers[0]!);
      await p;
    }
    expect(never.workers[0]!.terminated).toBe(false);

    const one = setup(1);
    const p = one.read();
    const w = one.workers[0]!;
    w.reply({ type: 'error', id: w.sent[0]!.id, error: { name: 'Error', message: 'boom' } });
    await expect(p).rejects.toThrow('boom');
    expect(w.terminated).toBe(true);
  });
});
