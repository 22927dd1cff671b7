import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FIELD_NAMES, type FieldName, type Polygon } from '../../core/schema';
import { useApp, type OpenDocument } from '../store';
import { LOW_CONFIDENCE, formatConfidence } from '../fields';
import { useT } from '../i18n';

interface Box {
  name: FieldName;
  polygon: Polygon;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Fields sharing one box (issued_date and issued_place) stack their labels. */
  stack: number;
}

function boxesOnPage(doc: OpenDocument, page: number): Box[] {
  const seen = new Map<string, number>();
  const out: Box[] = [];
  for (const name of FIELD_NAMES) {
    const f = doc.result.read[name];
    if (f.polygon.length < 3 || (f.page_index ?? 0) !== page) continue;
    const xs = f.polygon.map((p) => p[0]);
    const ys = f.polygon.map((p) => p[1]);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    const key = `${Math.round(x)},${Math.round(y)}`;
    const stack = seen.get(key) ?? 0;
    seen.set(key, stack + 1);
    out.push({ name, polygon: f.polygon, x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y, stack });
  }
  return out;
}

const pct = (v: number, of: number) => `${(v / of) * 100}%`;

/** What an overlay (the review screen's box redraw) needs to know about the page shown. */
export interface PageOverlayInfo {
  page: number;
  /** The page in polygon pixels. */
  width: number;
  height: number;
}

export function DocumentViewer({
  doc,
  overlay,
}: {
  doc: OpenDocument;
  overlay?: (info: PageOverlayInfo) => ReactNode;
}) {
  const t = useT();
  const page = useApp((s) => s.page);
  const selected = useApp((s) => s.selected);
  const edits = useApp((s) => s.edits);
  const select = useApp((s) => s.select);
  const setPage = useApp((s) => s.setPage);
  const [natural, setNatural] = useState<{ url: string; width: number; height: number } | null>(null);
  const frame = useRef<HTMLDivElement>(null);

  const view = doc.pages[page];
  const invalid = new Set((doc.result.meta?.invalid_fields ?? []).map((i) => i.field));

  useEffect(() => {
    if (!selected) return;
    frame.current
      ?.querySelector(`[data-box="${selected}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'smooth' });
  }, [selected, page]);

  if (!view?.url) {
    return (
      <section className="viewer viewer-empty" aria-label={t('viewer.region')}>
        <p>{t('viewer.noImage')}</p>
      </section>
    );
  }

  // Polygons are in the pixels of the image as displayed; the page size comes with the result,
  // else from the loaded image itself.
  const fromImage = natural?.url === view.url ? natural : null;
  const width = view.width || fromImage?.width || 0;
  const height = view.height || fromImage?.height || 0;
  const boxes = width > 0 && height > 0 ? boxesOnPage(doc, page) : [];

  return (
    <section className="viewer" aria-label={t('viewer.region')}>
      {doc.pages.length > 1 && (
        <nav className="pager" aria-label={t('viewer.pages')}>
          <button
            type="button"
            className="button small"
            disabled={page === 0}
            onClick={() => setPage(page - 1)}
          >
            {t('viewer.prev')}
          </button>
          <span aria-live="polite">{t('viewer.pageOf', { n: page + 1, count: doc.pages.length })}</span>
          <button
            type="button"
            className="button small"
            disabled={page >= doc.pages.length - 1}
            onClick={() => setPage(page + 1)}
          >
            {t('viewer.next')}
          </button>
        </nav>
      )}
      <div className="page-frame" ref={frame}>
        <div className="page" data-testid="page">
          <img
            src={view.url}
            alt={t('viewer.pageAlt', { n: page + 1, name: doc.fileName })}
            onLoad={(e) =>
              setNatural({
                url: view.url ?? '',
                width: e.currentTarget.naturalWidth,
                height: e.currentTarget.naturalHeight,
              })
            }
          />
          {boxes.length > 0 && (
            <svg
              className="overlay"
              viewBox={`0 0 ${width} ${height}`}
              preserveAspectRatio="none"
              aria-hidden="true"
            >
              {boxes.map((b) => (
                <polygon
                  key={b.name}
                  points={b.polygon.map((p) => p.join(',')).join(' ')}
                  className={boxClass(doc, b.name, selected, invalid)}
                  vectorEffect="non-scaling-stroke"
                />
              ))}
            </svg>
          )}
          {boxes.map((b) => {
            const f = doc.result.read[b.name];
            const value = edits[b.name] ?? f.value;
            const shown =
              b.name === 'photo' || b.name === 'sign' ? t('viewer.image') : value || t('viewer.empty');
            return (
              <button
                key={b.name}
                type="button"
                data-box={b.name}
                data-testid={`box-${b.name}`}
                className={`box ${boxClass(doc, b.name, selected, invalid)}${b.stack ? ' stacked' : ''}`}
                style={{
                  left: pct(b.x, width),
                  top: pct(b.y, height),
                  width: pct(b.w, width),
                  height: pct(b.h, height),
                }}
                aria-pressed={selected === b.name}
                aria-label={t('viewer.boxLabel', {
                  field: t(`field.${b.name}`),
                  value: shown,
                  confidence: formatConfidence(f.confidence),
                })}
                onClick={() => select(b.name)}
              >
                <span className="box-label" aria-hidden="true">
                  {t(`field.${b.name}`)}
                </span>
              </button>
            );
          })}
          {overlay && width > 0 && height > 0 && overlay({ page, width, height })}
        </div>
      </div>
    </section>
  );
}

function boxClass(
  doc: OpenDocument,
  name: FieldName,
  selected: FieldName | null,
  invalid: Set<FieldName>,
): string {
  const f = doc.result.read[name];
  const parts = ['field-shape'];
  if (invalid.has(name)) parts.push('invalid');
  else if (f.confidence < LOW_CONFIDENCE) parts.push('low');
  if (selected === name) parts.push('selected');
  return parts.join(' ');
}
