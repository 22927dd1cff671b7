import { useApp } from '../store';

export function EngineBadge() {
  const engine = useApp((s) => s.engine);
  let text: string;
  let title: string;
  if (engine.state === 'starting') {
    text = 'Engines starting…';
    title = 'Loading the text detector and recognizer';
  } else if (engine.state === 'ready') {
    text = `Engine: ${engine.backend}`;
    title = engine.initMs ? `Started in ${(engine.initMs / 1000).toFixed(1)} s` : 'Ready';
  } else {
    text = 'Engines failed';
    title = engine.message;
  }
  return (
    <div className={`engine-badge engine-${engine.state}`} title={title} data-testid="engine" role="status">
      {engine.state === 'ready' ? (
        <>
          Engine: <span data-testid="backend">{engine.backend}</span>
        </>
      ) : (
        text
      )}
      {engine.state === 'failed' && <span className="sr-only"> {engine.message}</span>}
    </div>
  );
}
