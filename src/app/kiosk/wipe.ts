// Wipes the open document and everything derived from it: the app, review and batch stores, page
// image URLs, the read mutation's cached data (via onWipe listeners), and the clipboard.
import { useApp } from '../store';
import { useReview } from '../review/review-store';
import { useBatch } from '../batch/batch-store';
import { cancelRead } from '../reader';
import { translate } from '../i18n';
import { applyUpdate } from '../pwa/register';

const listeners = new Set<() => void>();

/** Runs `fn` on every wipe (e.g. a component resetting its own state); returns the unsubscribe. */
export function onWipe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Overwrites the clipboard with an empty string (a copied JSON must not outlive the session). */
export async function clearClipboard(): Promise<boolean> {
  try {
    await navigator.clipboard.writeText('');
    return true;
  } catch {
    // No permission or no focus: fall back to a copy command on an empty selection.
    try {
      const area = document.createElement('textarea');
      area.value = ' ';
      area.setAttribute('aria-hidden', 'true');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      return ok;
    } catch {
      return false;
    }
  }
}

export async function wipeSession(): Promise<void> {
  const app = useApp.getState();
  if (app.progress) cancelRead();
  for (const p of app.doc?.pages ?? []) if (p.url) URL.revokeObjectURL(p.url);
  useApp.setState({
    doc: null,
    edits: {},
    selected: null,
    page: 0,
    progress: null,
    notice: { kind: 'info', text: translate('kiosk.wiped') },
  });
  useReview.setState({
    pages: null,
    machine: null,
    reviewedAt: null,
    past: [],
    future: [],
    typing: null,
    drawing: null,
    rereading: null,
    rereadError: null,
  });
  const batch = useBatch.getState();
  if (batch.items.length > 0) batch.clear();
  for (const fn of listeners) fn();
  // Whatever had focus (an input with a value) goes; the start screen takes over.
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  await clearClipboard();
  // A newer build waiting to take over is applied now, while nothing is open.
  applyUpdate();
}
