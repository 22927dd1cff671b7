import { useRef, useState, type DragEvent } from 'react';

interface Props {
  compact: boolean;
  busy: boolean;
  onFile(file: File): void;
}

export function DropZone({ compact, busy, onFile }: Props) {
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
      aria-label="Open a document"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {!compact && (
        <p className="dropzone-text">
          Drop a KITAS or KITAP here: a photo or scan (.png, .jpg) or the e-ITAS PDF.
        </p>
      )}
      <div className="dropzone-actions">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {compact ? 'Open another file…' : 'Choose a file…'}
        </button>
        {compact && <span className="hint">or drop a file here</span>}
      </div>
      <input
        ref={input}
        type="file"
        className="sr-only"
        aria-label="Document file"
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
