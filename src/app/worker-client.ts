// The UI side of the reading worker: typed calls, progress callbacks, real cancellation (the worker
// is terminated and a fresh one started) and no promise left hanging if the worker dies.

import {
  deserializeError,
  type FromWorker,
  type ProgressStage,
  type ReadRegionRequest,
  type ReadRequestOptions,
  type ReadResponse,
  type ToWorker,
} from '../worker/protocol';
import type { TextField } from '../core/schema';

export class WorkerCrashError extends Error {
  constructor(message = 'The reading worker stopped unexpectedly.') {
    super(message);
    this.name = 'WorkerCrashError';
  }
}

export class CancelledError extends Error {
  constructor() {
    super('The read was cancelled.');
    this.name = 'CancelledError';
  }
}

/** The part of `Worker` the client uses (a fake one in unit tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export type ProgressListener = (stage: ProgressStage, done: number, total: number) => void;

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  onProgress?: ProgressListener;
}

export interface ReadCall {
  bytes: ArrayBuffer;
  name: string;
  options?: ReadRequestOptions;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

export function createKitasWorker(): WorkerLike {
  return new Worker(new URL('../worker/kitas.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kitas-reader',
  }) as WorkerLike;
}

export interface ClientOptions {
  /** Restart the worker after this many finished jobs (reads, re-reads), once idle; 0 = never. */
  recycleAfter?: number;
  /** Called right after a recycle (e.g. to warm the fresh worker's engines). */
  onRecycle?: () => void;
}

export class KitasWorkerClient {
  private worker: WorkerLike | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Jobs finished by the current worker. */
  private jobs = 0;
  /** Worker recycling: WASM heaps only grow, so a kiosk reading all day restarts it now and then. */
  recycleAfter: number;
  onRecycle: (() => void) | undefined;
  /** How many times the worker was recycled (for the UI and tests). */
  recycled = 0;

  constructor(
    private readonly spawn: () => WorkerLike = createKitasWorker,
    options: ClientOptions = {},
  ) {
    this.recycleAfter = options.recycleAfter ?? 0;
    this.onRecycle = options.onRecycle;
  }

  /** Jobs the current worker has finished since it started. */
  get jobCount(): number {
    return this.jobs;
  }

  /** Whether a call is waiting on the worker. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Starts the engines ahead of the first file; resolves with the detector backend. */
  warm(options: ReadRequestOptions = {}): Promise<{ backend: string; engineInitMs: number }> {
    return this.call<{ backend: string; engineInitMs: number }>((id) => ({ type: 'warm', id, options }), []);
  }

  read(call: ReadCall): Promise<ReadResponse> {
    if (call.signal?.aborted) return Promise.reject(new CancelledError());
    const promise = this.call<ReadResponse>(
      (id) => ({ type: 'read', id, bytes: call.bytes, name: call.name, options: call.options ?? {} }),
      [call.bytes],
      call.onProgress,
    );
    if (call.signal) {
      const onAbort = () => this.cancel();
      call.signal.addEventListener('abort', onAbort, { once: true });
      void promise.finally(() => call.signal?.removeEventListener('abort', onAbort)).catch(() => undefined);
    }
    return promise;
  }

  /** Re-reads one field from a box on a page; the raster's buffer is transferred to the worker. */
  readRegion(request: ReadRegionRequest): Promise<TextField> {
    return this.call<TextField>((id) => ({ type: 'readRegion', id, ...request }), [request.raster.data]);
  }

  /** Stops whatever the worker is doing: terminate it, reject every pending call, start afresh. */
  cancel(): void {
    this.reset(new CancelledError());
  }

  dispose(): void {
    this.reset(new CancelledError());
  }

  private call<T>(
    make: (id: number) => ToWorker,
    transfer: Transferable[],
    onProgress?: ProgressListener,
  ): Promise<T> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      try {
        worker.postMessage(make(id), transfer);
      } catch (err) {
        this.pending.delete(id);
        reject(err as Error);
      }
    });
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      if (this.worker === worker) this.onMessage(event.data);
    });
    // An 'error' event that reaches us is an uncaught failure in the worker (a script that did not
    // load, a crash): nothing pending will ever be answered, so fail all of it now.
    const crashed = (event: Event) => {
      if (this.worker !== worker) return;
      const detail = (event as ErrorEvent).message;
      this.reset(new WorkerCrashError(detail ? `The reading worker failed: ${detail}` : undefined));
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    this.worker = worker;
    return worker;
  }

  private onMessage(msg: FromWorker): void {
    const pending = this.pending.get(msg.id);
    if (!pending) return;
    switch (msg.type) {
      case 'progress':
        pending.onProgress?.(msg.stage, msg.done, msg.total);
        return;
      case 'result':
        this.pending.delete(msg.id);
        pending.resolve(msg.response);
        this.jobDone();
        return;
      case 'region':
        this.pending.delete(msg.id);
        pending.resolve(msg.field);
        this.jobDone();
        return;
      case 'warmed':
        this.pending.delete(msg.id);
        pending.resolve({ backend: msg.backend, engineInitMs: msg.engineInitMs });
        return;
      case 'error':
        this.pending.delete(msg.id);
        pending.reject(deserializeError(msg.error));
        this.jobDone();
        return;
    }
  }

  /** Counts a finished job; at the limit, and with nothing pending, starts over with a new worker. */
  private jobDone(): void {
    this.jobs++;
    if (this.recycleAfter <= 0 || this.jobs < this.recycleAfter || this.pending.size > 0) return;
    const worker = this.worker;
    this.worker = null;
    this.jobs = 0;
    worker?.terminate();
    this.recycled++;
    this.onRecycle?.();
  }

  private reset(reason: Error): void {
    const worker = this.worker;
    this.worker = null;
    this.jobs = 0;
    worker?.terminate();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(reason);
  }
}
