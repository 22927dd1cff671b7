import { describe, expect, it } from 'vitest';
import type { Raster, Recognition, RecognizeOptions, TextRecognizer } from '../ports';
import {
  DEFAULT_FALLBACK,
  createFallbackRecognizer,
  ledBySecondEngine,
  withBlocksBy,
  type SourcedRecognition,
} from './fallback-recognizer';

/** A recognizer that always returns the same reading and records what it was asked. */
function fake(name: string, text: string, confidence: number) {
  const calls: { raster: Raster; opts: RecognizeOptions | undefined }[] = [];
  const recognizer: TextRecognizer = {
    name,
    recognize: (raster, opts) => {
      calls.push({ raster, opts });
      const reading: Recognition = {
        text,
        confidence,
        words: text ? [{ text, confidence, bbox: { x: 0, y: 0, width: 10, height: 10 } }] : [],
      };
      return Promise.resolve(reading);
    },
  };
  return { recognizer, calls };
}

const raster: Raster = { width: 4, height: 2, data: new Uint8ClampedArray(4 * 2 * 4) };
const options = { unsureBelow: 0.75, secondaryAtLeast: 0.5 };

describe('createFallbackRecognizer', () => {
  it('names itself after both engines', () => {
    const r = createFallbackRecognizer(fake('tess', '', 0).recognizer, fake('ppocr', '', 0).recognizer);
    expect(r.name).toBe('tess+ppocr');
  });

  it('does not call the secondary when the primary is confident', async () => {
    const primary = fake('p', 'JOHN DOE', 0.9);
    const secondary = fake('s', 'JOHN D0E', 0.99);
    const r = (await createFallbackRecognizer(primary.recognizer, secondary.recognizer, options).recognize(
      raster,
      { mode: 'line' },
    )) as SourcedRecognition;
    expect(r.text).toBe('JOHN DOE');
    expect(r.engine).toBe('primary');
    expect(secondary.calls).toHaveLength(0);
    expect(primary.calls[0]!.opts).toEqual({ mode: 'line' });
  });

  it('a primary exactly at unsureBelow counts as confident', async () => {
    const secondary = fake('s', 'X', 0.99);
    const r = await createFallbackRecognizer(
      fake('p', 'A', 0.75).recognizer,
      secondary.recognizer,
      options,
    ).recognize(raster);
    expect(r.text).toBe('A');
    expect(secondary.calls).toHaveLength(0);
  });

  it('asks the secondary when unsure and uses its reading when confident enough', async () => {
    const primary = fake('p', 'J0HN D0E', 0.4);
    const secondary = fake('s', 'JOHN DOE', 0.6);
    const opts: RecognizeOptions = { mode: 'line', charset: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ' };
    const r = (await createFallbackRecognizer(primary.recognizer, secondary.recognizer, options).recognize(
      raster,
      opts,
    )) as SourcedRecognition;
    expect(r.text).toBe('JOHN DOE');
    expect(r.confidence).toBe(0.6);
    expect(r.words[0]!.text).toBe('JOHN DOE');
    expect(r.engine).toBe('secondary');
    // The secondary reads the same crop with the same options.
    expect(secondary.calls).toHaveLength(1);
    expect(secondary.calls[0]!.raster).toBe(raster);
    expect(secondary.calls[0]!.opts).toEqual(opts);
  });

  it('accepts a secondary exactly at secondaryAtLeast', async () => {
    const r = await createFallbackRecognizer(
      fake('p', 'a', 0.1).recognizer,
      fake('s', 'b', 0.5).recognizer,
      options,
    ).recognize(raster);
    expect(r.text).toBe('b');
  });

  it('keeps the primary when the secondary reads nothing', async () => {
    for (const text of ['', '   ']) {
      const secondary = fake('s', text, 0.95);
      const r = (await createFallbackRecognizer(
        fake('p', 'J0HN', 0.3).recognizer,
        secondary.recognizer,
        options,
      ).recognize(raster)) as SourcedRecognition;
      expect(secondary.calls).toHaveLength(1);
      expect(r.text).toBe('J0HN');
      expect(r.confidence).toBe(0.3);
      expect(r.engine).toBe('primary');
    }
  });

  it('keeps the primary when the secondary is below secondaryAtLeast', async () => {
    const secondary = fake('s', 'JOHN', 0.49);
    const r = (await createFallbackRecognizer(
      fake('p', 'J0HN', 0.3).recognizer,
      secondary.recognizer,
      options,
    ).recognize(raster)) as SourcedRecognition;
    expect(secondary.calls).toHaveLength(1);
    expect(r.text).toBe('J0HN');
    expect(r.engine).toBe('primary');
  });

  it('never sends a block read to the secondary', async () => {
    const secondary = fake('s', 'LINE', 0.99);
    const r = (await createFallbackRecognizer(
      fake('p', 'A\nB', 0.1).recognizer,
      secondary.recognizer,
      options,
    ).recognize(raster, { mode: 'block' })) as SourcedRecognition;
    expect(r.text).toBe('A\nB');
    expect(r.engine).toBe('primary');
    expect(secondary.calls).toHaveLength(0);
  });

  it('uses the default thresholds when none are given', async () => {
    expect(DEFAULT_FALLBACK).toEqual({ unsureBelow: 0.75, secondaryAtLeast: 0.5 });
    const secondary = fake('s', 'B', 0.55);
    const r = await createFallbackRecognizer(fake('p', 'A', 0.7).recognizer, secondary.recognizer).recognize(
      raster,
    );
    expect(r.text).toBe('B');
  });
});

describe('withBlocksBy', () => {
  it('routes block reads to the block recognizer and everything else to the line one', async () => {
    const lines = fake('lines', 'LINE', 0.9);
    const blocks = fake('blocks', 'BLOCK', 0.8);
    const r = withBlocksBy(lines.recognizer, blocks.recognizer);
    expect(r.name).toBe('lines');
    expect((await r.recognize(raster, { mode: 'block' })).text).toBe('BLOCK');
    expect(blocks.calls[0]!.opts).toEqual({ mode: 'block' });
    expect((await r.recognize(raster, { mode: 'line' })).text).toBe('LINE');
    expect((await r.recognize(raster, { mode: 'word' })).text).toBe('LINE');
    expect((await r.recognize(raster)).text).toBe('LINE');
    expect(lines.calls).toHaveLength(3);
    expect(blocks.calls).toHaveLength(1);
  });
});

describe('second reads that lost characters', () => {
  it('keeps the first read when the second dropped a quarter of its characters or more', async () => {
    const primary = fake('p', 'Morowali, 30-04-2022', 0.42);
    const secondary = fake('s', 'Morowal042', 0.51);
    const r = (await createFallbackRecognizer(primary.recognizer, secondary.recognizer, options).recognize(
      raster,
    )) as SourcedRecognition;
    expect(r.text).toBe('Morowali, 30-04-2022');
    expect(r.engine).toBe('primary');
  });

  it('takes a second read of about the same length, and one that replaces a garbled first read', async () => {
    const same = await createFallbackRecognizer(
      fake('p', 'JOBE MARIA SANTOS', 0.58).recognizer,
      fake('s', 'JOSE MARIA SANTOS', 0.83).recognizer,
      options,
    ).recognize(raster);
    expect(same.text).toBe('JOSE MARIA SANTOS');
    const garbled = await createFallbackRecognizer(
      fake('p', '¢ ™ }{ ~~ ¢¢ ™™', 0.1).recognizer,
      fake('s', 'MALE', 0.9).recognizer,
      options,
    ).recognize(raster);
    expect(garbled.text).toBe('MALE');
  });

  it("engine 'first' and 'second' ask one engine alone", async () => {
    const primary = fake('p', 'A', 0.1);
    const secondary = fake('s', 'B', 0.9);
    const r = createFallbackRecognizer(primary.recognizer, secondary.recognizer, options);
    expect((await r.recognize(raster, { engine: 'first' })).text).toBe('A');
    expect(secondary.calls).toHaveLength(0);
    expect((await r.recognize(raster, { engine: 'second' })).text).toBe('B');
    expect(primary.calls).toHaveLength(1);
  });
});

describe("lead 'second' (soft print: the other engine reads every line first)", () => {
  it('keeps a confident read of the leading engine without asking the main one', async () => {
    const primary = fake('p', 'BEUING', 0.99);
    const secondary = fake('s', 'BEIJING', 0.95);
    const r = (await createFallbackRecognizer(primary.recognizer, secondary.recognizer, options).recognize(
      raster,
      { mode: 'line', lead: 'second' },
    )) as SourcedRecognition;
    expect(r.text).toBe('BEIJING');
    expect(r.engine).toBe('secondary');
    expect(primary.calls).toHaveLength(0);
  });

  it('asks the main engine when the leading one is unsure and takes it only when it is surer', async () => {
    const surer = (await createFallbackRecognizer(
      fake('p', 'WINNIPEG', 0.89).recognizer,
      fake('s', 'WINIPEG', 0.6).recognizer,
      options,
    ).recognize(raster, { lead: 'second' })) as SourcedRecognition;
    expect(surer.text).toBe('WINNIPEG');
    expect(surer.engine).toBe('primary');
    const lessSure = await createFallbackRecognizer(
      fake('p', 'WINN1PEG', 0.4).recognizer,
      fake('s', 'WINNIPEG', 0.6).recognizer,
      options,
    ).recognize(raster, { lead: 'second' });
    expect(lessSure.text).toBe('WINNIPEG');
  });

  it('does not take a surer main read that lost most of the characters', async () => {
    const r = await createFallbackRecognizer(
      fake('p', '042', 0.9).recognizer,
      fake('s', '30-04-2022', 0.6).recognizer,
      options,
    ).recognize(raster, { lead: 'second' });
    expect(r.text).toBe('30-04-2022');
  });

  it('leaves block reads and explicit engine requests to their engine', async () => {
    const primary = fake('p', 'A', 0.1);
    const secondary = fake('s', 'B', 0.9);
    const r = createFallbackRecognizer(primary.recognizer, secondary.recognizer, options);
    expect((await r.recognize(raster, { mode: 'block', lead: 'second' })).text).toBe('A');
    expect((await r.recognize(raster, { engine: 'first', lead: 'second' })).text).toBe('A');
    expect(secondary.calls).toHaveLength(0);
  });
});

describe('ledBySecondEngine', () => {
  it('asks every unset read to be led by the second engine, keeping the name and engine count', async () => {
    const primary = fake('p', 'A', 0.99);
    const secondary = fake('s', 'B', 0.99);
    const led = ledBySecondEngine(
      createFallbackRecognizer(primary.recognizer, secondary.recognizer, options),
    );
    expect(led.name).toBe('p+s');
    expect(led.engineCount).toBe(2);
    expect((await led.recognize(raster, { mode: 'line' })).text).toBe('B');
    expect(secondary.calls[0]!.opts).toEqual({ mode: 'line', lead: 'second' });
    expect((await led.recognize(raster, { engine: 'first' })).text).toBe('A');
  });

  it('returns a one-engine recognizer unchanged', () => {
    const one = fake('p', 'A', 0.9).recognizer;
    expect(ledBySecondEngine(one)).toBe(one);
  });
});
