// One document or a batch of many.
import { useT } from '../i18n';
import { useBatch, type Mode } from './batch-store';

export function ModeTabs() {
  const t = useT();
  const mode = useBatch((s) => s.mode);
  const setMode = useBatch((s) => s.setMode);
  const tab = (value: Mode, label: string) => (
    <button
      type="button"
      className={`mode-tab${mode === value ? ' active' : ''}`}
      aria-pressed={mode === value}
      data-testid={`mode-${value}`}
      onClick={() => setMode(value)}
    >
      {label}
    </button>
  );
  return (
    <nav className="mode-tabs" aria-label={t('mode.label')}>
      {tab('single', t('mode.single'))}
      {tab('batch', t('mode.batch'))}
    </nav>
  );
}
