import { useApp } from '../store';
import { useT } from '../i18n';

export function EngineBadge() {
  const t = useT();
  const engine = useApp((s) => s.engine);
  let text: string;
  let title: string;
  if (engine.state === 'starting') {
    text = t('engine.starting');
    title = t('engine.startingTitle');
  } else if (engine.state === 'ready') {
    text = `${t('engine.ready')} ${engine.backend}`;
    title = engine.initMs
      ? t('engine.startedIn', { s: (engine.initMs / 1000).toFixed(1) })
      : t('engine.readyTitle');
  } else {
    text = t('engine.failed');
    title = engine.message;
  }
  return (
    <div className={`engine-badge engine-${engine.state}`} title={title} data-testid="engine" role="status">
      {engine.state === 'ready' ? (
        <>
          {t('engine.ready')} <span data-testid="backend">{engine.backend}</span>
        </>
      ) : (
        text
      )}
      {engine.state === 'failed' && <span className="sr-only"> {engine.message}</span>}
    </div>
  );
}
