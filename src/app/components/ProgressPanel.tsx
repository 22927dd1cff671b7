import type { ProgressStage } from '../../worker/protocol';
import { useApp } from '../store';
import { cancelRead } from '../reader';

const STAGES: { stage: ProgressStage; label: string }[] = [
  { stage: 'init', label: 'Starting engines' },
  { stage: 'decode', label: 'Opening the file' },
  { stage: 'locate', label: 'Finding the document' },
  { stage: 'detect', label: 'Finding text' },
  { stage: 'recognize', label: 'Reading text' },
  { stage: 'assemble', label: 'Assembling fields' },
  { stage: 'preview', label: 'Preparing pages' },
];

export function ProgressPanel() {
  const progress = useApp((s) => s.progress);
  if (!progress) return null;
  const current = STAGES.findIndex((s) => s.stage === progress.stage);
  const label = STAGES[current]?.label ?? progress.stage;
  const fraction = progress.total > 0 ? progress.done / progress.total : 0;
  // Overall progress: finished stages plus the share of the current one.
  const overall = Math.max(0, current + fraction) / STAGES.length;
  return (
    <section className="progress-panel" aria-label="Reading progress" data-testid="progress">
      <div className="progress-head">
        <div>
          <strong>Reading {progress.fileName}</strong>
          <div className="progress-stage" role="status" aria-live="polite">
            {label}
            {progress.total > 1 ? ` (${progress.done}/${progress.total})` : ''}
          </div>
        </div>
        <button type="button" className="button danger" onClick={cancelRead}>
          Cancel
        </button>
      </div>
      <progress max={1} value={overall} aria-label="Overall progress" />
      <ol className="stages">
        {STAGES.map((s, i) => (
          <li key={s.stage} className={i < current ? 'done' : i === current ? 'active' : ''}>
            {s.label}
          </li>
        ))}
      </ol>
    </section>
  );
}
