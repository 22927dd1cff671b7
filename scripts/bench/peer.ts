// The PEER the benchmark compares against: the approach common open-source ID-card OCR projects take.
// One tesseract pass over the whole page (PSM 3, automatic segmentation; same eng 4.0.0_best_int data as
// ours), then a label/regex parser over the recognized lines: find the line whose text carries a
// field's label ('Nama' / 'Name', ...), take what follows the colon (or the next line when nothing does),
// dates and identifiers by regex. It produces the same reference object so the eval metrics apply.
//
// Input handling is the same as ours so only the reading approach differs: images are decoded with the
// same sharp decoder (EXIF applied) and read at most 2200 px on the long side; PDFs are rasterized at
// 150 DPI (every page, up to 4) and OCR'd, as such projects do (they do not use a PDF text layer).

import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, PSM, type ImageLike, type Worker } from 'tesseract.js';
import { DEFAULT_LIMITS, type Raster } from '../../src/core/ports';
import {
  REASONS,
  emptyRead,
  type KitasResult,
  type Polygon,
  type TextFieldName,
} from '../../src/core/schema';
import { rasterToPgm } from '../../src/core/image/pnm';
import { fitToPixels } from '../../src/core/image/raster';
import { createSharpDecoder } from '../../src/engine/node/image-decoder';
import { createNodePdfEngine } from '../../src/engine/node/pdf-engine';

const require = createRequire(import.meta.url);
const MAX_SIDE = 2200;
const MAX_PDF_PAGES = 4;

export interface PeerLine {
  text: string;
  /** 0..1 */
  confidence: number;
  words: { text: string; confidence: number; x0: number; y0: number; x1: number; y1: number }[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  page: number;
}

export interface PeerReader {
  readonly name: string;
  read(bytes: Uint8Array): Promise<{ result: KitasResult; timings_ms: Record<string, number> }>;
  close(): Promise<void>;
}

export async function createPeer(): Promise<PeerReader> {
  const langPath = path.join(
    path.dirname(require.resolve('@tesseract.js-data/eng/package.json')),
    '4.0.0_best_int',
  );
  const worker: Worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    cacheMethod: 'none',
  });
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1' });
  const decoder = createSharpDecoder();
  const pdf = createNodePdfEngine();

  async function ocrPage(raster: Raster, toOutput: number, page: number): Promise<PeerLine[]> {
    const { data } = await worker.recognize(
      rasterToPgm(raster) as unknown as ImageLike,
      {},
      { text: true, blocks: true },
    );
    const lines: PeerLine[] = [];
    const k = (v: number) => Math.round(v * toOutput);
    for (const block of data.blocks ?? []) {
      for (const para of block.paragraphs) {
        for (const line of para.lines) {
          const text = line.text.replace(/\s+/g, ' ').trim();
          if (!text) continue;
          lines.push({
            text,
            confidence: line.confidence / 100,
            words: line.words.map((w) => ({
              text: w.text,
              confidence: w.confidence / 100,
              x0: k(w.bbox.x0),
              y0: k(w.bbox.y0),
              x1: k(w.bbox.x1),
              y1: k(w.bbox.y1),
            })),
            x0: k(line.bbox.x0),
            y0: k(line.bbox.y0),
            x1: k(line.bbox.x1),
            y1: k(line.bbox.y1),
            page,
          });
        }
      }
    }
    return lines;
  }

  return {
    name: 'peer: tesseract.js PSM 3 full page + label/regex parser',
    async read(bytes) {
      const timings: Record<string, number> = {};
      const started = performance.now();
      let t = started;
      const lines: PeerLine[] = [];
      try {
        if (bytes.length > 4 && String.fromCharCode(...bytes.subarray(0, 4)) === '%PDF') {
          const doc = await pdf.open(bytes);
          try {
            for (let i = 0; i < Math.min(doc.pageCount, MAX_PDF_PAGES); i++) {
              t = performance.now();
              const page = await doc.getPage(i);
              const raster = await page.render();
              const work = fit(raster);
              timings.decode = (timings.decode ?? 0) + performance.now() - t;
              t = performance.now();
              lines.push(...(await ocrPage(work, page.width / work.width, i)));
              timings.recognize = (timings.recognize ?? 0) + performance.now() - t;
            }
          } finally {
            await doc.close();
          }
        } else {
          const decoded = await decoder.decode(bytes, DEFAULT_LIMITS);
          const work = fit(decoded.raster);
          timings.decode = performance.now() - t;
          t = performance.now();
          lines.push(...(await ocrPage(work, decoded.displayWidth / work.width, 0)));
          timings.recognize = performance.now() - t;
        }
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return {
          result: {
            status: 'FAILED',
            reason: `peer could not read the file (${message})`,
            read: emptyRead(),
          },
          timings_ms: { total: performance.now() - started },
        };
      }
      t = performance.now();
      const result = parseLines(lines);
      timings.assemble = performance.now() - t;
      timings.total = performance.now() - started;
      return { result, timings_ms: timings };
    },
    async close() {
      await worker.terminate();
    },
  };
}

function fit(raster: Raster): Raster {
  const side = Math.max(raster.width, raster.height);
  if (side <= MAX_SIDE) return raster;
  const k = MAX_SIDE / side;
  return fitToPixels(raster, raster.width * raster.height * k * k).raster;
}

// ---------------------------------------------------------------------------------------------------
// The label/regex parser.

const MONTHS: Record<string, number> = {
  JAN: 1,
  JANUARY: 1,
  JANUARI: 1,
  FEB: 2,
  FEBRUARY: 2,
  FEBRUARI: 2,
  PEB: 2,
  PEBRUARI: 2,
  MAR: 3,
  MARCH: 3,
  MARET: 3,
  APR: 4,
  APRIL: 4,
  MAY: 5,
  MEI: 5,
  JUN: 6,
  JUNE: 6,
  JUNI: 6,
  JUL: 7,
  JULY: 7,
  JULI: 7,
  AUG: 8,
  AUGUST: 8,
  AGU: 8,
  AGT: 8,
  AGUSTUS: 8,
  AGS: 8,
  SEP: 9,
  SEPT: 9,
  SEPTEMBER: 9,
  OCT: 10,
  OCTOBER: 10,
  OKT: 10,
  OKTOBER: 10,
  NOV: 11,
  NOVEMBER: 11,
  NOP: 11,
  NOPEMBER: 11,
  DEC: 12,
  DECEMBER: 12,
  DES: 12,
  DESEMBER: 12,
};

const DATE_NUM = /\b(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})\b/;
const DATE_WORD = /\b(\d{1,2})\s+([A-Z]{3,9})\.?\s+(\d{4})\b/i;

/** The first date in a string, as dd-mm-yyyy, with where it was found. */
export function findDate(text: string): { value: string; index: number; length: number } | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  const candidates: { value: string; index: number; length: number }[] = [];
  const n = DATE_NUM.exec(text);
  if (n) {
    const d = Number(n[1]);
    const m = Number(n[2]);
    if (d >= 1 && d <= 31 && m >= 1 && m <= 12)
      candidates.push({ value: `${pad(d)}-${pad(m)}-${n[3]}`, index: n.index, length: n[0].length });
  }
  const w = DATE_WORD.exec(text);
  if (w) {
    const m = MONTHS[w[2]!.toUpperCase()];
    const d = Number(w[1]);
    if (m && d >= 1 && d <= 31)
      candidates.push({ value: `${pad(d)}-${pad(m)}-${w[3]}`, index: w.index, length: w[0].length });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0] ?? null;
}

type Kind = 'text' | 'date' | 'gender' | 'compact' | 'place_date';

interface Rule {
  field: TextFieldName | 'place_date_of_birth';
  label: RegExp;
  kind: Kind;
  /** Lines matching this are not this field's label. */
  not?: RegExp;
}

// Order matters: the first rule whose label matches a line takes it.
const RULES: Rule[] = [
  { field: 'guarantor_name', label: /\b(PENJAMIN|GUARANTOR|SPONSOR)\b/i, kind: 'text' },
  {
    field: 'passport_expiry',
    label: /\b(PASPOR|PASSPORT)\b.*\b(BERLAKU|EXPIR\w*|HABIS|VALID)\b|\b(BERLAKU|HABIS|MASA)\b.*\bPASPOR\b/i,
    kind: 'date',
  },
  { field: 'passport_number', label: /\b(PASPOR|PASSPORT)\b/i, kind: 'compact' },
  {
    field: 'place_date_of_birth',
    label: /\b(TEMPAT|PLACE)\b.*\b(LAHIR|BIRTH)\b/i,
    kind: 'place_date',
  },
  { field: 'date_of_birth', label: /\b(TANGGAL|TGL)\.?\s*LAHIR\b|\bDATE OF BIRTH\b/i, kind: 'date' },
  { field: 'place_of_birth', label: /\bTEMPAT LAHIR\b|\bPLACE OF BIRTH\b/i, kind: 'text' },
  {
    field: 'nationality',
    label: /\b(KEWARGANEGARAAN|NATIONALITY|WARGA NEGARA|CITIZENSHIP)\b/i,
    kind: 'text',
  },
  { field: 'gender', label: /\b(JENIS KELAMIN|KELAMIN|SEX|GENDER)\b/i, kind: 'gender' },
  { field: 'stay_entries_permit_expiry', label: /\b(SATU KALI|SINGLE)\b/i, kind: 'date' },
  {
    field: 'stay_multiple_entries_permit_expiry',
    label: /\b(BEBERAPA KALI|MULTIPLE|BERLAKU HINGGA|VALID UNTIL|BERLAKU S\/?D|EXPIRY DATE)\b/i,
    kind: 'date',
  },
  { field: 'stay_permit_index', label: /\b(INDEKS|INDEX|KODE|CODE)\b/i, kind: 'compact' },
  { field: 'niora', label: /\bNIORA\b|\bINDUK ORANG ASING\b/i, kind: 'compact' },
  {
    field: 'permit_number',
    label:
      /\b(IZIN TINGGAL|STAY PERMIT|KARTU|CARD)\b.*\b(NO|NOMOR|NUMBER)\b|\b(NO|NOMOR)\.?\s*(IZIN|KARTU)\b/i,
    kind: 'compact',
  },
  { field: 'full_name', label: /\b(NAMA|NAME)\b/i, kind: 'text' },
  { field: 'address', label: /\b(ALAMAT|ADDRESS)\b/i, kind: 'text' },
  { field: 'occupation', label: /\b(PEKERJAAN|OCCUPATION|JABATAN|POSITION)\b/i, kind: 'text' },
  { field: 'status', label: /^\W*STATUS\b|\b(KETERANGAN|REMARKS)\b/i, kind: 'text' },
];

const NIORA_RE = /\b\d[A-Z]{4}\d{5}\b/;
const PERMIT_RE = /\b2[CD]\d{2}[A-Z]{2}\d{4}[A-Z]{2}\b/;
const TITLE_RE = /\b(KARTU\s+)?IZIN\s+TINGGAL\s+(TERBATAS|TETAP)(\s+ELEKTRONIK)?\b/i;

/** Text after the label: after the first ':' (tesseract also reads it as ';' or '©'), else after the label words. */
function afterLabel(text: string, label: RegExp): { value: string; start: number } {
  const colon = text.search(/[:;©]/);
  if (colon >= 0) {
    const rest = text.slice(colon + 1);
    const start = colon + 1 + (rest.length - rest.trimStart().length);
    return { value: rest.trim(), start };
  }
  let end = 0;
  const global = new RegExp(label.source, label.flags.includes('g') ? label.flags : label.flags + 'g');
  for (const m of text.matchAll(global)) end = Math.max(end, (m.index ?? 0) + m[0].length);
  // Words that end bilingual labels ('Passport No.', 'Nomor ...') without being the value.
  const rest = text
    .slice(end)
    .replace(/^(?:[\s/.,-]*\b(?:NO|NUMBER|NOMOR|NUM)\b\.?)+/i, '')
    .replace(/^[\s/.,-]+/, '');
  return { value: rest.trim(), start: text.length - rest.length };
}

/** The box of the words that start at or after `start` characters into the line. */
function valuePolygon(line: PeerLine, start: number, length: number): Polygon {
  let pos = 0;
  let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
  for (const w of line.words) {
    const at = line.text.indexOf(w.text, pos);
    const wStart = at >= 0 ? at : pos;
    pos = wStart + w.text.length;
    if (wStart + w.text.length <= start || wStart >= start + length) continue;
    box = box
      ? {
          x0: Math.min(box.x0, w.x0),
          y0: Math.min(box.y0, w.y0),
          x1: Math.max(box.x1, w.x1),
          y1: Math.max(box.y1, w.y1),
        }
      : { x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 };
  }
  const b = box ?? line;
  return [
    [b.x0, b.y0],
    [b.x1, b.y0],
    [b.x1, b.y1],
    [b.x0, b.y1],
  ];
}

function cleanValue(s: string): string {
  return s
    .replace(/^[\s:;.,|_-]+/, '')
    .replace(/[\s:;,|_~-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Builds the reference object from recognized lines (exported for unit tests). */
export function parseLines(lines: PeerLine[]): KitasResult {
  const read = emptyRead();
  const set = (
    field: TextFieldName,
    value: string,
    original: string,
    line: PeerLine,
    start: number,
    length: number,
  ) => {
    if (!value || read[field].value) return;
    read[field] = {
      value,
      value_original: original,
      confidence: round4(line.confidence),
      confidence_text: round4(line.confidence),
      polygon: valuePolygon(line, start, length),
      page_index: line.page,
    };
  };
  const wholeLine = (field: TextFieldName, line: PeerLine) =>
    set(field, cleanValue(line.text), line.text, line, 0, line.text.length);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    const upper = text.toUpperCase();
    const title = TITLE_RE.exec(upper);
    if (title && !/\b(NO|NOMOR|NUMBER)\b/i.test(upper)) {
      set('document_type', title[0].replace(/\s+/g, ' '), text, line, title.index, title[0].length);
      continue;
    }
    if (/^\W*KANTOR WILAYAH\b/i.test(text)) {
      wholeLine('office_region', line);
      continue;
    }
    if (/^\W*(KANIM|KANTOR IMIGRASI)\b/i.test(text)) {
      wholeLine('office_name', line);
      const next = lines[i + 1];
      if (next && /^\W*(JL|JALAN)\b/i.test(next.text)) wholeLine('office_address', next);
      continue;
    }
    const rule = RULES.find((r) => r.label.test(text) && !(r.not && r.not.test(text)));
    if (rule) {
      let { value, start } = afterLabel(text, rule.label);
      let src = line;
      if (!value && lines[i + 1] && !RULES.some((r) => r.label.test(lines[i + 1]!.text))) {
        src = lines[i + 1]!;
        value = src.text;
        start = 0;
      }
      value = cleanValue(value);
      if (!value) continue;
      const len = value.length;
      switch (rule.kind) {
        case 'text':
          set(rule.field as TextFieldName, value.toUpperCase(), value, src, start, len);
          break;
        case 'compact':
          set(rule.field as TextFieldName, value.replace(/\s+/g, '').toUpperCase(), value, src, start, len);
          break;
        case 'date': {
          const d = findDate(value);
          if (d) set(rule.field as TextFieldName, d.value, value, src, start + d.index, d.length);
          break;
        }
        case 'gender': {
          const g = /\b(PEREMPUAN|FEMALE|WANITA|F)\b/i.test(value)
            ? 'F'
            : /\b(LAKI|MALE|PRIA|M)\b/i.test(value)
              ? 'M'
              : '';
          if (g) set('gender', g, value, src, start, len);
          break;
        }
        case 'place_date': {
          const d = findDate(value);
          if (d) {
            set('date_of_birth', d.value, value, src, start + d.index, d.length);
            const place = cleanValue(value.slice(0, d.index));
            if (place) set('place_of_birth', place.toUpperCase(), value, src, start, d.index);
          } else {
            set('place_of_birth', value.toUpperCase(), value, src, start, len);
          }
          break;
        }
      }
      continue;
    }
    // Issue line at the foot: "PLACE, date".
    const issued = /^([A-Za-z][A-Za-z .'-]+),\s*(.+)$/.exec(text);
    if (issued) {
      const d = findDate(issued[2]!);
      if (d && d.index === 0) {
        set('issued_place', issued[1]!.trim().toUpperCase(), text, line, 0, issued[1]!.length);
        set('issued_date', d.value, text, line, issued[1]!.length + 1, text.length);
      }
    }
  }
  // Identifiers by regex anywhere on the page when the label route found nothing.
  for (const [field, re] of [
    ['niora', NIORA_RE],
    ['permit_number', PERMIT_RE],
  ] as const) {
    if (read[field].value && re.test(read[field].value)) continue;
    for (const line of lines) {
      const m = re.exec(line.text.toUpperCase());
      if (m) {
        read[field] = { ...read[field], value: '' };
        set(field, m[0], line.text, line, m.index, m[0].length);
        break;
      }
    }
  }
  const isPermit = !!read.document_type.value || !!read.permit_number.value;
  return { status: 'SUCCESS', reason: isPermit ? REASONS.success : REASONS.someInvalid, read };
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
