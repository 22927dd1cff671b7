// A second, focused read of the fields the first pass is unsure of: the value's own box (without
// the label column's ':' that the detector may have joined to it) in single-line mode with the
// field's character set. Two independent reads that agree are far more trustworthy than one.
import type { Raster, TextRecognizer } from './ports';
import type { TextFieldName } from './schema';
import type { FieldReading } from './layout/assign';
import { recognizeRegion } from './text-lines';
import { normalizeField } from './assemble';
import { cleanText } from './normalize/text';
import { charsetFor } from './charsets';

/** Fields read together with another (issued place/date) or spanning lines are not re-read. */
const SKIP = new Set<TextFieldName>(['issued_date', 'issued_place', 'address', 'document_type']);

export interface RefineOptions {
  /** Re-read fields whose first-pass confidence is under this. */
  below: number;
  signal?: AbortSignal;
}

export async function refineFields(
  raster: Raster,
  fields: Partial<Record<TextFieldName, FieldReading>>,
  recognizer: TextRecognizer,
  options: RefineOptions,
): Promise<void> {
  const nationality = fields.nationality?.text ?? '';
  const jobs = (Object.entries(fields) as [TextFieldName, FieldReading][])
    .filter(([name, f]) => !SKIP.has(name) && f.rects.length === 1)
    .filter(([name, f]) => {
      const first = normalizeField(name, cleanText(f.text), nationality);
      return f.confidence < options.below || first.valid === false;
    })
    .map(async ([name, f]) => {
      options.signal?.throwIfAborted();
      const rect = f.rects[0]!;
      const charset = charsetFor(name, f.text);
      const second = await recognizeRegion(raster, rect, recognizer, charset);
      if (!second) return;
      const before = normalizeField(name, cleanText(f.text), nationality);
      const after = normalizeField(name, cleanText(second.text), nationality);
      if (after.value === before.value) {
        // Agreement between two differently prepared reads.
        f.confidence = Math.max(f.confidence, second.confidence, Math.min(0.97, (f.confidence + 1) / 2));
        f.reread = 'agree';
        return;
      }
      const betterFormat = after.valid === true && before.valid !== true;
      if (betterFormat || (after.valid === before.valid && second.confidence > f.confidence + 0.1)) {
        f.text = second.text;
        f.confidence = Math.min(second.confidence, 0.9);
        f.reread = 'replaced';
      } else {
        f.confidence = Math.min(f.confidence, 0.6);
        f.reread = 'disagree';
      }
    });
  await Promise.all(jobs);
}
