import { useMutation } from '@tanstack/react-query';
import { InputError } from '../core/ports';
import { CancelledError, KitasWorkerClient } from './worker-client';
import { readRetryingOnCrash } from './read-retry';
import { useApp, type PageView } from './store';
import { translate } from './i18n';
import { useSettings } from './settings/settings-store';

/**
 * One worker client for the page: its engines stay warm between files, and the worker is replaced
 * after `recycleAfter` reads (Settings; kiosk config) so memory stays flat over a day.
 */
export const client = new KitasWorkerClient(undefined, {
  recycleAfter: useSettings.getState().settings.recycleAfter,
  onRecycle: () => warmEngines(),
});
useSettings.subscribe((s) => {
  client.recycleAfter = s.settings.recycleAfter;
});

/** Starts (or restarts, after a cancel) the engines so the first file does not wait for them. */
export function warmEngines(): void {
  const { setEngine } = useApp.getState();
  setEngine({ state: 'starting' });
  client.warm().then(
    ({ backend, engineInitMs }) => {
      const engine = useApp.getState().engine;
      // A warm that merely joined already-running engines reports 0 ms; keep the real figure.
      const initMs = engineInitMs || (engine.state === 'ready' ? engine.initMs : 0);
      setEngine({ state: 'ready', backend, initMs });
    },
    (err: Error) => {
      if (err instanceof CancelledError) return;
      setEngine({ state: 'failed', message: err.message });
    },
  );
}

function describeError(err: Error): string {
  if (err instanceof InputError) return err.message;
  return translate('read.failed', { message: err.message });
}

export function useReadFile() {
  return useMutation({
    mutationKey: ['read'],
    mutationFn: async (file: File) => {
      const app = useApp.getState();
      app.startRead(file.name);
      const bytes = await file.arrayBuffer();
      const response = await readRetryingOnCrash(client, {
        bytes,
        name: file.name,
        onProgress: (stage, done, total) => useApp.getState().setProgress(stage, done, total),
      });
      return { file, response };
    },
    onSuccess: ({ file, response }) => {
      const { result, pages } = response;
      const fallback = result.meta?.page_sizes ?? [];
      let views: PageView[];
      if (pages.length > 0 && pages.some((p) => p.blob)) {
        views = pages.map((p) => ({ ...p, url: p.blob ? URL.createObjectURL(p.blob) : null }));
      } else if (result.status === 'SUCCESS') {
        // An image: the browser shows the file as displayed (EXIF applied), the polygons' pixels.
        const first = pages[0] ?? fallback[0];
        views = [
          { index: 0, width: first?.width ?? 0, height: first?.height ?? 0, url: URL.createObjectURL(file) },
        ];
      } else {
        views = [];
      }
      useApp.getState().openDocument({
        fileName: file.name,
        fileSize: file.size,
        result,
        pages: views,
        backend: response.backend,
        timings: response.timings,
      });
      const engine = useApp.getState().engine;
      if (engine.state !== 'ready') {
        useApp
          .getState()
          .setEngine({ state: 'ready', backend: response.backend, initMs: response.timings.engineInitMs });
      }
    },
    onError: (err: Error) => {
      if (err instanceof CancelledError) {
        useApp.getState().endRead({ kind: 'info', text: translate('read.cancelled') });
        warmEngines();
        return;
      }
      useApp.getState().endRead({ kind: 'error', text: describeError(err) });
      if (err.name === 'WorkerCrashError') warmEngines();
    },
  });
}

export function cancelRead(): void {
  client.cancel();
}
