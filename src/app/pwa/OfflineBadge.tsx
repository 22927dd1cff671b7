import { useT } from '../i18n';
import { usePwa } from './register';

/** Whether this device can work without a network: the service worker and its precache. */
export function OfflineBadge({ testId = 'offline-status' }: { testId?: string }) {
  const t = useT();
  const offline = usePwa((s) => s.offline);
  const text =
    offline.state === 'ready'
      ? t('settings.offlineReady')
      : offline.state === 'installing'
        ? t('settings.offlinePending')
        : t('settings.offlineNone');
  return (
    <span
      className={`offline-badge offline-${offline.state}`}
      data-testid={testId}
      data-state={offline.state}
      title={offline.state === 'failed' ? offline.message : undefined}
    >
      {text}
    </span>
  );
}
