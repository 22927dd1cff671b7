// Settings, the privacy notice and the history, in one modal dialog (native <dialog>: focus moves
// in and stays in, Escape closes, focus returns to the button).
import { useId, useRef } from 'react';
import { useT } from '../i18n';
import { HistoryPanel } from '../history/HistoryPanel';
import { OfflineBadge } from '../pwa/OfflineBadge';
import { useSettings, type KioskExport } from './settings-store';
import './settings.css';

function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  testId: string;
  onChange(v: number): void;
}) {
  const id = useId();
  return (
    <div className="setting">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => {
          const v = e.currentTarget.valueAsNumber;
          if (Number.isFinite(v)) props.onChange(v);
        }}
      />
    </div>
  );
}

function Toggle(props: { label: string; checked: boolean; testId: string; onChange(v: boolean): void }) {
  const id = useId();
  return (
    <div className="setting setting-toggle">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

export function SettingsPanel() {
  const t = useT();
  const s = useSettings((st) => st.settings);
  const update = useSettings((st) => st.update);
  const exportId = useId();
  const postId = useId();
  return (
    <div className="settings-panel">
      <section aria-labelledby="privacy-title" className="privacy" data-testid="privacy-notice">
        <h3 id="privacy-title">{t('privacy.title')}</h3>
        <p>{t('privacy.default')}</p>
        <p>{t('privacy.images')}</p>
        <Toggle
          label={t('settings.omitImages')}
          checked={s.omitImages}
          testId="setting-omit-images"
          onChange={(v) => update({ omitImages: v })}
        />
      </section>

      <section aria-labelledby="settings-title">
        <h3 id="settings-title">{t('settings.title')}</h3>
        <Toggle
          label={t('settings.history')}
          checked={s.history}
          testId="setting-history"
          onChange={(v) => update({ history: v })}
        />
        <p className="hint">{t('settings.historyOffNote')}</p>
        <NumberField
          label={t('settings.retention')}
          value={s.retentionDays}
          min={1}
          max={365}
          testId="setting-retention"
          onChange={(v) => update({ retentionDays: v })}
        />
        <NumberField
          label={t('settings.recycle')}
          value={s.recycleAfter}
          min={0}
          max={10000}
          testId="setting-recycle"
          onChange={(v) => update({ recycleAfter: v })}
        />
        <div className="setting">
          <span>{t('settings.offline')}:</span> <OfflineBadge testId="offline-status-settings" />
        </div>
      </section>

      <section aria-labelledby="kiosk-title">
        <h3 id="kiosk-title">{t('settings.kiosk')}</h3>
        <p className="hint">{t('settings.kioskHelp')}</p>
        <Toggle
          label={t('settings.kiosk')}
          checked={s.kiosk}
          testId="setting-kiosk"
          onChange={(v) => update({ kiosk: v })}
        />
        <p className="hint">{t('settings.kioskExitHint')}</p>
        <NumberField
          label={t('settings.idle')}
          value={s.idleSeconds}
          min={10}
          max={3600}
          testId="setting-idle"
          onChange={(v) => update({ idleSeconds: v })}
        />
        <div className="setting">
          <label htmlFor={exportId}>{t('settings.kioskExport')}</label>
          <select
            id={exportId}
            value={s.kioskExport}
            onChange={(e) => update({ kioskExport: e.currentTarget.value as KioskExport })}
          >
            <option value="download">{t('settings.exportDownload')}</option>
            <option value="print">{t('settings.exportPrint')}</option>
            <option value="post">{t('settings.exportPost')}</option>
          </select>
        </div>
        <div className="setting">
          <label htmlFor={postId}>{t('settings.kioskPostUrl')}</label>
          <input
            id={postId}
            type="text"
            value={s.kioskPostUrl}
            spellCheck={false}
            onChange={(e) => update({ kioskPostUrl: e.currentTarget.value })}
          />
        </div>
      </section>

      <HistoryPanel />
    </div>
  );
}

/** The header button and its dialog. */
export function SettingsButton() {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <button
        type="button"
        className="button settings-open"
        data-testid="settings-open"
        onClick={() => dialog.current?.showModal()}
      >
        {t('settings.open')}
      </button>
      <dialog ref={dialog} className="settings-dialog" aria-labelledby={titleId} data-testid="settings">
        <div className="settings-head">
          <h2 id={titleId}>{t('settings.dialog')}</h2>
          <button
            type="button"
            className="button"
            data-testid="settings-close"
            onClick={() => dialog.current?.close()}
          >
            {t('settings.close')}
          </button>
        </div>
        <SettingsPanel />
      </dialog>
    </>
  );
}
