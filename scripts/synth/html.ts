// Small helpers shared by the templates: escaping, label wordings, and the recorder that marks every
// printed value with data-f so the renderer can measure it and the truth can carry it.
import { FIELD_LABELS } from '../../src/core/labels';
import type { FieldName, TextFieldName } from '../../src/core/schema';
import type { Rng } from './rng';

/** A marked element: a text field, the combined "Place, date" issue line, or an image field. */
export type MarkKey = FieldName | 'issued';

export interface Printed {
  value: string;
  original: string;
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export class Marks {
  readonly printed = new Map<MarkKey, Printed>();

  /** A value span; `value` is the truth value, `original` the printed text. */
  text(key: TextFieldName | 'issued', original: string, value = original, cls = 'v'): string {
    if (this.printed.has(key)) throw new Error(`field ${key} printed twice`);
    this.printed.set(key, { value, original });
    return `<span class="${cls}" data-f="${key}">${esc(original)}</span>`;
  }

  /** An image element (photo, sign) wrapping `inner` markup. */
  image(key: 'photo' | 'sign', inner: string, style: string, cls = ''): string {
    this.printed.set(key, { value: '', original: '' });
    return `<div class="${cls}" data-f="${key}" style="${style}">${inner}</div>`;
  }
}

export type LabelKey = TextFieldName | 'place_date_of_birth';

/** Splits a bilingual wording at its middle ' / ' into [Indonesian, English]; one part if none. */
export function splitLabel(wording: string): [string] | [string, string] {
  const parts = wording.split(' / ');
  if (parts.length < 2) return [wording];
  const mid = Math.floor(parts.length / 2);
  return [parts.slice(0, mid).join(' / '), parts.slice(mid).join(' / ')];
}

export type LabelMode = 'inline' | 'stacked' | 'indonesian';

/** Picks a wording per field once per document. */
export class Labels {
  private chosen = new Map<LabelKey, string>();
  constructor(private r: Rng) {}

  wording(key: LabelKey): string {
    let w = this.chosen.get(key);
    if (!w) {
      const options = FIELD_LABELS[key];
      if (!options || options.length === 0) throw new Error(`no label wording for ${key}`);
      w = this.r.pick(options);
      this.chosen.set(key, w);
    }
    return w;
  }

  html(key: LabelKey, mode: LabelMode, cls = 'lb'): string {
    const parts = splitLabel(this.wording(key));
    if (mode === 'inline' || parts.length === 1)
      return `<span class="${cls}">${esc(this.wording(key))}</span>`;
    if (mode === 'indonesian') return `<span class="${cls}">${esc(parts[0])}</span>`;
    return `<span class="${cls} stk"><span class="id">${esc(parts[0])}</span><span class="en">${esc(parts[1]!)}</span></span>`;
  }
}

export const FONTS = [
  'DejaVu Sans',
  'Liberation Sans',
  'Liberation Serif',
  'Noto Sans',
  'Noto Serif',
  'DejaVu Serif',
  'Liberation Sans Narrow',
] as const;

/** Swaps a few neighbours: "shuffled within reason". */
export function jiggle<T>(r: Rng, items: readonly T[], swaps: number): T[] {
  const out = items.slice();
  for (let s = 0; s < swaps; s++) {
    const i = r.int(0, out.length - 2);
    [out[i], out[i + 1]] = [out[i + 1] as T, out[i] as T];
  }
  return out;
}
