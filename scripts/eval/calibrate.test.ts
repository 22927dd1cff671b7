import { describe, expect, it } from 'vitest';
import { fitLastWeights } from './calibrate';

describe('fitLastWeights', () => {
  // Two features: the first held at its weight, the second fitted. Where the second is on, four
  // reads in five are right; where it is off, the held model's own rate (one in two at z = 0).
  const samples = [
    ...Array.from({ length: 40 }, (_, i) => ({ x: [1, 1], y: (i % 5 === 0 ? 0 : 1) as 0 | 1 })),
    ...Array.from({ length: 40 }, (_, i) => ({ x: [1, 0], y: (i % 2) as 0 | 1 })),
  ];
  const model = { bias: -1, weights: [1] };

  it('holds the bias and the other weights, and fits the last to the rate where it is on', () => {
    const fitted = fitLastWeights(samples, model, 1, 0);
    expect(fitted.bias).toBe(-1);
    expect(fitted.weights[0]).toBe(1);
    // p = 0.8 where the feature is on: z = -1 + 1 + w = ln 4.
    expect(fitted.weights[1]).toBeCloseTo(Math.log(4), 3);
  });

  it('the penalty pulls the weight towards zero', () => {
    const free = fitLastWeights(samples, model, 1, 0).weights[1]!;
    const held = fitLastWeights(samples, model, 1, 0.1).weights[1]!;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(free);
  });
});
