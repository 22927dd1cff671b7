import { describe, expect, it } from 'vitest';
import { dropsOneGlyph, refineFields } from './refine';
import type { FieldReading } from './layout/assign';
import type { Raster, RecognizeOptions, TextRecognizer } from './ports';

const raster: Raster = { width: 400, height: 100, data: new Uint8ClampedArray(400 * 100 * 4).fill(255) };

/** Answers each successive read with the next text; records the options it was asked with. */
function scripted(texts: string[], confidence = 0.95) {
  const asked: (RecognizeOptions | undefined)[] = [];
  const recognizer: TextRecognizer = {
    name: 'scripted',
    recognize: (_r, opts) => {
      asked.push(opts);
      const text = texts[Math.min(asked.length - 1, texts.length - 1)]!;
      return Promise.resolve({
        text,
        confidence,
        words: [{ text, confidence, bbox: { x: 0, y: 0, width: 100, height: 30 } }],
      });
    },
  };
  return { recognizer, asked };
}

function field(text: string, confidence: number): FieldReading {
  return { text, confidence, rects: [{ x: 20, y: 20, width: 300, height: 30 }], assignment: 0.95 };
}

describe('refineFields', () => {
  it('two re-reads that agree replace the first read', async () => {
    const fields = { full_name: field('JOBE MARIA SANTOS', 0.5) };
    await refineFields(raster, fields, scripted(['JOSE MARIA SANTOS', 'JOSE MARIA SANTOS']).recognizer, {
      below: 0.85,
    });
    expect(fields.full_name.text).toBe('JOSE MARIA SANTOS');
    expect(fields.full_name.reread).toBe('agree');
  });

  it('asks each re-read for one look as framed, so that agreement is between two views', async () => {
    const fields = { full_name: field('JOBE MARIA SANTOS', 0.5) };
    const { recognizer, asked } = scripted(['JOSE MARIA SANTOS', 'JOSE MARlA SANTOS']);
    await refineFields(raster, fields, recognizer, { below: 0.85 });
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(asked.every((o) => o?.once === true)).toBe(true);
  });

  it('a lone re-read that lost most of the characters does not replace the first read', async () => {
    const fields = { full_name: field('ETHAN COTE', 0.6) };
    await refineFields(raster, fields, scripted(['F', 'I FU']).recognizer, { below: 0.85 });
    expect(fields.full_name.text).toBe('ETHAN COTE');
    expect(fields.full_name.reread).toBe('disagree');
    expect(fields.full_name.confidence).toBeLessThanOrEqual(0.6);
  });

  it('a re-read that merged a doubled letter backs the read that kept it', async () => {
    // Measured on a soft photo: the line read MITCHELL, PP-OCR's re-reads MITCHELI and MITCHEL.
    const fields = { full_name: field('RYAN MITCHELL MACDONALD', 0.54) };
    const s = scripted(['RYAN MITCHELI MACDONALD', 'RYAN MITCHEL MACDONALD'], 0.8);
    await refineFields(raster, fields, s.recognizer, { below: 0.85 });
    expect(fields.full_name.text).toBe('RYAN MITCHELL MACDONALD');
    expect(fields.full_name.reread).toBe('agree');
  });

  it('the third read asks the other engine', async () => {
    const fields = { full_name: field('JOBE MARIA SANTOS', 0.5) };
    const s = scripted(['JOHN', 'JOSE MARIA SANTOS']);
    await refineFields(raster, fields, s.recognizer, { below: 0.85 });
    expect(s.asked[0]?.engine).toBeUndefined();
    expect(s.asked[1]?.engine).toBe('second');
  });

  it('two reads of the same garble are no agreement: the third read is asked too', async () => {
    const fields = { passport_expiry: field('0-09-2025', 0.5) };
    const s = scripted(['0-09-2025', '20-09-2025']);
    await refineFields(raster, fields, s.recognizer, { below: 0.85 });
    expect(s.asked).toHaveLength(2);
    expect(fields.passport_expiry.text).toBe('20-09-2025');
    expect(fields.passport_expiry.reread).toBe('replaced');
  });

  it('an issue date that reads as no date has its whole line read again; a valid one is not', async () => {
    const garbled = { issued_date: field('Yogyakarta, 0-09-2025', 0.94) };
    const s = scripted(['Yogyakarta, 20-09-2025', 'Yogyakarta, 20-09-2025']);
    await refineFields(raster, garbled, s.recognizer, { below: 0.85 });
    // The whole line, letters and all: no date-only charset.
    expect(s.asked[0]?.charset).toBeUndefined();
    expect(garbled.issued_date.text).toBe('Yogyakarta, 20-09-2025');
    expect(garbled.issued_date.reread).toBe('agree');
    const unsure = { issued_date: field('Yogyakarta, 20-09-2025', 0.5) };
    const t = scripted(['Yogyakarta, 26-09-2025']);
    await refineFields(raster, unsure, t.recognizer, { below: 0.85 });
    expect(t.asked).toHaveLength(0);
    expect(unsure.issued_date.text).toBe('Yogyakarta, 20-09-2025');
  });

  describe('identifiers with a look-alike glyph (O/Q/D/0) are confirmed by the other engine', () => {
    const twoEngines = (texts: string[]) => {
      const s = scripted(texts);
      return { ...s, recognizer: { ...s.recognizer, engineCount: 2 } };
    };

    it('the other engine reads Q where the first read O: the field becomes unsure', async () => {
      const fields = { permit_number: field('2C19HO6628YN', 0.95) };
      const s = twoEngines(['2C19HQ6628YN']);
      await refineFields(raster, fields, s.recognizer, { below: 0.85 });
      expect(s.asked.map((o) => o?.engine)).toEqual(['second']);
      expect(fields.permit_number.confidence).toBeLessThanOrEqual(0.6);
      expect(fields.permit_number.reread).toBe('disagree');
      expect(fields.permit_number.text).toBe('2C19HO6628YN');
    });

    it('the same value from the other engine leaves the field as it was', async () => {
      const fields = { niora: field('5HVFD46446', 0.95) };
      await refineFields(raster, fields, twoEngines(['5HVFD46446']).recognizer, { below: 0.85 });
      expect(fields.niora.confidence).toBe(0.95);
      expect(fields.niora.reread).toBeUndefined();
    });

    it('a garbled read of another length is no evidence either way', async () => {
      const fields = { niora: field('5HVFD46446', 0.95) };
      await refineFields(raster, fields, twoEngines(['5HVF']).recognizer, { below: 0.85 });
      expect(fields.niora.confidence).toBe(0.95);
    });

    it('no look-alike glyph, or a single engine: no extra read', async () => {
      const clean = { niora: field('5HVFA46446', 0.95) };
      const s = twoEngines(['5HVFA46446']);
      await refineFields(raster, clean, s.recognizer, { below: 0.85 });
      expect(s.asked).toHaveLength(0);
      const one = scripted(['2C19HQ6628YN']);
      const fields = { permit_number: field('2C19HO6628YN', 0.95) };
      await refineFields(raster, fields, one.recognizer, { below: 0.85 });
      expect(one.asked).toHaveLength(0);
      expect(fields.permit_number.confidence).toBe(0.95);
    });
  });
});

describe('where tesseract leads, a date it is unsure of is read by the other engine', () => {
  const twoEngines = (texts: string[], confidence: number) => {
    const s = scripted(texts, confidence);
    return { ...s, recognizer: { ...s.recognizer, engineCount: 2 } };
  };

  it('another valid date, even an unsure read, makes the field unsure (measured on a photo: 14-03 for 14-05)', async () => {
    const fields = { issued_date: field('Yogyakarta, 14-03-2025', 0.62) };
    const s = twoEngines(['Yogyakarta, 14-05-2025'], 0.54);
    await refineFields(raster, fields, s.recognizer, { below: 0.85 });
    expect(s.asked.map((o) => o?.engine)).toEqual(['second']);
    expect(fields.issued_date.reread).toBe('disagree');
    expect(fields.issued_date.confidence).toBeLessThanOrEqual(0.6);
    expect(fields.issued_date.text).toBe('Yogyakarta, 14-03-2025');
  });

  it('the same date, a read that is no date, or a sure first read: the field stays as it was', async () => {
    const same = { passport_expiry: field('14-05-2029', 0.95) };
    await refineFields(raster, same, twoEngines(['14/05/2029'], 0.9).recognizer, { below: 0.85 });
    expect(same.passport_expiry.confidence).toBe(0.95);
    const unsure = { issued_date: field('Yogyakarta, 14-05-2025', 0.8) };
    const agreeing = twoEngines(['Yogyakarta, 14/05/2025'], 0.9);
    await refineFields(raster, unsure, agreeing.recognizer, { below: 0.85 });
    expect(agreeing.asked.map((o) => o?.engine)).toEqual(['second']);
    expect(unsure.issued_date.reread).toBeUndefined();
    const garbled = { issued_date: field('Yogyakarta, 14-05-2025', 0.8) };
    await refineFields(raster, garbled, twoEngines(['Yogyak'], 0.9).recognizer, { below: 0.85 });
    expect(garbled.issued_date.reread).toBeUndefined();
    const sure = { issued_date: field('Yogyakarta, 14-05-2025', 0.93) };
    const notAsked = twoEngines(['Yogyakarta, 14-03-2025'], 0.9);
    await refineFields(raster, sure, notAsked.recognizer, { below: 0.85 });
    expect(notAsked.asked).toHaveLength(0);
  });
});

describe('on soft print (the second engine leads) every field gets the main engine once', () => {
  const ledBySecond = (texts: string[], confidence = 0.95) => {
    const s = scripted(texts, confidence);
    return { ...s, recognizer: { ...s.recognizer, engineCount: 2, lead: 'second' as const } };
  };

  it('a confident read of another value makes the field unsure; the value is kept', async () => {
    const fields = { full_name: field('RYAN MITCHELI MACDONALD', 0.97) };
    const s = ledBySecond(['RYAN MITCHELL MACDONALD']);
    await refineFields(raster, fields, s.recognizer, { below: 0.85 });
    expect(s.asked).toHaveLength(1);
    expect(s.asked[0]?.engine).toBe('first');
    expect(fields.full_name.text).toBe('RYAN MITCHELI MACDONALD');
    expect(fields.full_name.reread).toBe('disagree');
    expect(fields.full_name.confidence).toBeLessThanOrEqual(0.6);
  });

  it('the same value, or an unsure read of another, leaves the field as it was', async () => {
    const same = { place_of_birth: field('BILBAO', 0.97) };
    await refineFields(raster, same, ledBySecond(['BILBAO']).recognizer, { below: 0.85 });
    expect(same.place_of_birth.confidence).toBe(0.97);
    expect(same.place_of_birth.reread).toBeUndefined();
    const unsure = { place_of_birth: field('BILBAO', 0.97) };
    await refineFields(raster, unsure, ledBySecond(['BLEAD'], 0.5).recognizer, { below: 0.85 });
    expect(unsure.place_of_birth.confidence).toBe(0.97);
  });

  it('an unsure read one glyph apart puts the field in doubt (measured on a photo: 10 JUN read as 1 JUN)', async () => {
    const date = { stay_entries_permit_expiry: field('1 JUN 2022', 0.99) };
    await refineFields(raster, date, ledBySecond(['10 JUN 2022'], 0.05).recognizer, { below: 0.85 });
    expect(date.stay_entries_permit_expiry.text).toBe('1 JUN 2022');
    expect(date.stay_entries_permit_expiry.confidence).toBe(0.6);
    const name = { place_of_birth: field('BILBAO', 0.97) };
    await refineFields(raster, name, ledBySecond(['BLBAO'], 0.5).recognizer, { below: 0.85 });
    expect(name.place_of_birth.confidence).toBe(0.6);
  });

  it('a NIORA one glyph longer or shorter from the other engine is its garbled read, no doubt', async () => {
    const niora = { niora: field('2UVSC01650', 0.97) };
    await refineFields(raster, niora, ledBySecond(['2UVSC0165'], 0.5).recognizer, { below: 0.85 });
    expect(niora.niora.confidence).toBe(0.97);
  });

  it('dropsOneGlyph counts letters and digits, not spaces or marks', () => {
    expect(dropsOneGlyph('10 JUN 2022', '1 JUN 2022')).toBe(true);
    expect(dropsOneGlyph('MITCHELL', 'MITCHEL')).toBe(true);
    expect(dropsOneGlyph('NO. 3', 'NO 3')).toBe(false);
    expect(dropsOneGlyph('JOHN DOE', 'JOHNDOE')).toBe(false);
    expect(dropsOneGlyph('ABC', 'XY')).toBe(false);
  });

  it('a read that fails the field format is no evidence either way', async () => {
    const fields = { date_of_birth: field('22-08-1965', 0.97) };
    await refineFields(raster, fields, ledBySecond(['22-08-19G5X']).recognizer, { below: 0.85 });
    expect(fields.date_of_birth.confidence).toBe(0.97);
  });

  it('a value wrapped over two lines is read line by line and joined (measured on a photo)', async () => {
    const wrapped: FieldReading = {
      ...field('CHRISTINE JULIA MUELLER', 0.97),
      rects: [{ x: 20, y: 10, width: 300, height: 70 }],
      lineRects: [
        { x: 20, y: 10, width: 300, height: 30 },
        { x: 20, y: 50, width: 200, height: 30 },
      ],
    };
    const fields = { full_name: wrapped };
    const s = ledBySecond(['CHRISTINE JULIA', 'MUELLER']);
    await refineFields(raster, fields, s.recognizer, { below: 0.85 });
    expect(s.asked).toHaveLength(2);
    // Both lines agree with the value: no disagreement (reading the two-line box as one line had
    // made it one, and a right name fell to 0.16).
    expect(fields.full_name.reread).toBeUndefined();
    expect(fields.full_name.confidence).toBe(0.97);
  });

  it('a wrapped value is unsure when its lines, joined, read as another value', async () => {
    const fields = {
      full_name: {
        ...field('CHRISTINE JULIA MUFLLER', 0.97),
        lineRects: [
          { x: 20, y: 10, width: 300, height: 30 },
          { x: 20, y: 50, width: 200, height: 30 },
        ],
      },
    };
    await refineFields(raster, fields, ledBySecond(['CHRISTINE JULIA', 'MUELLER']).recognizer, {
      below: 0.85,
    });
    expect(fields.full_name.reread).toBe('disagree');
  });

  it("the main engine's read wins where it only restores a doubled letter PP-OCR merged", async () => {
    const fields = { place_of_birth: field('WINIPEG', 0.97) };
    await refineFields(raster, fields, ledBySecond(['WINNIPEG'], 0.8).recognizer, { below: 0.85 });
    expect(fields.place_of_birth.text).toBe('WINNIPEG');
    expect(fields.place_of_birth.reread).toBe('replaced');
    expect(fields.place_of_birth.confidence).toBeLessThan(0.9);
  });

  it('a doubled letter dropped is not one restored', async () => {
    const fields = { place_of_birth: field('WINNIPEG', 0.97) };
    await refineFields(raster, fields, ledBySecond(['WINIPEG']).recognizer, { below: 0.85 });
    expect(fields.place_of_birth.text).toBe('WINNIPEG');
    expect(fields.place_of_birth.reread).toBe('disagree');
  });

  it('no cross-check where the main engine leads', async () => {
    const s = scripted(['RYAN MITCHELL MACDONALD']);
    const fields = { full_name: field('RYAN MITCHELI MACDONALD', 0.97) };
    await refineFields(raster, fields, { ...s.recognizer, engineCount: 2 }, { below: 0.85 });
    expect(s.asked).toHaveLength(0);
    expect(fields.full_name.confidence).toBe(0.97);
  });
});

describe('a photographed identifier or date is read at three framings', () => {
  /** PP-OCR as measured on soft print: sure of the crop framed as the first read, not of a larger one. */
  function byFraming(largerLook: number) {
    const asked: (RecognizeOptions | undefined)[] = [];
    const recognizer: TextRecognizer = {
      name: 'by-framing',
      engineCount: 2,
      lead: 'second',
      recognize: (r, opts) => {
        asked.push(opts);
        // The larger framing (56 px lines) gives the tallest crop.
        const confidence = r.height > 60 ? largerLook : 0.97;
        const text = opts?.engine === 'first' ? '' : '1MMRP64834';
        return Promise.resolve({
          text,
          confidence,
          words: text ? [{ text, confidence, bbox: { x: 0, y: 0, width: 100, height: 30 } }] : [],
        });
      },
    };
    return { recognizer, asked };
  }
  const read = async (largerLook: number, tooSmall: boolean, framings = true) => {
    const fields = { niora: field('1MMRP64834', 0.97), full_name: field('HARUKA TANAKA', 0.97) };
    const s = byFraming(largerLook);
    await refineFields(raster, fields, s.recognizer, {
      below: 0.85,
      ...(framings ? { framings: { tooSmall } } : {}),
    });
    return { fields, asked: s.asked };
  };

  it('the least sure look under the bar puts the value in doubt (measured on a webcam frame: 6 for 8)', async () => {
    const { fields } = await read(0.35, false);
    expect(fields.niora.text).toBe('1MMRP64834');
    expect(fields.niora.confidence).toBeLessThanOrEqual(0.6);
    expect(fields.niora.reread).toBe('disagree');
    // Names are not framing-checked (a dictionary and the other engine check them).
    expect(fields.full_name.reread).toBeUndefined();
  });

  it('a frame the check asks to come closer to must be read surely at every framing', async () => {
    expect((await read(0.6, false)).fields.niora.reread).toBeUndefined();
    expect((await read(0.6, true)).fields.niora.reread).toBe('disagree');
    expect((await read(0.9, true)).fields.niora.reread).toBeUndefined();
  });

  it('asks PP-OCR for each look, once as framed, and nothing where the document was not photographed', async () => {
    const { asked } = await read(0.9, false);
    // (No O, Q, D or 0 in this NIORA: the look-alike check asks nothing.)
    const looks = asked.filter((o) => o?.engine === 'second');
    expect(looks).toHaveLength(3);
    expect(looks.every((o) => o?.once)).toBe(true);
    expect((await read(0.35, false, false)).fields.niora.reread).toBeUndefined();
  });
});
