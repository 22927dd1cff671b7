import { useState } from 'react';
import { useApp, type OpenDocument } from '../store';
import { exportFileName, toJson } from '../export';
import { exportedResult } from '../review/review-store';
import { useT } from '../i18n';
import { applyPrivacy } from '../settings/privacy';

export function ExportBar({ doc }: { doc: OpenDocument }) {
  const t = useT();
  const edits = useApp((s) => s.edits);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const editCount = Object.keys(edits).length;

  // The officer's values, re-validated, with the review audit under meta.review.
  const json = () => toJson(applyPrivacy(exportedResult(doc, edits)));

  const download = () => {
    const url = URL.createObjectURL(new Blob([json()], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(doc.fileName);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json());
      setCopied('done');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2500);
  };

  return (
    <div className="export-bar">
      <span className="edit-count" data-testid="edit-count">
        {editCount === 0
          ? t('export.noEdits')
          : editCount === 1
            ? t('export.edits1')
            : t('export.editsN', { n: editCount })}
      </span>
      <div className="export-actions">
        <button type="button" className="button" onClick={download}>
          {t('export.json')}
        </button>
        <button type="button" className="button" onClick={() => void copy()}>
          {t('export.copy')}
        </button>
        <span className="copy-state" role="status" aria-live="polite">
          {copied === 'done' ? t('export.copied') : copied === 'failed' ? t('export.copyFailed') : ''}
        </span>
      </div>
    </div>
  );
}
