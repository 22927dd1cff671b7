import { describe, expect, it } from 'vitest';
import { realGpuAdapter, wasmThreads } from './backend';

const nav = (adapter: unknown) => ({ gpu: { requestAdapter: async () => adapter } });

describe('realGpuAdapter', () => {
  it('takes a hardware adapter', async () => {
    const hw = { info: { isFallbackAdapter: false } };
    expect(await realGpuAdapter(nav(hw))).toBe(hw);
  });

  it('treats no WebGPU, no adapter, a fallback adapter or a failing request as no GPU', async () => {
    expect(await realGpuAdapter({})).toBeNull();
    expect(await realGpuAdapter(nav(null))).toBeNull();
    expect(await realGpuAdapter(nav({ info: { isFallbackAdapter: true } }))).toBeNull();
    expect(await realGpuAdapter(nav({ isFallbackAdapter: true }))).toBeNull();
    const failing = { gpu: { requestAdapter: () => Promise.reject(new Error('blocked')) } };
    expect(await realGpuAdapter(failing)).toBeNull();
  });
});

describe('wasmThreads', () => {
  it('uses one thread without cross-origin isolation, else up to 4', () => {
    expect(wasmThreads(false, 8)).toBe(1);
    expect(wasmThreads(true, 2)).toBe(2);
    expect(wasmThreads(true, 16)).toBe(4);
    expect(wasmThreads(true, 0)).toBe(1);
  });
});
