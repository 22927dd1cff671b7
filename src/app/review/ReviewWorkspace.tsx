// The review screen for one record: result summary, the page with its boxes (and the redraw
// layer), the export bar and the field list. Used for a single file and for a batch's records.
import './review.css';
import type { ReactNode } from 'react';
import type { OpenDocument } from '../store';
import { ResultSummary } from '../components/ResultSummary';
import { DocumentViewer } from '../components/DocumentViewer';
import { ExportBar } from '../components/ExportBar';
import { useT } from '../i18n';
import { ReviewPanel } from './ReviewPanel';
import { RedrawLayer } from './RedrawLayer';

export function ReviewWorkspace({ doc, toolbar }: { doc: OpenDocument; toolbar?: ReactNode }) {
  const t = useT();
  return (
    <>
      {toolbar}
      <ResultSummary doc={doc} />
      <div className="workspace">
        <DocumentViewer doc={doc} overlay={(info) => <RedrawLayer doc={doc} info={info} />} />
        <section className="fields-panel" aria-label={t('app.fields')}>
          <ExportBar doc={doc} />
          <ReviewPanel doc={doc} />
        </section>
      </div>
    </>
  );
}
