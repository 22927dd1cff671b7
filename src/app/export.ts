import { FIELD_NAMES, isImageField, type FieldName, type KitasResult } from '../core/schema';

export type Edits = Partial<Record<FieldName, string>>;

/**
 * The result as the API returns it, with the user's edits applied to `value` (value_original keeps
 * what was read). Same keys, same order, same shape: a drop-in for the reference object.
 */
export function applyEdits(result: KitasResult, edits: Edits): KitasResult {
  const read = { ...result.read };
  for (const name of FIELD_NAMES) {
    const edited = edits[name];
    if (edited === undefined || isImageField(name)) continue;
    read[name] = { ...result.read[name], value: edited } as never;
  }
  return { ...result, read };
}

export function toJson(result: KitasResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function exportFileName(sourceName: string): string {
  const base = sourceName.replace(/\.[^.]*$/, '') || 'document';
  return `${base}.kitas.json`;
}
