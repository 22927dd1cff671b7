// What the kiosk prints: the record as exported (officer values, privacy setting applied), one
// table on a plain page. Hidden on screen; the print stylesheet shows only this.
import { createPortal } from 'react-dom';
import { FIELD_NAMES, isImageField } from '../../core/schema';
import { useApp } from '../store';
import { useT } from '../i18n';
import { exportedResult } from '../review/review-store';
import { applyPrivacy } from '../settings/privacy';

export function PrintView() {
  const t = useT();
  const doc = useApp((s) => s.doc);
  const edits = useApp((s) => s.edits);
  if (!doc) return null;
  const result = applyPrivacy(exportedResult(doc, edits));
  return createPortal(
    <div className="print-view" aria-hidden="true" data-testid="print-view">
      <h1>{t('print.title', { date: new Date().toLocaleString() })}</h1>
      <table>
        <tbody>
          {FIELD_NAMES.map((name) => {
            const f = result.read[name];
            return (
              <tr key={name}>
                <th scope="row">{t(`field.${name}`)}</th>
                <td>
                  {isImageField(name) ? (
                    f.value ? (
                      <img src={`data:image/png;base64,${f.value}`} alt={t(`field.${name}`)} />
                    ) : (
                      '–'
                    )
                  ) : (
                    f.value
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>,
    document.body,
  );
}
