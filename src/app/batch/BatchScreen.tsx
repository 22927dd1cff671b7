// The batch screen: add many files, watch the queue, open any record in the review screen and come
// back, export everything as JSON lines or CSV.
import { useRef, useState, type DragEvent } from 'react';
import { defaultSeparator, toCsv, type CsvSeparator } from '../../core/export/csv';
import { toJsonl } from '../../core/export/jsonl';
import { useApp } from '../store';
import { useLang, useT, type MessageKey } from '../i18n';
import { ReviewWorkspace } from '../review/ReviewWorkspace';
import { downloadText } from '../export/download';
import { applyPrivacy } from '../settings/privacy';
import {
  exportRecords,
  recordName,
  recordResult,
  saveOpen,
  useBatch,
  withFile,
  type BatchItem,
} from './batch-store';

const STATUS_KEYS: Record<BatchItem['status'], MessageKey> = {
  queued: 'batch.queued',
  reading: 'batch.reading',
  done: 'batch.done',
  failed: 'batch.failed',
  cancelled: 'batch.cancelled',
};

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

export function BatchScreen() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const items = useBatch((s) => s.items);
  const running = useBatch((s) => s.running);
  const open = useBatch((s) => s.open);
  const doc = useApp((s) => s.doc);
  const batch = useBatch.getState();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [separator, setSeparator] = useState<CsvSeparator | null>(null);
  const [confidence, setConfidence] = useState(false);
  const sep = separator ?? (lang === 'id' ? ';' : defaultSeparator(navigator.language));

  if (open && doc) {
    return (
      <ReviewWorkspace
        doc={doc}
        toolbar={
          <div className="batch-back">
            <button
              type="button"
              className="button"
              data-testid="batch-back"
              onClick={() => batch.closeRecord()}
            >
              {t('batch.back')}
            </button>
          </div>
        }
      />
    );
  }

  const add = (files: FileList | null | undefined) => {
    if (files && files.length) batch.addFiles([...files]);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
  };
  const exportable = () => {
    saveOpen();
    // The privacy setting (photo/sign left out) applies to every export.
    return exportRecords(useBatch.getState().items).map((r) => ({ ...r, result: applyPrivacy(r.result) }));
  };
  const doneCount = items.filter((it) => it.status === 'done' || it.status === 'failed').length;
  const hasCancelled = items.some((it) => it.status === 'cancelled' || it.status === 'failed');
  const overall = items.length
    ? items.reduce((a, it) => a + (it.status === 'done' || it.status === 'failed' ? 1 : it.progress), 0) /
      items.length
    : 0;

  return (
    <section className="batch" aria-label={t('batch.region')} data-testid="batch">
      <div
        className={`dropzone compact${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="batch-drop"
      >
        <p className="dropzone-text">{t('batch.dropText')}</p>
        <div className="dropzone-actions">
          <button type="button" className="button primary" onClick={() => input.current?.click()}>
            {t('batch.add')}
          </button>
        </div>
        <input
          ref={input}
          type="file"
          multiple
          className="sr-only"
          aria-label={t('batch.input')}
          data-testid="batch-input"
          tabIndex={-1}
          accept=".png,.jpg,.jpeg,.pdf,image/png,image/jpeg,application/pdf"
          onChange={(e) => {
            add(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>

      {items.length > 0 && (
        <>
          <div className="batch-bar">
            <span role="status" data-testid="batch-count">
              {t('batch.count', { done: doneCount, total: items.length })}
            </span>
            <progress max={1} value={overall} aria-label={t('batch.overall')} />
            {running && (
              <button type="button" className="button" onClick={() => batch.cancel()}>
                {t('batch.cancel')}
              </button>
            )}
            {!running && hasCancelled && (
              <button type="button" className="button" onClick={() => batch.retry()}>
                {t('batch.retry')}
              </button>
            )}
            <button type="button" className="button ghost" onClick={() => batch.clear()}>
              {t('batch.clear')}
            </button>
          </div>

          <table className="batch-list" data-testid="batch-list">
            <caption className="sr-only">{t('batch.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('batch.file')}</th>
                <th scope="col">{t('batch.status')}</th>
                <th scope="col">{t('batch.holder')}</th>
                <th scope="col">{t('batch.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.flatMap((item) => {
                if (item.status !== 'done' || item.records.length === 0) {
                  return [
                    <tr
                      key={item.id}
                      data-testid="batch-row"
                      data-status={item.status}
                      data-file={item.file.name}
                    >
                      <th scope="row">{item.file.name}</th>
                      <td>
                        <span className={`batch-status batch-${item.status}`}>
                          {t(STATUS_KEYS[item.status])}
                        </span>
                        {item.status === 'reading' && (
                          <progress
                            max={1}
                            value={item.progress}
                            aria-label={t('batch.progressOf', { name: item.file.name })}
                          />
                        )}
                        {item.stage && item.status === 'reading' && (
                          <span className="muted"> {t(`stage.${item.stage}` as MessageKey)}</span>
                        )}
                        {item.error && <div className="note note-invalid">{item.error}</div>}
                      </td>
                      <td />
                      <td>
                        {item.status !== 'reading' && (
                          <button
                            type="button"
                            className="button small ghost"
                            aria-label={t('batch.removeLabel', { name: item.file.name })}
                            onClick={() => batch.remove(item.id)}
                          >
                            {t('batch.remove')}
                          </button>
                        )}
                      </td>
                    </tr>,
                  ];
                }
                return item.records.map((record) => {
                  const result = recordResult(record);
                  const name = recordName(item, record);
                  const reviewed = !!record.review?.reviewedAt;
                  const ok = result.status === 'SUCCESS';
                  return (
                    <tr
                      key={`${item.id}-${record.index}`}
                      data-testid="batch-row"
                      data-status={result.status}
                      data-file={name}
                      className="batch-record"
                      onClick={() => ok && batch.openRecord(item.id, record.index)}
                    >
                      <th scope="row">{name}</th>
                      <td>
                        <span className={`status-badge status-${result.status}`}>{result.status}</span>{' '}
                        <span className="batch-reason">{result.reason}</span>
                        {reviewed && <span className="review-mark done"> {t('batch.reviewed')}</span>}
                      </td>
                      <td>{result.read.full_name.value}</td>
                      <td>
                        {ok && (
                          <button
                            type="button"
                            className="button small"
                            aria-label={t('batch.openLabel', { name })}
                            onClick={(e) => {
                              e.stopPropagation();
                              batch.openRecord(item.id, record.index);
                            }}
                          >
                            {t('batch.open')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                });
              })}
            </tbody>
          </table>

          <div className="batch-export" role="group" aria-label={t('batch.exportGroup')}>
            <label>
              {t('batch.separator')}{' '}
              <select
                value={sep}
                data-testid="csv-separator"
                onChange={(e) => setSeparator(e.currentTarget.value as CsvSeparator)}
              >
                <option value=";">{t('batch.semicolon')}</option>
                <option value=",">{t('batch.comma')}</option>
              </select>
            </label>
            <label>
              <input
                type="checkbox"
                checked={confidence}
                onChange={(e) => setConfidence(e.currentTarget.checked)}
              />{' '}
              {t('batch.withConfidence')}
            </label>
            <button
              type="button"
              className="button"
              disabled={running || doneCount === 0}
              onClick={() =>
                downloadText(
                  toCsv(exportable(), { separator: sep, confidence }),
                  `kitas-batch-${stamp()}.csv`,
                  'text/csv;charset=utf-8',
                )
              }
            >
              {t('batch.exportCsv')}
            </button>
            <button
              type="button"
              className="button"
              disabled={running || doneCount === 0}
              onClick={() =>
                downloadText(
                  toJsonl(exportable().map(withFile)),
                  `kitas-batch-${stamp()}.jsonl`,
                  'application/x-ndjson',
                )
              }
            >
              {t('batch.exportJsonl')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
