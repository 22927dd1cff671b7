// What a template hands the renderer: one sheet of HTML with its marked values.
import type { Marks } from './html';

export type DocKind = 'KITAS' | 'KITAP' | 'KTP' | 'SKTT' | 'PASSPORT' | 'OTHER';
export type DocLayout = 'page' | 'card' | 'negative';

export interface DocSpec {
  kind: DocKind;
  layout: DocLayout;
  variant: string;
  /** Sheet size in CSS px (96 per inch). A4 pages: 210x297 mm. */
  widthMm: number;
  heightMm: number;
  /** CSS for the sheet; sizes in em of the sheet's font-size, which the renderer may shrink to fit. */
  css: string;
  /** Inner HTML of the sheet. */
  body: string;
  /** Base font size in CSS px. */
  fontPx: number;
  /** Card-like sheets get rounded corners over a neutral surround in the straight render. */
  rounded?: boolean;
  marks: Marks;
}

export const MM_TO_CSS = 96 / 25.4;
