import { describe, expect, it } from 'vitest';
import type { Raster, TensorRunner } from '../ports';
import {
  PPOCR_REC_HEIGHT,
  PRETRAINED_GAP_SPACE_PROBABILITY,
  createPpocrRecognizer,
  decodeCtc,
  MISSING_CHARACTER_WEIGHT,
  parseDictionary,
  toInputTensor,
} from './ppocr-recognizer';

// Class 0 is the CTC blank, the last one a space; '中' stands for the dictionary's ideographs.
const CLASSES = ['', 'A', 'B', '中', '1', ' '];
const C = CLASSES.length;
const BLANK = 0;
const A = 1;
const B = 2;
const HAN = 3;
const ONE = 4;
const SPACE = 5;
/** Every class but the ideograph may be emitted. */
const LATIN = Int32Array.from([BLANK, A, B, ONE, SPACE]);

/** One time step: the listed classes get the given probabilities, the others 0. */
type Step = Record<number, number>;

function probs(steps: Step[]): Float32Array {
  const out = new Float32Array(steps.length * C);
  steps.forEach((row, t) => {
    for (const [cls, p] of Object.entries(row)) out[t * C + Number(cls)] = p;
  });
  return out;
}

/** Decodes with the pretrained model's gap rule unless `gap` is null. */
function decode(
  steps: Step[],
  allowed = LATIN,
  pxPerStep = 4,
  lineHeight = 48,
  gap: number | null = PRETRAINED_GAP_SPACE_PROBABILITY,
) {
  return decodeCtc(probs(steps), steps.length, C, CLASSES, allowed, pxPerStep, lineHeight, gap ?? undefined);
}

function solid(width: number, height: number, rgba: [number, number, number, number]): Raster {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { width, height, data };
}

describe('decodeCtc', () => {
  it('collapses a character repeated over consecutive steps', () => {
    const r = decode([{ [A]: 0.9 }, { [A]: 0.8 }]);
    expect(r.text).toBe('A');
    expect(r.words).toHaveLength(1);
  });

  it('keeps a repeated character that a blank separates', () => {
    const r = decode([{ [A]: 0.9 }, { [BLANK]: 0.9 }, { [A]: 0.8 }]);
    expect(r.text).toBe('AA');
  });

  it('never emits a class outside the allowed set; the best allowed class wins', () => {
    const r = decode([{ [HAN]: 0.7, [B]: 0.2, [BLANK]: 0.1 }]);
    expect(r.text).toBe('B');
    expect(r.confidence).toBeCloseTo(0.2, 6);
    // The same step with the ideograph allowed reads it.
    const open = decode([{ [HAN]: 0.7, [B]: 0.2, [BLANK]: 0.1 }], Int32Array.from([0, 1, 2, 3, 4, 5]));
    expect(open.text).toBe('中');
  });

  it('reads a word gap from the space probability over a blank step', () => {
    const r = decode([{ [A]: 0.9 }, { [BLANK]: 0.9, [SPACE]: 0.05 }, { [B]: 0.8 }], LATIN, 4, 30);
    expect(r.text).toBe('A B');
    expect(r.words.map((w) => w.text)).toEqual(['A', 'B']);
    const [first, second] = r.words;
    // Boxes follow the emitting time steps: from (t - 0.5) to (t + 1.5) steps, clamped at 0.
    expect(first!.bbox).toEqual({ x: 0, y: 0, width: 1.5 * 4, height: 30 });
    expect(second!.bbox).toEqual({ x: 1.5 * 4, y: 0, width: 2 * 4, height: 30 });
    expect(second!.bbox.x).toBeGreaterThanOrEqual(first!.bbox.x);
  });

  it('doubts a word where a character other than its neighbours holds a step between two of its own', () => {
    // 'A1B' read as 'AB': the blank wins the middle step, but the lost '1' keeps 0.3 of it.
    const lost = decode([{ [A]: 0.99 }, { [BLANK]: 0.7, [ONE]: 0.3 }, { [B]: 0.98 }], LATIN, 4, 48, null);
    expect(lost.text).toBe('AB');
    expect(lost.words[0]!.confidence).toBeCloseTo(1 - MISSING_CHARACTER_WEIGHT * 0.3, 6);
    // The line's own score stays the mean of the characters read.
    expect(lost.confidence).toBeCloseTo(0.985, 6);
  });

  it('does not doubt a word for its own characters lingering over a blank step, nor a word gap', () => {
    const lingering = decode(
      [{ [A]: 0.99 }, { [BLANK]: 0.55, [A]: 0.3, [B]: 0.15 }, { [B]: 0.98 }],
      LATIN,
      4,
      48,
      null,
    );
    expect(lingering.words[0]!.confidence).toBeCloseTo(0.98, 6);
    const twoWords = decode([{ [A]: 0.99 }, { [SPACE]: 0.6, [ONE]: 0.4 }, { [B]: 0.98 }], LATIN, 4, 48, null);
    expect(twoWords.words.map((w) => [w.text, w.confidence])).toEqual([
      ['A', expect.closeTo(0.99, 6)],
      ['B', expect.closeTo(0.98, 6)],
    ]);
  });

  it('scales word boxes by pixels per step', () => {
    const steps: Step[] = [
      { [A]: 0.9 },
      { [BLANK]: 0.9, [SPACE]: 0.05 },
      { [BLANK]: 1 },
      { [BLANK]: 1 },
      { [B]: 0.8 },
    ];
    const r = decode(steps, LATIN, 10);
    expect(r.words[1]!.bbox.x).toBeCloseTo(3.5 * 10, 6);
    expect(r.words[1]!.bbox.width).toBeCloseTo(2 * 10, 6);
  });

  it('reads no gap when the space probability is at or below 0.02', () => {
    expect(decode([{ [A]: 0.9 }, { [BLANK]: 0.9, [SPACE]: 0.015 }, { [B]: 0.8 }]).text).toBe('AB');
  });

  it('without the gap rule, reads a space only where the space class is the best', () => {
    const gapOnly: Step[] = [{ [A]: 0.9 }, { [BLANK]: 0.9, [SPACE]: 0.05 }, { [B]: 0.8 }];
    expect(decode(gapOnly, LATIN, 4, 48, null).text).toBe('AB');
    const r = decode([{ [A]: 0.9 }, { [SPACE]: 0.7, [BLANK]: 0.3 }, { [B]: 0.8 }], LATIN, 4, 48, null);
    expect(r.text).toBe('A B');
    expect(r.words.map((w) => w.text)).toEqual(['A', 'B']);
    // A space as the first or last emitted class opens or closes no empty word.
    expect(decode([{ [SPACE]: 0.9 }, { [A]: 0.9 }, { [SPACE]: 0.9 }], LATIN, 4, 48, null).words).toHaveLength(
      1,
    );
  });

  it('ends a word at a colon even without a space after it', () => {
    const COLON_CLASSES = ['', 'A', 'B', ':', '1', ' '];
    const steps: Step[] = [{ 1: 0.9 }, { 3: 0.9 }, { 4: 0.8 }];
    const r = decodeCtc(probs(steps), 3, C, COLON_CLASSES, Int32Array.from([0, 1, 2, 3, 4, 5]), 4, 48);
    expect(r.words.map((w) => w.text)).toEqual(['A:', '1']);
    expect(r.text).toBe('A: 1');
    expect(r.words[1]!.bbox.x).toBeGreaterThan(r.words[0]!.bbox.x);
  });

  it('reads no gap when the space class is not allowed', () => {
    const noSpace = Int32Array.from([BLANK, A, B]);
    expect(decode([{ [A]: 0.9 }, { [BLANK]: 0.9, [SPACE]: 0.3 }, { [B]: 0.8 }], noSpace).text).toBe('AB');
  });

  it('does not open the line with a gap or double one', () => {
    const r = decode([
      { [BLANK]: 0.9, [SPACE]: 0.05 },
      { [A]: 0.9 },
      { [BLANK]: 0.9, [SPACE]: 0.05 },
      { [BLANK]: 0.9, [SPACE]: 0.05 },
      { [B]: 0.8 },
    ]);
    expect(r.text).toBe('A B');
  });

  it('line confidence is the mean of the letters, word confidence the lowest letter', () => {
    const r = decode([{ [A]: 0.9 }, { [B]: 0.6 }, { [BLANK]: 0.8, [SPACE]: 0.1 }, { [ONE]: 0.7 }]);
    expect(r.text).toBe('AB 1');
    // The space's own probability does not count.
    expect(r.confidence).toBeCloseTo((0.9 + 0.6 + 0.7) / 3, 6);
    expect(r.words[0]!.confidence).toBeCloseTo(0.6, 6);
    expect(r.words[1]!.confidence).toBeCloseTo(0.7, 6);
  });

  it('an all-blank output reads as nothing', () => {
    expect(decode([{ [BLANK]: 1 }, { [BLANK]: 1 }])).toEqual({ text: '', confidence: 0, words: [] });
  });
});

describe('parseDictionary', () => {
  it('a trailing newline adds no class', () => {
    expect(parseDictionary('a\nb\n')).toEqual(['a', 'b']);
    expect(parseDictionary('a\nb')).toEqual(['a', 'b']);
  });

  it('handles CRLF line ends', () => {
    expect(parseDictionary('a\r\nb\r\nc\r\n')).toEqual(['a', 'b', 'c']);
  });

  it('keeps an empty line inside the file as a class (order matters)', () => {
    expect(parseDictionary('a\n\nb\n')).toEqual(['a', '', 'b']);
  });
});

describe('toInputTensor', () => {
  it('scales to the model height, pads the width to a multiple of 8 with zeros', () => {
    // 21x10 -> 100.8 -> 101 px wide at height 48, padded to 104.
    const { tensor, width, scale } = toInputTensor(solid(21, 10, [255, 0, 0, 255]));
    expect(width).toBe(104);
    expect(width % 8).toBe(0);
    expect(scale).toBeCloseTo(101 / 21, 6);
    expect(tensor.length).toBe(3 * PPOCR_REC_HEIGHT * width);
    const plane = PPOCR_REC_HEIGHT * width;
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < PPOCR_REC_HEIGHT; y++) {
        for (let x = 101; x < width; x++) expect(tensor[c * plane + y * width + x]).toBe(0);
      }
    }
  });

  it('orders channels BGR and normalises to [-1, 1]', () => {
    const { tensor, width } = toInputTensor(solid(16, 48, [255, 0, 0, 255]));
    const plane = PPOCR_REC_HEIGHT * width;
    for (const v of tensor) {
      expect(v).toBeGreaterThanOrEqual(-1);
      expect(v).toBeLessThanOrEqual(1);
    }
    const at = (c: number, x: number, y: number) => tensor[c * plane + y * width + x]!;
    // Pure red: blue (channel 0) and green at -1, red (channel 2) at +1.
    expect(at(0, 5, 20)).toBeCloseTo(-1, 5);
    expect(at(1, 5, 20)).toBeCloseTo(-1, 5);
    expect(at(2, 5, 20)).toBeCloseTo(1, 5);
    // Mid grey lands near 0.
    const grey = toInputTensor(solid(16, 48, [128, 128, 128, 255]));
    expect(grey.tensor[10]).toBeCloseTo(128 / 127.5 - 1, 5);
  });

  it('shrinks tall crops to the model height', () => {
    const { tensor, width, scale } = toInputTensor(solid(30, 96, [0, 0, 255, 255]));
    expect(scale).toBeCloseTo(0.5, 6);
    expect(width).toBe(16);
    expect(tensor.length).toBe(3 * 48 * 16);
    const plane = 48 * 16;
    expect(tensor[3]).toBeCloseTo(1, 5); // blue in channel 0
    expect(tensor[2 * plane + 3]).toBeCloseTo(-1, 5);
    // column 15 is padding
    expect(tensor[15]).toBe(0);
  });

  it('squeezes very long lines to the widest input', () => {
    const { width, scale } = toInputTensor(solid(4000, 48, [0, 0, 0, 255]));
    expect(width).toBe(1600);
    expect(scale).toBeCloseTo(0.4, 6);
  });
});

describe('createPpocrRecognizer', () => {
  /** A fake model: records the dims it is given and returns the crafted softmax. */
  function fakeRunner(steps: Step[]) {
    const calls: (readonly number[])[] = [];
    const runner: TensorRunner = {
      backend: 'fake',
      run: (input, dims) => {
        calls.push(dims);
        expect(input.length).toBe(dims.reduce((a, b) => a * b, 1));
        return Promise.resolve({ data: probs(steps), dims: [1, steps.length, C] });
      },
    };
    return { runner, calls };
  }
  // The dictionary without blank and space: createPpocrRecognizer adds both.
  const dictionary = ['A', 'B', '中', '1'];
  const steps: Step[] = [
    { [A]: 0.9 },
    { [SPACE]: 0.9, [BLANK]: 0.1 },
    { [HAN]: 0.6, [ONE]: 0.3, [BLANK]: 0.1 },
    { [BLANK]: 1 },
    { [B]: 0.8 },
  ];

  it('reads the model output through the default Latin charset', async () => {
    const { runner, calls } = fakeRunner(steps);
    const rec = createPpocrRecognizer(runner, { dictionary });
    expect(rec.name).toBe('ppocr-v4-rec');
    const r = await rec.recognize(solid(40, 48, [255, 255, 255, 255]));
    // The ideograph is outside the permit charset: the digit, its runner-up, is read.
    expect(r.text).toBe('A 1B');
    expect(r.words.map((w) => w.text)).toEqual(['A', '1B']);
    // Unsure (mean character probability 0.67): read again a quarter wider (50 px, padded to 56),
    // which reads no surer here, so the first read stands.
    expect(calls).toEqual([
      [1, 3, 48, 40],
      [1, 3, 48, 56],
    ]);
    // 40 px input over 5 steps, scale 1: 8 px a step.
    expect(r.words[1]!.bbox.x).toBeCloseTo(1.5 * 8, 6);
    expect(r.words[1]!.bbox.height).toBe(48);
  });

  it('reads gaps from the space probability only when asked to', async () => {
    const gapSteps: Step[] = [{ [A]: 0.9 }, { [BLANK]: 0.9, [SPACE]: 0.05 }, { [B]: 0.8 }];
    const plain = createPpocrRecognizer(fakeRunner(gapSteps).runner, { dictionary });
    expect((await plain.recognize(solid(40, 48, [255, 255, 255, 255]))).text).toBe('AB');
    const gaps = createPpocrRecognizer(fakeRunner(gapSteps).runner, {
      dictionary,
      gapSpaceProbability: PRETRAINED_GAP_SPACE_PROBABILITY,
    });
    expect((await gaps.recognize(solid(40, 48, [255, 255, 255, 255]))).text).toBe('A B');
  });

  it('a call charset restricts the output', async () => {
    const { runner } = fakeRunner(steps);
    const rec = createPpocrRecognizer(runner, { dictionary });
    const r = await rec.recognize(solid(40, 48, [255, 255, 255, 255]), { charset: 'AB' });
    // Neither the ideograph nor '1' is allowed: that step is a blank. Spaces stay allowed.
    expect(r.text).toBe('A B');
  });

  it('a default charset option applies when the call gives none', async () => {
    const { runner } = fakeRunner(steps);
    const rec = createPpocrRecognizer(runner, { dictionary, defaultCharset: 'B', name: 'x' });
    expect(rec.name).toBe('x');
    expect((await rec.recognize(solid(40, 48, [255, 255, 255, 255]))).text).toBe('B');
  });

  it('keeps the stretched re-read of an unsure line where it is surer, boxed in crop pixels', async () => {
    // The first read (40 px) is unsure; the stretched one (50 px, padded to 56) sees two letters.
    const calls: (readonly number[])[] = [];
    const runner: TensorRunner = {
      backend: 'fake',
      run: (_input, dims) => {
        calls.push(dims);
        const out: Step[] =
          dims[3] === 40
            ? [{ [A]: 0.6 }, { [BLANK]: 1 }, { [BLANK]: 1 }, { [BLANK]: 1 }, { [BLANK]: 1 }]
            : [
                { [A]: 0.99 },
                { [BLANK]: 1 },
                { [SPACE]: 0.99 },
                { [B]: 0.98 },
                { [BLANK]: 1 },
                { [BLANK]: 1 },
                { [BLANK]: 1 },
              ];
        return Promise.resolve({ data: probs(out), dims: [1, out.length, C] });
      },
    };
    const rec = createPpocrRecognizer(runner, { dictionary });
    const r = await rec.recognize(solid(40, 48, [255, 255, 255, 255]));
    expect(calls.map((d) => d[3])).toEqual([40, 56]);
    expect(r.text).toBe('A B');
    // No surer than the first read: 'A' over the first read's 'A' (0.6), 'B' where the first read
    // had no word, at its line score (0.6).
    expect(r.words[0]!.confidence).toBeCloseTo(0.6, 6);
    expect(r.words[1]!.confidence).toBeCloseTo(0.6, 6);
    expect(r.confidence).toBeCloseTo(0.6, 6);
    // 56 px over 7 steps at a horizontal scale of 50/40: 6.4 crop px a step.
    expect(r.words[1]!.bbox.x).toBeCloseTo(2.5 * 6.4, 6);
    expect(r.words[1]!.bbox.height).toBe(48);
  });

  it('reads an unsure line twice, unless sure, the retry is off or the call asks for one look', async () => {
    const white = solid(40, 48, [255, 255, 255, 255]);
    const unsure = fakeRunner(steps);
    expect((await createPpocrRecognizer(unsure.runner, { dictionary }).recognize(white)).text).toBe('A 1B');
    expect(unsure.calls).toHaveLength(2);
    const sure = fakeRunner([{ [A]: 0.99 }, { [BLANK]: 1 }, { [B]: 0.98 }]);
    expect((await createPpocrRecognizer(sure.runner, { dictionary }).recognize(white)).text).toBe('AB');
    expect(sure.calls).toHaveLength(1);
    const off = fakeRunner(steps);
    await createPpocrRecognizer(off.runner, { dictionary, stretchedRetry: false }).recognize(white);
    expect(off.calls).toHaveLength(1);
    const asked = fakeRunner(steps);
    await createPpocrRecognizer(asked.runner, { dictionary }).recognize(white, { once: true });
    expect(asked.calls).toHaveLength(1);
  });

  it('stretches the model input by the asked factor', () => {
    const { width, scale } = toInputTensor(solid(40, 48, [0, 0, 0, 255]), 1.25);
    expect(width).toBe(56);
    expect(scale).toBeCloseTo(1.25, 6);
  });

  it('passes a model-height, padded width to the runner and maps boxes back to the crop', async () => {
    const { runner, calls } = fakeRunner(steps);
    const rec = createPpocrRecognizer(runner, { dictionary });
    // 50x24 -> 100 px at height 48 -> padded to 104; 104 px / 5 steps / scale 2 = 10.4 crop px a step.
    const r = await rec.recognize(solid(50, 24, [255, 255, 255, 255]));
    expect(calls[0]).toEqual([1, 3, 48, 104]);
    expect(r.words[1]!.bbox.x).toBeCloseTo(1.5 * 10.4, 6);
    expect(r.words[1]!.bbox.height).toBe(24);
  });

  it('does not run the model on a degenerate crop', async () => {
    const { runner, calls } = fakeRunner(steps);
    const rec = createPpocrRecognizer(runner, { dictionary });
    expect(await rec.recognize(solid(1, 48, [0, 0, 0, 255]))).toEqual({ text: '', confidence: 0, words: [] });
    expect(calls).toHaveLength(0);
  });
});
