import { useRef, useState, type DragEvent } from 'react';
import { useT } from '../i18n';

interface Props {
  compact: boolean;
  busy: boolean;
  onFile(file: File): void;
}

export function DropZone({ compact, busy, onFile }: Props) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file && !busy) onFile(file);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };

  return (
    <section
      className={`dropzone${compact ? ' compact' : ''}${over ? ' over' : ''}`}
      aria-label={t('drop.region')}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {!compact && <p className="dropzone-text">{t('drop.text')}</p>}
      <div className="dropzone-actions">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {compact ? t('drop.another') : t('drop.choose')}
        </button>
        {compact && <span className="hint">{t('drop.hint')}</span>}
      </div>
      <input
        ref={input}
        type="file"
        className="sr-only"
        aria-label={t('drop.input')}
        data-testid="file-input"
        tabIndex={-1}
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
    </section>
  );
}
