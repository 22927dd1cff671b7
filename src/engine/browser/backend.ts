// Which backend the detector runs on. Kept apart from the engines so it can be tested in Node.

type GpuAdapterLike = { isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } } | null;
type NavigatorLike = { gpu?: { requestAdapter(): Promise<unknown> }; hardwareConcurrency?: number };

/**
 * A real GPU adapter, or null. SwiftShader (what headless Chromium offers with unsafe WebGPU) is a
 * fallback adapter and slower than WASM by two orders of magnitude: treat it as no GPU.
 */
export async function realGpuAdapter(nav: NavigatorLike = navigator as NavigatorLike): Promise<unknown> {
  const gpu = nav.gpu;
  if (!gpu) return null;
  try {
    const adapter = (await gpu.requestAdapter()) as GpuAdapterLike;
    if (!adapter) return null;
    if (adapter.info?.isFallbackAdapter || adapter.isFallbackAdapter) return null;
    return adapter;
  } catch {
    return null;
  }
}

/** WASM threads: up to 4, and more than 1 only where SharedArrayBuffer exists (cross-origin isolated). */
export function wasmThreads(
  isolated: boolean = globalThis.crossOriginIsolated === true,
  cores: number = (globalThis.navigator as NavigatorLike | undefined)?.hardwareConcurrency ?? 1,
): number {
  if (!isolated) return 1;
  return Math.max(1, Math.min(4, cores || 1));
}
