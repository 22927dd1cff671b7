import type { OpenDocument } from '../store';
import { useT } from '../i18n';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function ResultSummary({ doc }: { doc: OpenDocument }) {
  const t = useT();
  const { result, timings } = doc;
  const meta = result.meta;
  const ok = result.status === 'SUCCESS';
  const invalid = meta?.invalid_fields ?? [];
  const warnings = meta?.warnings ?? [];
  return (
    <section
      className={`summary ${ok ? 'summary-ok' : 'summary-bad'}`}
      aria-label={t('summary.region')}
      data-testid="summary"
      data-status={result.status}
    >
      <div className="summary-main">
        <span className={`status-badge status-${result.status}`} data-testid="status">
          {result.status}
        </span>
        <div>
          <div className="summary-title">
            {t(`summary.${result.status}`)}: {doc.fileName}
          </div>
          <div className="summary-reason" data-testid="reason">
            {result.reason}
          </div>
        </div>
      </div>
      {meta && (
        <dl className="summary-meta">
          <div>
            <dt>{t('summary.document')}</dt>
            <dd data-testid="document-class">{meta.document_class}</dd>
          </div>
          <div>
            <dt>{t('summary.layout')}</dt>
            <dd>{meta.layout}</dd>
          </div>
          <div>
            <dt>{t('summary.textFrom')}</dt>
            <dd>
              {[...new Set(meta.sources)]
                .map((s) => (s === 'text_layer' ? t('summary.pdfText') : t('summary.ocr')))
                .join(', ')}
            </dd>
          </div>
          <div>
            <dt>{t('summary.pages')}</dt>
            <dd>{meta.page_count}</dd>
          </div>
          <div>
            <dt>{t('summary.engine')}</dt>
            <dd>{doc.backend}</dd>
          </div>
          <div>
            <dt>{t('summary.time')}</dt>
            <dd data-testid="read-time" title={timingTitle(timings)}>
              {seconds(timings.readMs)}
              {timings.engineInitMs > 0 ? ` + ${seconds(timings.engineInitMs)} ${t('summary.startup')}` : ''}
            </dd>
          </div>
        </dl>
      )}
      {(warnings.length > 0 || invalid.length > 0) && (
        <ul className="issues" data-testid="issues">
          {warnings.map((w) => (
            <li key={`w-${w.field}-${w.code}`} className="issue-warning">
              <strong>{t('summary.warning')}</strong> {t(`field.${w.field}`)}: {w.message}
            </li>
          ))}
          {invalid.map((w) => (
            <li key={`i-${w.field}-${w.code}`} className="issue-invalid">
              <strong>{t('summary.invalid')}</strong> {t(`field.${w.field}`)}: {w.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function timingTitle(t: OpenDocument['timings']): string {
  return `read ${seconds(t.readMs)}, pages ${seconds(t.previewMs)}, engines ${seconds(t.engineInitMs)}, total ${seconds(t.totalMs)}`;
}
