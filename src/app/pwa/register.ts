// Registers the service worker (production builds only) and tracks whether the app is ready to
// work offline: the worker is active and every file of its precache list is in the cache.
import { create } from 'zustand';

export type OfflineState =
  | { state: 'unsupported' }
  | { state: 'installing' }
  | { state: 'ready'; version: string; cached: number; total: number }
  | { state: 'failed'; message: string };

interface PwaState {
  offline: OfflineState;
  /** A newer build is installed and waits to take over (applied by applyUpdate()). */
  updateWaiting: boolean;
}

export const usePwa = create<PwaState>(() => ({
  offline: { state: 'installing' },
  updateWaiting: false,
}));

interface StatusMessage {
  type: 'status';
  version: string;
  cached: number;
  total: number;
}

/** Asks the active worker how much of its precache is in place. */
function askStatus(worker: ServiceWorker): Promise<StatusMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('service worker did not answer')), 10_000);
    const onMessage = (event: MessageEvent<StatusMessage>) => {
      if (event.data?.type !== 'status') return;
      clearTimeout(timer);
      navigator.serviceWorker.removeEventListener('message', onMessage);
      resolve(event.data);
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    navigator.serviceWorker.startMessages();
    worker.postMessage({ type: 'status' });
  });
}

let registration: ServiceWorkerRegistration | null = null;

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) {
    usePwa.setState({ offline: { state: 'unsupported' } });
    return;
  }
  try {
    const base = import.meta.env.BASE_URL;
    registration = await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
    const watchWaiting = () => usePwa.setState({ updateWaiting: registration?.waiting != null });
    watchWaiting();
    registration.addEventListener('updatefound', () => {
      registration?.installing?.addEventListener('statechange', watchWaiting);
    });
    // `ready` resolves once a worker is active, i.e. after its install (the precache) succeeded.
    const ready = await navigator.serviceWorker.ready;
    const active = ready.active;
    if (!active) throw new Error('no active service worker');
    const status = await askStatus(active);
    usePwa.setState({
      offline:
        status.cached >= status.total
          ? { state: 'ready', version: status.version, cached: status.cached, total: status.total }
          : { state: 'installing' },
    });
  } catch (err) {
    usePwa.setState({ offline: { state: 'failed', message: (err as Error).message } });
  }
}

/**
 * Lets a waiting newer build take over and reloads into it. Call only when nothing is open (the
 * kiosk does it right after a wipe): the reload discards the page.
 */
export function applyUpdate(): boolean {
  const waiting = registration?.waiting;
  if (!waiting) return false;
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  waiting.postMessage({ type: 'skip-waiting' });
  return true;
}
