import type { OpenDocument } from '../store';
import { FIELD_TITLES } from '../fields';

const STATUS_TEXT = {
  SUCCESS: 'Read',
  NO_FILE: 'No file',
  FILE_INVALID_FORMAT: 'Unsupported file',
  FAILED: 'Failed',
} as const;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function ResultSummary({ doc }: { doc: OpenDocument }) {
  const { result, timings } = doc;
  const meta = result.meta;
  const ok = result.status === 'SUCCESS';
  const invalid = meta?.invalid_fields ?? [];
  const warnings = meta?.warnings ?? [];
  return (
    <section
      className={`summary ${ok ? 'summary-ok' : 'summary-bad'}`}
      aria-label="Result"
      data-testid="summary"
      data-status={result.status}
    >
      <div className="summary-main">
        <span className={`status-badge status-${result.status}`} data-testid="status">
          {result.status}
        </span>
        <div>
          <div className="summary-title">
            {STATUS_TEXT[result.status]}: {doc.fileName}
          </div>
          <div className="summary-reason" data-testid="reason">
            {result.reason}
          </div>
        </div>
      </div>
      {meta && (
        <dl className="summary-meta">
          <div>
            <dt>Document</dt>
            <dd data-testid="document-class">{meta.document_class}</dd>
          </div>
          <div>
            <dt>Layout</dt>
            <dd>{meta.layout}</dd>
          </div>
          <div>
            <dt>Text from</dt>
            <dd>
              {[...new Set(meta.sources)].map((s) => (s === 'text_layer' ? 'PDF text' : 'OCR')).join(', ')}
            </dd>
          </div>
          <div>
            <dt>Pages</dt>
            <dd>{meta.page_count}</dd>
          </div>
          <div>
            <dt>Engine</dt>
            <dd>{doc.backend}</dd>
          </div>
          <div>
            <dt>Time</dt>
            <dd data-testid="read-time" title={timingTitle(timings)}>
              {seconds(timings.readMs)}
              {timings.engineInitMs > 0 ? ` + ${seconds(timings.engineInitMs)} start-up` : ''}
            </dd>
          </div>
        </dl>
      )}
      {(warnings.length > 0 || invalid.length > 0) && (
        <ul className="issues" data-testid="issues">
          {warnings.map((w) => (
            <li key={`w-${w.field}-${w.code}`} className="issue-warning">
              <strong>Warning</strong> {FIELD_TITLES[w.field]}: {w.message}
            </li>
          ))}
          {invalid.map((w) => (
            <li key={`i-${w.field}-${w.code}`} className="issue-invalid">
              <strong>Invalid</strong> {FIELD_TITLES[w.field]}: {w.message}
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
