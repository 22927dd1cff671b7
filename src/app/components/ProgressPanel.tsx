import type { ProgressStage } from '../../worker/protocol';
import { useApp } from '../store';
import { cancelRead } from '../reader';
import { useT } from '../i18n';

const STAGES: ProgressStage[] = ['init', 'decode', 'locate', 'detect', 'recognize', 'assemble', 'preview'];

export function ProgressPanel() {
  const t = useT();
  const progress = useApp((s) => s.progress);
  if (!progress) return null;
  const current = STAGES.indexOf(progress.stage);
  const label = t(`stage.${progress.stage}`);
  const fraction = progress.total > 0 ? progress.done / progress.total : 0;
  // Overall progress: finished stages plus the share of the current one.
  const overall = Math.max(0, current + fraction) / STAGES.length;
  return (
    <section className="progress-panel" aria-label={t('progress.region')} data-testid="progress">
      <div className="progress-head">
        <div>
          <strong>{t('progress.reading', { name: progress.fileName })}</strong>
          <div className="progress-stage" role="status" aria-live="polite">
            {label}
            {progress.total > 1 ? ` (${progress.done}/${progress.total})` : ''}
          </div>
        </div>
        <button type="button" className="button danger" onClick={cancelRead}>
          {t('progress.cancel')}
        </button>
      </div>
      <progress max={1} value={overall} aria-label={t('progress.overall')} />
      <ol className="stages">
        {STAGES.map((s, i) => (
          <li key={s} className={i < current ? 'done' : i === current ? 'active' : ''}>
            {t(`stage.${s}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}
