// Live analysis of camera preview frames, off the UI thread and apart from the reading worker (so
// a read in progress never stalls the preview): locate the outline and judge the frame. No models.
import { locateDocument, LIVE_LOCATE_OPTIONS } from '../../core/locate/locate';
import type { TensorRunner } from '../../core/ports';
import type { FrameReport } from './feedback';

export interface FrameRequest {
  width: number;
  height: number;
  data: ArrayBuffer;
  /** Full-resolution capture width / preview width (text size is judged at capture resolution). */
  inputScale: number;
  kind: 'card' | 'page';
}

const noDetector: TensorRunner = {
  backend: 'none',
  run() {
    return Promise.reject(new Error('live frames are located without the detector'));
  },
};

self.onmessage = async (e: MessageEvent<FrameRequest>) => {
  const { width, height, data, inputScale, kind } = e.data;
  const t = performance.now();
  try {
    const loc = await locateDocument({ width, height, data: new Uint8ClampedArray(data) }, noDetector, {
      ...LIVE_LOCATE_OPTIONS,
      inputScale,
      documentKind: kind,
    });
    const report: FrameReport = {
      corners: loc.corners,
      issues: loc.quality.issues,
      sharpness: loc.quality.sharpness,
      width,
      height,
      ms: performance.now() - t,
    };
    self.postMessage(report);
  } catch {
    self.postMessage({ corners: null, issues: [], sharpness: 0, width, height, ms: performance.now() - t });
  }
};
