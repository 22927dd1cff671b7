// The opt-in history: a plain notice of what is kept, search by name or permit number, re-export,
// delete one, delete all.
import { useEffect, useId, useState } from 'react';
import { useT } from '../i18n';
import { toJson, exportFileName } from '../export';
import { downloadText } from '../export/download';
import { applyPrivacy } from '../settings/privacy';
import { useSettings } from '../settings/settings-store';
import { historyEnabled, useHistory } from './history-store';
import { searchRecords } from './search';

export function HistoryPanel() {
  const t = useT();
  const on = useSettings((s) => s.settings.history);
  const days = useSettings((s) => s.settings.retentionDays);
  const records = useHistory((s) => s.records);
  const error = useHistory((s) => s.error);
  const [query, setQuery] = useState('');
  const [purged, setPurged] = useState(false);
  const searchId = useId();

  useEffect(() => {
    void useHistory.getState().refresh();
  }, [on]);

  if (!on || !historyEnabled()) {
    return (
      <section className="history" aria-labelledby="history-title" data-testid="history">
        <h3 id="history-title">{t('history.title')}</h3>
        <p className="notice notice-info" data-testid="history-notice">
          {t('history.off')}
        </p>
        {purged && <p role="status">{t('history.purged')}</p>}
      </section>
    );
  }

  const shown = searchRecords(records, query);
  return (
    <section className="history" aria-labelledby="history-title" data-testid="history">
      <h3 id="history-title">{t('history.title')}</h3>
      <p className="notice notice-info" data-testid="history-notice">
        {t('history.notice', { days })}
      </p>
      {error && <p role="alert">{error}</p>}
      <div className="history-tools">
        <label htmlFor={searchId}>{t('history.search')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          data-testid="history-search"
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <span role="status" aria-live="polite" data-testid="history-count">
          {t('history.count', { n: shown.length })}
        </span>
        <button
          type="button"
          className="button danger"
          data-testid="history-purge"
          disabled={records.length === 0}
          onClick={() =>
            void useHistory
              .getState()
              .purge()
              .then(() => setPurged(true))
          }
        >
          {t('history.purge')}
        </button>
      </div>
      {purged && records.length === 0 && <p role="status">{t('history.purged')}</p>}
      {shown.length === 0 ? (
        <p>{records.length === 0 ? t('history.empty') : t('history.noMatch')}</p>
      ) : (
        <table className="history-table" data-testid="history-table">
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.name')}</th>
              <th scope="col">{t('history.permit')}</th>
              <th scope="col">{t('history.file')}</th>
              <th scope="col">{t('history.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const label = r.name || r.fileName;
              return (
                <tr key={r.id} data-testid="history-row">
                  <td>{new Date(r.savedAt).toLocaleString()}</td>
                  <td>{r.name}</td>
                  <td>
                    <code>{r.permit}</code>
                  </td>
                  <td>{r.fileName}</td>
                  <td className="history-actions">
                    <button
                      type="button"
                      className="button small"
                      aria-label={t('history.exportLabel', { name: label })}
                      onClick={() =>
                        downloadText(
                          toJson(applyPrivacy(r.result)),
                          exportFileName(r.fileName),
                          'application/json',
                        )
                      }
                    >
                      {t('history.export')}
                    </button>
                    <button
                      type="button"
                      className="button small ghost"
                      aria-label={t('history.deleteLabel', { name: label })}
                      onClick={() => void useHistory.getState().remove(r.id)}
                    >
                      {t('history.delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
