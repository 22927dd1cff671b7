import { useState } from 'react';
import { useApp, type OpenDocument } from '../store';
import { applyEdits, exportFileName, toJson } from '../export';

export function ExportBar({ doc }: { doc: OpenDocument }) {
  const edits = useApp((s) => s.edits);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const editCount = Object.keys(edits).length;

  const json = () => toJson(applyEdits(doc.result, edits));

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
        {editCount === 0 ? 'No edits' : `${editCount} field${editCount === 1 ? '' : 's'} edited`}
      </span>
      <div className="export-actions">
        <button type="button" className="button" onClick={download}>
          Export JSON
        </button>
        <button type="button" className="button" onClick={() => void copy()}>
          Copy
        </button>
        <span className="copy-state" role="status" aria-live="polite">
          {copied === 'done' ? 'Copied' : copied === 'failed' ? 'Copy failed' : ''}
        </span>
      </div>
    </div>
  );
}
