// Test helper: a detector that sees dark ink, for documents drawn with solid bars.
import type { TensorRunner } from '../ports';

/**
 * A stand-in for the PP-OCR detector: text probability 1 where the input is dark ink. The synthetic
 * documents below print their "text" as solid dark bars, which is what the real model's map of a
 * printed line looks like.
 */
export const inkDetector: TensorRunner = {
  backend: 'test-ink',
  async run(input, dims) {
    const h = dims[2]!;
    const w = dims[3]!;
    const plane = w * h;
    const out = new Float32Array(plane);
    for (let p = 0; p < plane; p++) {
      const b = (input[p]! * 0.229 + 0.485) * 255;
      const g = (input[plane + p]! * 0.224 + 0.456) * 255;
      const r = (input[2 * plane + p]! * 0.225 + 0.406) * 255;
      out[p] = 0.299 * r + 0.587 * g + 0.114 * b < 90 ? 0.95 : 0;
    }
    return { data: out, dims: [1, 1, h, w] };
  },
};
