// The "Use camera" button and the camera view it opens; a capture is handed on like a dropped file.
import { useState } from 'react';
import { CameraView } from './CameraView';
import { useCameraStrings } from './strings';

export function CameraEntry({ onFile, disabled }: { onFile(file: File): void; disabled?: boolean }) {
  const s = useCameraStrings();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        className="camera-open"
        data-testid="camera-open"
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {s('open')}
      </button>
    );
  }
  return (
    <CameraView
      onCapture={(file) => {
        setOpen(false);
        onFile(file);
      }}
      onClose={() => setOpen(false)}
    />
  );
}
