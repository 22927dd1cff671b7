import type { TensorRunner } from '../core/ports';

/**
 * The slice of the onnxruntime API we use; both onnxruntime-web and onnxruntime-node satisfy it, so
 * the browser worker and the Node adapters run one model wrapper.
 */
export interface OrtLike {
  InferenceSession: {
    create(model: Uint8Array, options?: Record<string, unknown>): Promise<OrtSession>;
  };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => unknown;
}

interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: unknown; dims: readonly number[] }>>;
  release?(): Promise<void>;
}

export interface OnnxRunnerOptions {
  sessionOptions?: Record<string, unknown>;
  /** What meta.backend reports, e.g. 'wasm-2t', 'webgpu', 'onnxruntime-node'. */
  backendLabel: string;
}

export async function createOnnxRunner(
  ort: OrtLike,
  model: Uint8Array,
  options: OnnxRunnerOptions,
): Promise<TensorRunner & { release(): Promise<void> }> {
  const session = await ort.InferenceSession.create(model, options.sessionOptions ?? {});
  const inputName = session.inputNames[0];
  const outputName = session.outputNames[0];
  if (!inputName || !outputName) throw new Error('The detector model has no input or output');
  // onnxruntime sessions are not re-entrant on the wasm backend: serialise runs.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    backend: options.backendLabel,
    run(input, dims) {
      const job = queue.then(async () => {
        const outputs = await session.run({ [inputName]: new ort.Tensor('float32', input, dims) });
        const out = outputs[outputName];
        if (!out || !(out.data instanceof Float32Array))
          throw new Error('The detector returned no float output');
        return { data: out.data, dims: out.dims };
      });
      queue = job.catch(() => undefined);
      return job;
    },
    async release() {
      await session.release?.();
    },
  };
}
