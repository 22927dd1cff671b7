// Kiosk mode: full screen on the first touch, large touch targets (class `kiosk` on <html>), no way
// off the app (back navigation trapped, stray file drops and the context menu blocked), the
// document wiped after export or after `idleSeconds` without use, with a visible countdown.
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../store';
import { client } from '../reader';
import { useT, translate } from '../i18n';
import { exportFileName, toJson } from '../export';
import { exportedResult } from '../review/review-store';
import { applyPrivacy } from '../settings/privacy';
import { downloadText } from '../export/download';
import { useKiosk, loadKioskConfig } from './kiosk-store';
import { sameOriginPostUrl, type KioskConfig } from './config';
import { wipeSession } from './wipe';
import { PrintView } from './PrintView';
import './kiosk.css';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/** The document as the kiosk hands it over: downloaded, printed or POSTed; then wiped. */
export async function finishKiosk(config: KioskConfig): Promise<void> {
  const { doc, edits } = useApp.getState();
  if (!doc) return;
  const json = toJson(applyPrivacy(exportedResult(doc, edits)));
  if (config.exportTo === 'download') {
    downloadText(json, exportFileName(doc.fileName), 'application/json');
  } else if (config.exportTo === 'print') {
    window.print(); // blocks until the print dialog closes
  } else {
    const url = sameOriginPostUrl(config.postUrl, location.href);
    if (!url) throw new Error(translate('kiosk.postConfig'));
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: json,
      credentials: 'same-origin',
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  }
  await wipeSession();
}

function useKioskEnvironment(active: boolean, config: KioskConfig): void {
  useEffect(() => {
    document.documentElement.classList.toggle('kiosk', active);
    if (!active) return;
    void loadKioskConfig();

    const fullscreen = () => {
      if (!document.fullscreenElement && document.documentElement.requestFullscreen)
        document.documentElement.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    };
    // Back (and history swipes) stay in the app: a trap entry is pushed back on every pop.
    const trap = () => history.pushState({ kiosk: true }, '', location.href);
    trap();
    const block = (e: Event) => e.preventDefault();
    window.addEventListener('pointerdown', fullscreen);
    window.addEventListener('keydown', fullscreen);
    window.addEventListener('popstate', trap);
    // A file dropped outside the drop zone would make the browser open it, leaving the app.
    window.addEventListener('dragover', block);
    window.addEventListener('drop', block);
    window.addEventListener('contextmenu', block);
    return () => {
      window.removeEventListener('pointerdown', fullscreen);
      window.removeEventListener('keydown', fullscreen);
      window.removeEventListener('popstate', trap);
      window.removeEventListener('dragover', block);
      window.removeEventListener('drop', block);
      window.removeEventListener('contextmenu', block);
    };
  }, [active]);

  useEffect(() => {
    if (active) client.recycleAfter = config.recycleAfter;
  }, [active, config.recycleAfter]);
}

/** Seconds left before the open document is wiped; null when nothing is open. */
function useIdleCountdown(active: boolean, idleSeconds: number): number | null {
  const doc = useApp((s) => s.doc);
  const reading = useApp((s) => s.progress !== null);
  const last = useRef(0);
  const [left, setLeft] = useState<{ doc: unknown; seconds: number } | null>(null);
  const armed = active && doc !== null && !reading;

  useEffect(() => {
    if (!armed) return;
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
    };
    const tick = () => {
      const remaining = Math.max(0, Math.ceil(idleSeconds - (Date.now() - last.current) / 1000));
      setLeft({ doc, seconds: remaining });
      if (remaining === 0) void wipeSession();
    };
    const timer = setInterval(tick, 250);
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true });
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, touch);
    };
  }, [armed, idleSeconds, doc]);
  if (!armed) return null;
  return left?.doc === doc ? left.seconds : idleSeconds;
}

/** Rendered once by App: sets the kiosk environment up and shows the kiosk's bar over a document. */
export function KioskShell() {
  const t = useT();
  const active = useKiosk((s) => s.active);
  const config = useKiosk((s) => s.config);
  const doc = useApp((s) => s.doc);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ doc: unknown; message: string } | null>(null);
  useKioskEnvironment(active, config);
  const left = useIdleCountdown(active, config.idleSeconds);

  if (!active || !doc) return null;
  const error = failure?.doc === doc ? failure.message : null;
  const finishLabel =
    config.exportTo === 'download'
      ? t('kiosk.finishDownload')
      : config.exportTo === 'print'
        ? t('kiosk.finishPrint')
        : t('kiosk.finishPost');

  const finish = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await finishKiosk(config);
    } catch (err) {
      setFailure({ doc, message: t('kiosk.failed', { message: (err as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="kiosk-bar" aria-label={t('kiosk.region')} data-testid="kiosk-bar">
        <div className="kiosk-countdown" role="timer" aria-live="off" data-testid="kiosk-countdown">
          {left !== null ? t('kiosk.idle', { s: left }) : ''}
        </div>
        <div className="kiosk-actions">
          <button
            type="button"
            className="button primary"
            disabled={busy}
            data-testid="kiosk-finish"
            onClick={() => void finish()}
          >
            {finishLabel}
          </button>
          <button type="button" className="button danger" onClick={() => void wipeSession()}>
            {t('kiosk.wipeNow')}
          </button>
        </div>
        {error && (
          <p className="kiosk-error" role="alert">
            {error}
          </p>
        )}
      </section>
      {config.exportTo === 'print' && <PrintView />}
    </>
  );
}
