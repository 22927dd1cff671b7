// The live camera: rear camera preferred (switchable), a card/page guide, live guidance from a frame
// worker that locates the document on small preview frames, auto-capture once the document is in
// frame, sharp and steady, and a manual shutter. The capture (the camera's full resolution) is
// handed over as a File, so it goes through exactly the same read as an upload.
import { useCallback, useEffect, useRef, useState } from 'react';
import { INITIAL_FEEDBACK, nextFeedback, type FeedbackState, type FrameReport, type Hint } from './feedback';
import type { FrameRequest } from './frame.worker';
import { hintKey, useCameraStrings } from './strings';
import './camera.css';

export interface CameraViewProps {
  onCapture(file: File, how: 'auto' | 'manual'): void;
  onClose(): void;
}

/** Preview frames sent to the worker fit in this box. */
const PREVIEW_W = 640;
const PREVIEW_H = 480;
/** How often a preview frame is analysed (when the worker is free). */
const ANALYSE_EVERY_MS = 100;

type CameraState =
  | { kind: 'starting' }
  | { kind: 'live' }
  | { kind: 'error'; reason: 'denied' | 'absent' | 'failed'; message?: string }
  | { kind: 'captured' };

export function CameraView({ onCapture, onClose }: CameraViewProps) {
  const s = useCameraStrings();
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const workerRef = useRef<Worker | null>(null);
  const busyRef = useRef(false);
  const feedbackRef = useRef<FeedbackState>(INITIAL_FEEDBACK);
  const capturedRef = useRef(false);
  const onCaptureRef = useRef(onCapture);
  useEffect(() => {
    onCaptureRef.current = onCapture;
  }, [onCapture]);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [kind, setKind] = useState<'card' | 'page'>('card');
  const [hint, setHint] = useState<Hint>('find');
  const [report, setReport] = useState<FrameReport | null>(null);

  const stop = useCallback(() => {
    streamRef.current?.getTracks().forEach((t) => t.stop());
    streamRef.current = null;
  }, []);

  // Start (or switch) the camera.
  useEffect(() => {
    let cancelled = false;
    async function start() {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState({ kind: 'error', reason: 'absent' });
        return;
      }
      stop();
      setState({ kind: 'starting' });
      try {
        const video: MediaTrackConstraints = deviceId
          ? { deviceId: { exact: deviceId } }
          : { facingMode: { ideal: 'environment' } };
        const stream = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { ...video, width: { ideal: 1920 }, height: { ideal: 1080 } },
        });
        if (cancelled) {
          stream.getTracks().forEach((t) => t.stop());
          return;
        }
        streamRef.current = stream;
        const el = videoRef.current;
        if (el) {
          el.srcObject = stream;
          await el.play().catch(() => undefined);
        }
        const all = await navigator.mediaDevices.enumerateDevices();
        if (!cancelled) setDevices(all.filter((d) => d.kind === 'videoinput'));
        if (!cancelled) setState({ kind: 'live' });
      } catch (err) {
        if (cancelled) return;
        const name = err instanceof Error ? err.name : '';
        if (name === 'NotAllowedError' || name === 'SecurityError')
          setState({ kind: 'error', reason: 'denied' });
        else if (name === 'NotFoundError' || name === 'OverconstrainedError')
          setState({ kind: 'error', reason: 'absent' });
        else
          setState({
            kind: 'error',
            reason: 'failed',
            message: err instanceof Error ? err.message : String(err),
          });
      }
    }
    void start();
    return () => {
      cancelled = true;
    };
  }, [deviceId, stop]);

  useEffect(() => stop, [stop]);

  const capture = useCallback(
    async (how: 'auto' | 'manual') => {
      const video = videoRef.current;
      if (!video || capturedRef.current || !video.videoWidth) return;
      capturedRef.current = true;
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      canvas.getContext('2d')!.drawImage(video, 0, 0);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.95));
      if (!blob) {
        capturedRef.current = false;
        return;
      }
      setState({ kind: 'captured' });
      stop();
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
      onCaptureRef.current(new File([blob], `camera-${how}-${stamp}.jpg`, { type: 'image/jpeg' }), how);
    },
    [stop],
  );

  // The frame worker and the analysis loop.
  useEffect(() => {
    if (state.kind !== 'live') return;
    const worker = new Worker(new URL('./frame.worker.ts', import.meta.url), {
      type: 'module',
      name: 'camera-frames',
    });
    workerRef.current = worker;
    busyRef.current = false;
    feedbackRef.current = INITIAL_FEEDBACK;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    worker.onmessage = (e: MessageEvent<FrameReport>) => {
      busyRef.current = false;
      const r = e.data;
      const f = nextFeedback(feedbackRef.current, r, performance.now());
      feedbackRef.current = f.state;
      setReport(r);
      setHint(f.hint);
      if (f.capture) void capture('auto');
    };
    const timer = window.setInterval(() => {
      const video = videoRef.current;
      if (busyRef.current || capturedRef.current || !video || !video.videoWidth) return;
      const k = Math.min(1, PREVIEW_W / video.videoWidth, PREVIEW_H / video.videoHeight);
      const w = Math.round(video.videoWidth * k);
      const h = Math.round(video.videoHeight * k);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      ctx.drawImage(video, 0, 0, w, h);
      const img = ctx.getImageData(0, 0, w, h);
      busyRef.current = true;
      const msg: FrameRequest = { width: w, height: h, data: img.data.buffer, inputScale: 1 / k, kind };
      worker.postMessage(msg, [img.data.buffer]);
    }, ANALYSE_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      worker.terminate();
      workerRef.current = null;
    };
  }, [state.kind, kind, capture]);

  const switchCamera = () => {
    if (devices.length < 2) return;
    const current = streamRef.current?.getVideoTracks()[0]?.getSettings().deviceId;
    const i = devices.findIndex((d) => d.deviceId === current);
    setDeviceId(devices[(i + 1) % devices.length]!.deviceId);
  };

  const close = () => {
    stop();
    onClose();
  };

  return (
    <section className="camera" aria-label={s('title')} data-testid="camera-view">
      <div className="camera-stage">
        <video ref={videoRef} className="camera-video" playsInline muted autoPlay />
        {state.kind === 'live' && (
          <>
            <div className={`camera-guide camera-guide-${kind}`} aria-hidden="true" />
            {report?.corners && (
              <svg
                className="camera-quad"
                viewBox={`0 0 ${report.width} ${report.height}`}
                preserveAspectRatio="xMidYMid meet"
                aria-hidden="true"
              >
                <polygon
                  points={report.corners.map(([x, y]) => `${x},${y}`).join(' ')}
                  className={hint === 'ready' ? 'quad-ready' : 'quad-seen'}
                />
              </svg>
            )}
            <p
              className={`camera-hint hint-${hint}`}
              role="status"
              data-testid="camera-hint"
              data-hint={hint}
            >
              {s(hintKey(hint))}
            </p>
          </>
        )}
        {state.kind === 'starting' && <p className="camera-hint">{s('starting')}</p>}
        {state.kind === 'captured' && <p className="camera-hint">{s('captured')}</p>}
        {state.kind === 'error' && (
          <p className="camera-error" role="alert" data-testid="camera-error" data-reason={state.reason}>
            {s(state.reason, { message: state.kind === 'error' ? (state.message ?? '') : '' })}
          </p>
        )}
      </div>
      <div className="camera-controls">
        <div className="camera-kind" role="group">
          {(['card', 'page'] as const).map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
              {s(k)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="camera-shutter"
          data-testid="camera-shutter"
          disabled={state.kind !== 'live'}
          onClick={() => void capture('manual')}
        >
          {s('shutter')}
        </button>
        {devices.length > 1 && (
          <button type="button" onClick={switchCamera} disabled={state.kind === 'captured'}>
            {s('switch')}
          </button>
        )}
        <button type="button" onClick={close} data-testid="camera-close">
          {s('close')}
        </button>
      </div>
    </section>
  );
}
