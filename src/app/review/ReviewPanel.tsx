// The review screen's field list: the fields that need a look first (low confidence or invalid),
// each with the crop it was read from, an editable value that explains its problems as it is typed,
// undo/redo, a box redraw that re-reads the region, and the confirmation.
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import {
  FIELD_NAMES,
  isImageField,
  type FieldIssue,
  type FieldName,
  type TextFieldName,
} from '../../core/schema';
import { normalizeField } from '../../core/assemble';
import { useApp, type OpenDocument } from '../store';
import { LOW_CONFIDENCE, formatConfidence } from '../fields';
import { useT } from '../i18n';
import { exportedResult, useReview } from './review-store';
import { FieldCrop } from './FieldCrop';

/** Fields the officer should look at first: invalid, or read with low confidence. */
export function needsReview(doc: OpenDocument, machine = doc.result): Set<FieldName> {
  const out = new Set<FieldName>((machine.meta?.invalid_fields ?? []).map((i) => i.field));
  for (const name of FIELD_NAMES) {
    const f = machine.read[name];
    if (f.value && f.confidence < LOW_CONFIDENCE) out.add(name);
  }
  return out;
}

function focusField(name: FieldName | undefined): void {
  if (!name) return;
  const el = document.getElementById(`field-${name}`);
  el?.focus();
  if (el instanceof HTMLInputElement) el.select();
}

export function ReviewPanel({ doc }: { doc: OpenDocument }) {
  const t = useT();
  const selected = useApp((s) => s.selected);
  const edits = useApp((s) => s.edits);
  const select = useApp((s) => s.select);
  const machine = useReview((s) => (s.pages === doc.pages ? s.machine : null)) ?? doc.result;
  const reviewedAt = useReview((s) => (s.pages === doc.pages ? s.reviewedAt : null));
  const canUndo = useReview((s) => s.pages === doc.pages && s.past.length > 0);
  const canRedo = useReview((s) => s.pages === doc.pages && s.future.length > 0);
  const drawing = useReview((s) => s.drawing);
  const rereading = useReview((s) => s.rereading);
  const rereadError = useReview((s) => s.rereadError);
  const review = useReview.getState();
  const table = useRef<HTMLTableElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  // Stable for the document: the order does not change while the officer types.
  const flagged = useMemo(() => needsReview(doc, machine), [doc, machine]);
  const order = useMemo(
    () => [...FIELD_NAMES.filter((n) => flagged.has(n)), ...FIELD_NAMES.filter((n) => !flagged.has(n))],
    [flagged],
  );
  const editable: FieldName[] = order.filter((n) => !isImageField(n));

  // Validation of the values as they stand now.
  const live = useMemo(() => exportedResult(doc, edits), [doc, edits]);
  const issues = useMemo(() => {
    const map = new Map<FieldName, { kind: 'invalid' | 'warning'; issue: FieldIssue }[]>();
    const add = (kind: 'invalid' | 'warning', issue: FieldIssue) =>
      map.set(issue.field, [...(map.get(issue.field) ?? []), { kind, issue }]);
    for (const i of live.meta?.invalid_fields ?? []) add('invalid', i);
    for (const w of live.meta?.warnings ?? []) add('warning', w);
    return map;
  }, [live]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        useReview.getState().undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        useReview.getState().redo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!selected) return;
    table.current
      ?.querySelector(`#row-${selected}`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);

  const onKeyDown = (name: FieldName) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const i = editable.indexOf(name);
      const next = e.shiftKey ? editable[i - 1] : editable[i + 1];
      if (next) focusField(next);
      else if (!e.shiftKey) confirmButton.current?.focus();
    } else if (e.key === 'Escape' && drawing) {
      review.startDrawing(null);
    }
  };

  const nationality = (edits.nationality ?? doc.result.read.nationality.value).trim();
  const flaggedCount = flagged.size;

  const row = (name: FieldName) => {
    const f = doc.result.read[name];
    const m = machine.read[name];
    const rowIssues = issues.get(name) ?? [];
    const image = isImageField(name);
    const empty = image ? !f.value : !f.value && !f.value_original;
    const low = !empty && f.confidence < LOW_CONFIDENCE;
    const edited = edits[name] !== undefined;
    const redrawn = !image && (m.value_original !== f.value_original || m.polygon !== f.polygon);
    const invalid = rowIssues.some((i) => i.kind === 'invalid');
    const value = edits[name] ?? f.value;
    const classes = ['field-row'];
    if (selected === name) classes.push('selected');
    if (low) classes.push('low');
    if (invalid) classes.push('invalid');
    if (empty) classes.push('empty');
    if (edited || redrawn) classes.push('edited');
    if (flagged.has(name)) classes.push('needs-review');
    const inputId = `field-${name}`;
    const noteId = `note-${name}`;
    const title = t(`field.${name}`);
    const view = doc.pages[f.page_index ?? 0];
    const suggestion = !image && edited ? normalizeField(name as TextFieldName, value, nationality) : null;
    const suggest = suggestion?.valid === true && suggestion.value !== value ? suggestion.value : null;
    const hasNotes = rowIssues.length > 0 || low || suggest !== null;
    return (
      <tr
        key={name}
        id={`row-${name}`}
        data-testid={`row-${name}`}
        className={classes.join(' ')}
        data-selected={selected === name || undefined}
        onClick={() => select(name)}
      >
        <th scope="row">
          <label htmlFor={inputId}>{title}</label>
          <code className="key">{name}</code>
          {flagged.has(name) && <span className="review-mark">{t('review.flag')}</span>}
        </th>
        <td className="crop-cell">
          {!image && (
            <FieldCrop
              url={view?.url}
              pageWidth={view?.width ?? 0}
              polygon={f.polygon}
              label={t('review.cropAlt', { field: title })}
              testId={`crop-${name}`}
            />
          )}
        </td>
        <td className="value-cell">
          {image ? (
            f.value ? (
              <img
                id={inputId}
                className="crop"
                src={`data:image/png;base64,${f.value}`}
                alt={t('form.cropAlt', { field: title })}
                tabIndex={0}
                onFocus={() => select(name)}
                onKeyDown={onKeyDown(name)}
              />
            ) : (
              <span id={inputId} className="muted">
                {t('form.notFound')}
              </span>
            )
          ) : (
            <div className="value-edit">
              <input
                id={inputId}
                type="text"
                value={value}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={invalid || undefined}
                aria-describedby={hasNotes ? noteId : undefined}
                onFocus={() => select(name)}
                onBlur={() => review.endTyping()}
                onKeyDown={onKeyDown(name)}
                onChange={(e) => review.edit(name, e.currentTarget.value)}
              />
              {edited && (
                <button
                  type="button"
                  className="button small ghost"
                  aria-label={t('form.revertLabel', { field: title })}
                  onClick={(e) => {
                    e.stopPropagation();
                    review.revert(name);
                  }}
                >
                  {t('form.revert')}
                </button>
              )}
              <button
                type="button"
                className={`button small ghost${drawing === name ? ' active' : ''}`}
                aria-pressed={drawing === name}
                aria-label={t('review.redrawLabel', { field: title })}
                disabled={rereading !== null}
                data-testid={`redraw-${name}`}
                onClick={(e) => {
                  e.stopPropagation();
                  select(name);
                  review.startDrawing(drawing === name ? null : (name as TextFieldName));
                }}
              >
                {rereading === name ? t('review.rereading') : t('review.redraw')}
              </button>
            </div>
          )}
          {!image && f.value_original && (
            <div className="original" data-testid={`original-${name}`}>
              <span className="sr-only">{t('form.readAs')} </span>
              {f.value_original}
            </div>
          )}
          {hasNotes && (
            <div id={noteId} className="notes" aria-live="polite" data-testid={`notes-${name}`}>
              {rowIssues.map(({ kind, issue }) => (
                <span key={`${issue.code}-${issue.message}`} className={`note note-${kind}`}>
                  {issue.message}
                </span>
              ))}
              {low && !invalid && <span className="note note-low">{t('form.low')}</span>}
              {suggest && (
                <button
                  type="button"
                  className="button small ghost note-suggest"
                  onClick={(e) => {
                    e.stopPropagation();
                    review.edit(name, suggest);
                    review.endTyping();
                  }}
                >
                  {t('review.suggest', { value: suggest })}
                </button>
              )}
            </div>
          )}
        </td>
        <td className="confidence">
          <span className={`conf${low ? ' conf-low' : ''}`} data-testid={`confidence-${name}`}>
            {empty ? '–' : formatConfidence(f.confidence)}
          </span>
        </td>
      </tr>
    );
  };

  const group = (names: FieldName[], label: string, id: string) =>
    names.length > 0 && (
      <tbody aria-labelledby={id} data-testid={id}>
        <tr className="group-row">
          <th scope="colgroup" colSpan={4} id={id}>
            {label}
          </th>
        </tr>
        {names.map(row)}
      </tbody>
    );

  return (
    <div className="review" data-testid="review">
      <div className="review-bar" role="toolbar" aria-label={t('review.toolbar')}>
        <button type="button" className="button small" disabled={!canUndo} onClick={() => review.undo()}>
          {t('review.undo')}
        </button>
        <button type="button" className="button small" disabled={!canRedo} onClick={() => review.redo()}>
          {t('review.redo')}
        </button>
        <span className="review-state" data-testid="review-state" role="status">
          {reviewedAt
            ? t('review.reviewedAt', { time: new Date(reviewedAt).toLocaleTimeString() })
            : t('review.notReviewed')}
        </span>
        <button
          type="button"
          ref={confirmButton}
          className="button primary small"
          onClick={() => review.confirm()}
          disabled={doc.result.status !== 'SUCCESS'}
        >
          {t('review.confirm')}
        </button>
      </div>
      {(drawing || rereadError) && (
        <p className="review-hint" role="status" data-testid="redraw-hint">
          {rereadError ?? t('review.drawHint', { field: t(`field.${drawing!}`) })}
        </p>
      )}
      <table className="fields review-fields" ref={table} data-testid="fields">
        <caption className="sr-only">{t('form.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('form.field')}</th>
            <th scope="col">{t('review.crop')}</th>
            <th scope="col">{t('form.value')}</th>
            <th scope="col">{t('form.confidence')}</th>
          </tr>
        </thead>
        {group(
          order.filter((n) => flagged.has(n)),
          t('review.groupFlagged', { n: flaggedCount }),
          'group-needs-review',
        )}
        {group(
          order.filter((n) => !flagged.has(n)),
          t('review.groupOther'),
          'group-other',
        )}
      </table>
    </div>
  );
}
