// readDocumentAll on a family PDF: 3 pages (a cover page and two permits from different generated
// identities) give 2 records, each on its own page. The permits carry a text layer, so no page may
// need the detector or the recognizer: both fail the test if called.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { readDocumentAll } from '../core/read-all';
import { readDocument } from '../core/read-document';
import type { Engines } from '../core/ports';
import type { KitasResult } from '../core/schema';
import { createNodePdfEngine } from '../engine/node/pdf-engine';
import { repoRoot } from '../engine/node/engines';

const TODAY = new Date('2026-01-15T00:00:00Z');
const permitPdf = path.join(repoRoot, 'e2e/fixtures/permit.pdf');
const secondPdf = path.join(repoRoot, 'scripts/eval/fixtures/regression/page-0014-pdf.pdf');
const truth = (file: string) =>
  (JSON.parse(readFileSync(file.replace(/\.pdf$/, '.truth.json'), 'utf8')) as { expected: KitasResult })
    .expected;

const engines: Engines = {
  decoder: {
    decode: () => Promise.reject(new Error('no image decoding expected')),
  },
  pdf: createNodePdfEngine(),
  detector: {
    backend: 'none',
    run: () => Promise.reject(new Error('no OCR expected: the permits have a text layer')),
  },
  recognizer: {
    name: 'none',
    recognize: () => Promise.reject(new Error('no OCR expected: the permits have a text layer')),
  },
};

async function merge(files: [string, number[]?][]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  for (const [file, pages] of files) {
    const src = await PDFDocument.load(readFileSync(file));
    for (const page of await out.copyPages(src, pages ?? src.getPageIndices())) out.addPage(page);
  }
  return out.save();
}

describe('readDocumentAll', () => {
  it('returns one record per permit of a 3-page family PDF', async () => {
    // permit.pdf: a cover letter, then the permit; then the first page of another permit's PDF.
    const second = truth(secondPdf);
    const bytes = await merge([[permitPdf], [secondPdf, [second.read.permit_number.page_index]]]);
    const results = await readDocumentAll(bytes, engines, { today: TODAY });
    expect(results).toHaveLength(2);
    const first = truth(permitPdf);
    // The fixture's permit is on its page 1 (page 0 is a cover letter); the second file follows.
    const want = [
      { page: first.read.permit_number.page_index, expected: first },
      { page: 2, expected: second },
    ];
    results.forEach((r, i) => {
      expect(r.status).toBe('SUCCESS');
      expect(r.meta?.page_count).toBe(3);
      expect(r.meta?.page_sizes).toHaveLength(3);
      expect(r.meta?.record).toEqual({ index: i, count: 2, page_index: want[i]!.page });
      for (const name of ['full_name', 'permit_number', 'date_of_birth', 'passport_number'] as const) {
        expect(r.read[name].value, name).toBe(want[i]!.expected.read[name].value);
        expect(r.read[name].page_index, name).toBe(want[i]!.page);
      }
      expect(r.read.photo.page_index).toBe(want[i]!.page);
    });
    expect(results[0]!.read.full_name.value).not.toBe(results[1]!.read.full_name.value);
  });

  it('gives the same single record as readDocument for a one-permit PDF', async () => {
    const bytes = new Uint8Array(readFileSync(permitPdf));
    const [all, one] = await Promise.all([
      readDocumentAll(bytes, engines, { today: TODAY }),
      readDocument(bytes, engines, { today: TODAY }),
    ]);
    expect(all).toHaveLength(1);
    const strip = (r: KitasResult) => ({ ...r, meta: { ...r.meta, timings_ms: {}, record: undefined } });
    expect(strip(all[0]!).read).toEqual(strip(one).read);
    expect(all[0]!.meta?.record).toEqual({ index: 0, count: 1, page_index: 1 });
  });

  it('passes other inputs through to readDocument', async () => {
    expect(await readDocumentAll(null, engines)).toEqual([expect.objectContaining({ status: 'NO_FILE' })]);
    const text = new TextEncoder().encode('not a document');
    expect((await readDocumentAll(text, engines))[0]!.status).toBe('FILE_INVALID_FORMAT');
    const broken = new TextEncoder().encode('%PDF-1.7\n garbage');
    const res = await readDocumentAll(broken, engines);
    expect(res).toHaveLength(1);
    expect(res[0]!.status).toBe('FAILED');
  });
});
