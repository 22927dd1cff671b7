// The piece of the page a field was read from, enlarged beside its value.
import { useEffect, useRef } from 'react';
import type { Polygon } from '../../core/schema';
import { polygonBox, usePageImage } from './page-image';

const MAX_W = 260;
const MAX_H = 72;

interface Props {
  url: string | null | undefined;
  /** Page width in polygon pixels (the image's natural width may differ). */
  pageWidth: number;
  polygon: Polygon;
  label: string;
  testId?: string;
}

export function FieldCrop({ url, pageWidth, polygon, label, testId }: Props) {
  const img = usePageImage(url);
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = polygonBox(polygon);
  const key = box ? `${box.x},${box.y},${box.width},${box.height}` : '';

  useEffect(() => {
    const c = canvas.current;
    if (!c || !img || !box) return;
    const k = pageWidth > 0 ? img.naturalWidth / pageWidth : 1;
    const pad = Math.max(3, box.height * 0.2);
    const sx = Math.max(0, (box.x - pad) * k);
    const sy = Math.max(0, (box.y - pad) * k);
    const sw = Math.min(img.naturalWidth - sx, (box.width + 2 * pad) * k);
    const sh = Math.min(img.naturalHeight - sy, (box.height + 2 * pad) * k);
    if (sw <= 0 || sh <= 0) return;
    // Enlarged up to 3x, never past the cell.
    const zoom = Math.min(3, MAX_W / sw, MAX_H / sh);
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.max(1, Math.round(sw * zoom * dpr));
    c.height = Math.max(1, Math.round(sh * zoom * dpr));
    c.style.width = `${Math.round(sw * zoom)}px`;
    c.style.height = `${Math.round(sh * zoom)}px`;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(img, sx, sy, sw, sh, 0, 0, c.width, c.height);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the box
  }, [img, key, pageWidth]);

  if (!box || !url) return <span className="crop-none" aria-hidden="true" />;
  return <canvas ref={canvas} className="field-crop" role="img" aria-label={label} data-testid={testId} />;
}
