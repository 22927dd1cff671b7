// Drawn over the page while a field's box is being redrawn: drag a rectangle, and that region is
// read again in the worker (core rereadRegion) with the field's character set.
import { useRef, useState, type PointerEvent } from 'react';
import type { TextFieldName } from '../../core/schema';
import type { PageOverlayInfo } from '../components/DocumentViewer';
import { useApp, type OpenDocument } from '../store';
import { client } from '../reader';
import { useT } from '../i18n';
import { useReview } from './review-store';
import { pageRaster } from './page-image';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Re-reads `field` from `rect` (page pixels) of page `pageIndex` and applies the result. */
export async function redrawField(
  doc: OpenDocument,
  field: TextFieldName,
  pageIndex: number,
  rect: Rect,
  failed: string,
): Promise<void> {
  const review = useReview.getState();
  const view = doc.pages[pageIndex];
  if (!view?.url) return;
  review.setRereading(field);
  try {
    const raster = await pageRaster(view.url, view.width);
    const k = raster.scale;
    const { edits } = useApp.getState();
    const nationality = (edits.nationality ?? doc.result.read.nationality.value).trim();
    const read = await client.readRegion({
      raster: { width: raster.width, height: raster.height, data: raster.data },
      rect: { x: rect.x / k, y: rect.y / k, width: rect.width / k, height: rect.height / k },
      field,
      pageIndex,
      nationality,
      scale: k,
    });
    useReview.getState().applyRedraw(field, read);
    useReview.getState().setRereading(null);
  } catch (err) {
    useReview.getState().setRereading(null, `${failed} ${(err as Error).message}`);
  }
}

export function RedrawLayer({ doc, info }: { doc: OpenDocument; info: PageOverlayInfo }) {
  const t = useT();
  const drawing = useReview((s) => s.drawing);
  const layer = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [box, setBox] = useState<Rect | null>(null);
  if (!drawing) return null;

  const toPage = (e: PointerEvent) => {
    const r = layer.current!.getBoundingClientRect();
    return {
      x: Math.max(0, Math.min(info.width, ((e.clientX - r.left) / r.width) * info.width)),
      y: Math.max(0, Math.min(info.height, ((e.clientY - r.top) / r.height) * info.height)),
    };
  };
  const between = (a: { x: number; y: number }, b: { x: number; y: number }): Rect => ({
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  });
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;

  return (
    <div
      ref={layer}
      className="redraw-layer"
      data-testid="redraw-layer"
      aria-label={t('review.drawHint', { field: t(`field.${drawing}`) })}
      role="application"
      onPointerDown={(e) => {
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        const p = toPage(e);
        setStart(p);
        setBox({ ...p, width: 0, height: 0 });
      }}
      onPointerMove={(e) => {
        if (start) setBox(between(start, toPage(e)));
      }}
      onPointerUp={(e) => {
        if (!start) return;
        const rect = between(start, toPage(e));
        setStart(null);
        setBox(null);
        useReview.getState().startDrawing(null);
        if (rect.width < 4 || rect.height < 4) return;
        void redrawField(doc, drawing, info.page, rect, t('review.rereadFailed'));
      }}
    >
      {box && (
        <div
          className="redraw-box"
          style={{
            left: pct(box.x, info.width),
            top: pct(box.y, info.height),
            width: pct(box.width, info.width),
            height: pct(box.height, info.height),
          }}
        />
      )}
    </div>
  );
}
