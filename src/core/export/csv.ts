// CSV of many results that opens as intended in a spreadsheet, Indonesian locale included:
// UTF-8 with a byte-order mark (else Excel guesses a legacy code page), the list separator of the
// locale (';' where the decimal mark is ',', as in id-ID), RFC 4180 quoting and CRLF rows, and
// cells that a spreadsheet would run as a formula neutralised with a leading apostrophe.
import { FIELD_NAMES, isImageField, type KitasResult, type TextFieldName } from '../schema';

export type CsvSeparator = ';' | ',';

export interface CsvOptions {
  /** ';' (Indonesian and most European locales) or ','. */
  separator: CsvSeparator;
  /** Add a `<field>_confidence` column after each value. */
  confidence?: boolean;
  /** Start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

export interface CsvRecord {
  /** The source file's name (a record number is appended by the caller for multi-permit PDFs). */
  file: string;
  result: KitasResult;
}

export const CSV_BOM = '\uFEFF';

/** The text fields, in the reference order: one column each (photo and signature are images). */
export const CSV_FIELDS: readonly TextFieldName[] = FIELD_NAMES.filter(
  (n): n is TextFieldName => !isImageField(n),
);

/** The separator a spreadsheet in this locale expects: ';' where ',' is the decimal mark. */
export function defaultSeparator(locale: string): CsvSeparator {
  const lang = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return COMMA_DECIMAL_LANGS.has(lang) ? ';' : ',';
}

const COMMA_DECIMAL_LANGS = new Set(['id', 'ms', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ru', 'tr', 'pl', 'vi']);

/**
 * A cell a spreadsheet would evaluate (=, +, -, @ start a formula; a leading tab or CR can hide one)
 * gets a leading apostrophe so it shows as text (OWASP "CSV injection").
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: a cell holding the separator, a quote, CR or LF is quoted, its quotes doubled. */
export function quote(cell: string, separator: CsvSeparator): string {
  if (cell.includes(separator) || /["\r\n]/.test(cell)) return `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

function cell(value: string, separator: CsvSeparator): string {
  return quote(neutralise(value), separator);
}

/** Confidence as a number in the locale's notation: 0,9312 beside ';', 0.9312 beside ','. */
function formatNumber(x: number, separator: CsvSeparator): string {
  const s = String(Math.round(x * 10000) / 10000);
  return separator === ';' ? s.replace('.', ',') : s;
}

/**
 * A field's column title: its API key, except the permit's `status` field, which would clash with
 * the result's status column and is titled `permit_status`.
 */
export function csvColumn(name: TextFieldName): string {
  return name === 'status' ? 'permit_status' : name;
}

export function csvHeader(options: CsvOptions): string[] {
  const cols = ['file', 'status', 'reason'];
  for (const name of CSV_FIELDS) {
    cols.push(csvColumn(name));
    if (options.confidence) cols.push(`${csvColumn(name)}_confidence`);
  }
  return cols;
}

export function csvRow(record: CsvRecord, options: CsvOptions): string[] {
  const { result } = record;
  const cols = [record.file, result.status, result.reason];
  for (const name of CSV_FIELDS) {
    const f = result.read[name];
    cols.push(f?.value ?? '');
    if (options.confidence)
      cols.push(f && (f.value || f.confidence) ? formatNumber(f.confidence, options.separator) : '');
  }
  return cols;
}

export function toCsv(records: readonly CsvRecord[], options: CsvOptions): string {
  const sep = options.separator;
  const lines = [csvHeader(options), ...records.map((r) => csvRow(r, options))].map((cols) =>
    cols.map((c) => cell(c, sep)).join(sep),
  );
  return `${options.bom === false ? '' : CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** Splits CSV text back into rows (RFC 4180, any separator); for tests and round trips. */
export function parseCsv(text: string, separator: CsvSeparator): string[][] {
  const src = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === separator) {
      row.push(cur);
      cur = '';
    } else if (ch === '\r' && src[i + 1] === '\n') {
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
      i++;
    } else cur += ch;
  }
  if (cur !== '' || row.length > 0) {
    row.push(cur);
    rows.push(row);
  }
  return rows;
}
