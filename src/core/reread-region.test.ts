import { describe, expect, it } from 'vitest';
import type { Raster, RecognizeOptions, Recognition, TextRecognizer } from './ports';
import { createRaster } from './image/raster';
import { rereadRegion } from './reread-region';
import { FIELD_CHARSETS } from './charsets';

/** A recognizer that answers from a script and remembers what it was asked. */
function fakeRecognizer(answer: (raster: Raster, options: RecognizeOptions) => Recognition | string) {
  const calls: { width: number; height: number; options: RecognizeOptions }[] = [];
  const recognizer: TextRecognizer = {
    name: 'fake',
    async recognize(raster, options = {}) {
      calls.push({ width: raster.width, height: raster.height, options });
      const a = answer(raster, options);
      if (typeof a !== 'string') return a;
      return {
        text: a,
        confidence: 0.96,
        words: a
          .split(' ')
          .filter(Boolean)
          .map((w, i) => ({ text: w, confidence: 0.96, bbox: { x: i * 40, y: 0, width: 30, height: 20 } })),
      };
    },
  };
  return { recognizer, calls };
}

const page = createRaster(800, 600);

describe('rereadRegion', () => {
  it('reads the box once when the value fits its format; polygon is the drawn box', async () => {
    const { recognizer, calls } = fakeRecognizer(() => '1ABCD23456');
    const f = await rereadRegion(page, { x: 100.4, y: 50, width: 200, height: 24 }, 'niora', recognizer, {
      pageIndex: 1,
    });
    expect(f.value).toBe('1ABCD23456');
    expect(f.value_original).toBe('1ABCD23456');
    expect(f.page_index).toBe(1);
    expect(f.polygon).toEqual([
      [100, 50],
      [301, 50],
      [301, 74],
      [100, 74],
    ]);
    expect(f.confidence).toBeGreaterThan(0.9);
    expect(f.confidence_text).toBe(0.96);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options.mode).toBe('line');
  });

  it("normalizes the read (a date's look-alike letters, dd-mm-yyyy)", async () => {
    const { recognizer } = fakeRecognizer(() => 'l2/O3/2O3O');
    const f = await rereadRegion(
      page,
      { x: 10, y: 10, width: 120, height: 20 },
      'passport_expiry',
      recognizer,
      {
        pageIndex: 0,
      },
    );
    expect(f.value).toBe('12-03-2030');
    expect(f.value_original).toBe('l2/O3/2O3O');
  });

  it("re-reads with the field's characters when the first read misses the format", async () => {
    const { recognizer, calls } = fakeRecognizer((_r, o) => (o.charset ? '2C21AB1234CD' : '2C21 AB ~~ CD'));
    const f = await rereadRegion(page, { x: 0, y: 0, width: 300, height: 30 }, 'permit_number', recognizer, {
      pageIndex: 0,
    });
    expect(calls.map((c) => c.options.charset)).toEqual([undefined, FIELD_CHARSETS.permit_number]);
    expect(f.value).toBe('2C21AB1234CD');
  });

  it('keeps a read that fails its format, with a low confidence', async () => {
    const { recognizer } = fakeRecognizer(() => 'NOT A NUMBER');
    const f = await rereadRegion(page, { x: 0, y: 0, width: 300, height: 30 }, 'niora', recognizer, {
      pageIndex: 0,
    });
    expect(f.value_original).toBe('NOT A NUMBER');
    expect(f.confidence).toBeLessThan(0.5);
  });

  it('reads a tall box of a multi-line field as a block, joining its lines', async () => {
    const { recognizer, calls } = fakeRecognizer(() => ({
      text: 'JL. KENANGA 7\nDENPASAR\n',
      confidence: 0.9,
      words: [],
    }));
    const f = await rereadRegion(page, { x: 0, y: 0, width: 300, height: 80 }, 'address', recognizer, {
      pageIndex: 0,
    });
    expect(calls[0]!.options.mode).toBe('block');
    expect(f.value).toBe('JL. KENANGA 7 DENPASAR');
  });

  it('clamps the box to the page and maps the polygon to output pixels', async () => {
    const { recognizer, calls } = fakeRecognizer(() => 'M');
    const f = await rereadRegion(page, { x: 780, y: 590, width: 100, height: 100 }, 'gender', recognizer, {
      pageIndex: 0,
      toOutput: ([x, y]) => [x * 2, y * 2],
    });
    expect(f.polygon).toEqual([
      [1560, 1180],
      [1600, 1180],
      [1600, 1200],
      [1560, 1200],
    ]);
    expect(f.value).toBe('M');
    expect(calls[0]!.width).toBeGreaterThan(0);
  });

  it('gives an empty field for a box too small or off the page, without reading', async () => {
    const { recognizer, calls } = fakeRecognizer(() => 'X');
    const f = await rereadRegion(page, { x: 900, y: 10, width: 50, height: 20 }, 'full_name', recognizer, {
      pageIndex: 0,
    });
    expect(f).toMatchObject({ value: '', value_original: '', confidence: 0, polygon: [] });
    expect(calls).toHaveLength(0);
  });

  it('gives an empty value when nothing is read', async () => {
    const { recognizer } = fakeRecognizer(() => '  ');
    const f = await rereadRegion(page, { x: 0, y: 0, width: 100, height: 20 }, 'full_name', recognizer, {
      pageIndex: 0,
    });
    expect(f.value).toBe('');
    expect(f.confidence).toBe(0);
    expect(f.polygon).toHaveLength(4);
  });
});
