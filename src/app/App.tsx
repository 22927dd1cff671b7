import { useEffect } from 'react';
import { useApp } from './store';
import { useReadFile, warmEngines } from './reader';
import { DropZone } from './components/DropZone';
import { ProgressPanel } from './components/ProgressPanel';
import { ReviewWorkspace } from './review/ReviewWorkspace';
import { BatchScreen } from './batch/BatchScreen';
import { ModeTabs } from './batch/ModeTabs';
import { useBatch } from './batch/batch-store';
import { EngineBadge } from './components/EngineBadge';
import { useT } from './i18n';
import { LanguageSwitch } from './i18n/LanguageSwitch';
import { OfflineBadge } from './pwa/OfflineBadge';
import { SettingsButton } from './settings/SettingsDialog';
import { KioskShell } from './kiosk/KioskShell';
import { onWipe } from './kiosk/wipe';
import { CameraEntry } from './camera/CameraEntry';

let warmed = false;

export function App() {
  const t = useT();
  const doc = useApp((s) => s.doc);
  const notice = useApp((s) => s.notice);
  const hasEdits = useApp((s) => Object.keys(s.edits).length > 0);
  const read = useReadFile();
  const mode = useBatch((s) => s.mode);

  useEffect(() => {
    // Once per page (StrictMode mounts twice in dev): start the engines before the first file.
    if (warmed) return;
    warmed = true;
    warmEngines();
  }, []);

  // A kiosk wipe also drops the read mutation's data (the file and its result).
  const resetRead = read.reset;
  useEffect(() => onWipe(resetRead), [resetRead]);

  useEffect(() => {
    if (!hasEdits) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasEdits]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <div className="header-tools">
          <OfflineBadge />
          <LanguageSwitch />
          <EngineBadge />
          <SettingsButton />
        </div>
      </header>

      <main className="app-main">
        <KioskShell />
        <ModeTabs />
        {mode === 'batch' ? (
          <BatchScreen />
        ) : (
          <>
            <DropZone compact={doc !== null} busy={read.isPending} onFile={(file) => read.mutate(file)} />
            <CameraEntry disabled={read.isPending} onFile={(file) => read.mutate(file)} />
            <ProgressPanel />
            {notice && (
              <div
                className={`notice notice-${notice.kind}`}
                role={notice.kind === 'error' ? 'alert' : 'status'}
              >
                {notice.text}
              </div>
            )}
            {doc && <ReviewWorkspace doc={doc} />}
          </>
        )}
      </main>
    </div>
  );
}
