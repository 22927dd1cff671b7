import { useEffect, useRef } from 'react';
import { FIELD_NAMES, isImageField, type FieldName } from '../../core/schema';
import { useApp, type OpenDocument } from '../store';
import { LOW_CONFIDENCE, formatConfidence } from '../fields';
import { useT } from '../i18n';

export function FieldForm({ doc }: { doc: OpenDocument }) {
  const t = useT();
  const selected = useApp((s) => s.selected);
  const edits = useApp((s) => s.edits);
  const { edit, revert, select } = useApp.getState();
  const table = useRef<HTMLTableElement>(null);

  const issues = new Map<FieldName, { kind: 'invalid' | 'warning'; message: string }[]>();
  for (const i of doc.result.meta?.invalid_fields ?? []) {
    issues.set(i.field, [...(issues.get(i.field) ?? []), { kind: 'invalid', message: i.message }]);
  }
  for (const w of doc.result.meta?.warnings ?? []) {
    issues.set(w.field, [...(issues.get(w.field) ?? []), { kind: 'warning', message: w.message }]);
  }

  useEffect(() => {
    if (!selected) return;
    table.current
      ?.querySelector(`#row-${selected}`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);

  return (
    <table className="fields" ref={table} data-testid="fields">
      <caption className="sr-only">{t('form.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('form.field')}</th>
          <th scope="col">{t('form.value')}</th>
          <th scope="col">{t('form.confidence')}</th>
        </tr>
      </thead>
      <tbody>
        {FIELD_NAMES.map((name) => {
          const f = doc.result.read[name];
          const rowIssues = issues.get(name) ?? [];
          const image = isImageField(name);
          const empty = image ? !f.value : !f.value && !f.value_original;
          const low = !empty && f.confidence < LOW_CONFIDENCE;
          const edited = edits[name] !== undefined;
          const invalid = rowIssues.some((i) => i.kind === 'invalid');
          const classes = ['field-row'];
          if (selected === name) classes.push('selected');
          if (low) classes.push('low');
          if (invalid) classes.push('invalid');
          if (empty) classes.push('empty');
          if (edited) classes.push('edited');
          const inputId = `field-${name}`;
          const noteId = `note-${name}`;
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
                <label htmlFor={inputId}>{t(`field.${name}`)}</label>
                <code className="key">{name}</code>
              </th>
              <td className="value-cell">
                {image ? (
                  f.value ? (
                    <img
                      id={inputId}
                      className="crop"
                      src={`data:image/png;base64,${f.value}`}
                      alt={t('form.cropAlt', { field: t(`field.${name}`) })}
                      tabIndex={0}
                      onFocus={() => select(name)}
                    />
                  ) : (
                    <span id={inputId} className="muted" tabIndex={0} onFocus={() => select(name)}>
                      {t('form.notFound')}
                    </span>
                  )
                ) : (
                  <div className="value-edit">
                    <input
                      id={inputId}
                      type="text"
                      value={edits[name] ?? f.value}
                      spellCheck={false}
                      autoComplete="off"
                      aria-invalid={invalid || undefined}
                      aria-describedby={rowIssues.length > 0 || low ? noteId : undefined}
                      onFocus={() => select(name)}
                      onChange={(e) => edit(name, e.currentTarget.value)}
                    />
                    {edited && (
                      <button
                        type="button"
                        className="button small ghost"
                        aria-label={t('form.revertLabel', { field: t(`field.${name}`) })}
                        onClick={(e) => {
                          e.stopPropagation();
                          revert(name);
                        }}
                      >
                        {t('form.revert')}
                      </button>
                    )}
                  </div>
                )}
                {!image && f.value_original && (
                  <div className="original" data-testid={`original-${name}`}>
                    <span className="sr-only">{t('form.readAs')} </span>
                    {f.value_original}
                  </div>
                )}
                {(rowIssues.length > 0 || low) && (
                  <div id={noteId} className="notes">
                    {rowIssues.map((i) => (
                      <span key={i.message} className={`note note-${i.kind}`}>
                        {i.message}
                      </span>
                    ))}
                    {low && !invalid && <span className="note note-low">{t('form.low')}</span>}
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
        })}
      </tbody>
    </table>
  );
}
