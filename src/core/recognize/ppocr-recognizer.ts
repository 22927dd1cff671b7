// PP-OCRv4 text-line recognition (SVTR-LCNet + CTC): a line crop in, text with per-character
// confidences and word boxes out. Trained on photographed scene text, it keeps reading soft, small
// and slightly tilted print that tesseract's LSTM loses on phone photos and webcam frames.
import type {
  Raster,
  Recognition,
  RecognizeOptions,
  RecognizedWord,
  TensorRunner,
  TextRecognizer,
} from '../ports';
import { resize } from '../image/raster';

/** Input height of the model. */
export const PPOCR_REC_HEIGHT = 48;
/** Longest input the model is given (about 40 characters at this height); wider lines are squeezed. */
const MAX_INPUT_WIDTH = 1600;
/** Horizontal pixels of input per output time step (the network downsamples width by 8). */
const STEP = 8;
/**
 * Space-class probability over a blank step above which the pretrained model's word gaps were read
 * (it seldom emits the space class in Latin text). The shipped, fine-tuned model emits spaces itself
 * and is decoded without this rule.
 */
export const PRETRAINED_GAP_SPACE_PROBABILITY = 0.02;

/**
 * The characters a permit prints. The model's dictionary is mostly Chinese; restricting the decoder
 * to Latin print keeps a smudged 'O' from becoming a look-alike ideograph.
 */
export const PERMIT_CHARSET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;/-()\'"&@#+*%!?_';

export interface PpocrRecognizerOptions {
  /** Dictionary lines in model order (ppocr_keys_v1.txt); class 0 is the CTC blank, the last class a space. */
  dictionary: readonly string[];
  /** Characters allowed when a call gives no charset of its own. */
  defaultCharset?: string;
  name?: string;
  /**
   * Read a word gap where the space class exceeds this probability over a blank step
   * (PRETRAINED_GAP_SPACE_PROBABILITY for the pretrained model); by default spaces come only from
   * steps whose best class is the space.
   */
  gapSpaceProbability?: number;
  /**
   * Read a line again stretched in width where its first read is unsure, and keep the surer read
   * (STRETCHED_RETRY by default; false reads each line once).
   */
  stretchedRetry?: StretchedRetry | false;
}

/**
 * Soft print's letters run together at the model's 8 input px per time step (a thin letter shares
 * a step with its neighbour and is lost). A line stretched by a quarter gives each glyph more
 * steps, and of the two reads the one with the higher mean character probability is right more
 * often than either alone. Measured on the 3,701 validation lines of `scripts/models/make-rec.sh`
 * (`rec-line-eval.ts` with and without `--once`, documents never trained on), re-reading lines
 * under 0.97 (about a fifth of photo lines): phone photos 82.3% -> 83.7% exact (CER 2.47% ->
 * 2.09%), scans 93.3% -> 94.4%, straight renders 93.4% -> 93.6%, webcam frames 34.2% -> 34.0%.
 * Stretching every line instead: photos 82.9%, webcam 28.2%; a retry stretched by 1.15: photos
 * 83.4%; every line by 1.5: 77.9%; squeezed by 0.8: 75.2%.
 */
export type StretchedRetry = Readonly<{ below: number; stretch: number }>;
export const STRETCHED_RETRY: StretchedRetry = { below: 0.97, stretch: 1.25 };

/**
 * A TextRecognizer over a PP-OCR rec model. Only single lines are read ('line' and 'word' modes);
 * callers that need a block layout split it into lines first.
 */
export function createPpocrRecognizer(runner: TensorRunner, options: PpocrRecognizerOptions): TextRecognizer {
  const classes = ['', ...options.dictionary, ' '];
  const maskCache = new Map<string, Int32Array>();
  const allowedIndices = (charset: string): Int32Array => {
    let mask = maskCache.get(charset);
    if (!mask) {
      const allowed = new Set(charset);
      const indices: number[] = [0];
      classes.forEach((c, i) => {
        if (i > 0 && allowed.has(c)) indices.push(i);
      });
      mask = Int32Array.from(indices);
      maskCache.set(charset, mask);
    }
    return mask;
  };
  const defaultCharset = options.defaultCharset ?? PERMIT_CHARSET;
  const retry = options.stretchedRetry ?? STRETCHED_RETRY;

  return {
    name: options.name ?? 'ppocr-v4-rec',
    async recognize(raster: Raster, opts: RecognizeOptions = {}): Promise<Recognition> {
      if (raster.width < 2 || raster.height < 2) return { text: '', confidence: 0, words: [] };
      const charset = opts.charset ? `${opts.charset} ` : defaultCharset;
      const read = async (stretch: number): Promise<Recognition> => {
        const { tensor, width, scale } = toInputTensor(raster, stretch);
        const out = await runner.run(tensor, [1, 3, PPOCR_REC_HEIGHT, width]);
        const steps = out.dims[1] ?? 0;
        const numClasses = out.dims[2] ?? classes.length;
        const pxPerStep = width / Math.max(1, steps) / scale;
        return decodeCtc(
          out.data,
          steps,
          numClasses,
          classes,
          allowedIndices(charset),
          pxPerStep,
          raster.height,
          options.gapSpaceProbability,
        );
      };
      const first = await read(1);
      if (!retry || opts.once || first.confidence >= retry.below) return first;
      const stretched = await read(retry.stretch);
      return stretched.confidence > first.confidence ? noSurerThan(first, stretched) : first;
    },
  };
}

/**
 * `better`'s text, no surer anywhere than `first` was: the surer of two reads by the same model
 * is right more often, but its score is the larger of two draws, and a wrong glyph read alike
 * twice is no more likely right (keeping the stretched read's own scores, the wrong reads at >= 0.9
 * over fourteen held-out photo sets went from 24 to 31). Each word keeps at most the score
 * of the first read's words over the same pixels, or the first read's line score where none is.
 */
function noSurerThan(first: Recognition, better: Recognition): Recognition {
  const words = better.words.map((w) => {
    const under = first.words.filter(
      (f) => f.bbox.x < w.bbox.x + w.bbox.width && w.bbox.x < f.bbox.x + f.bbox.width,
    );
    const cap = under.length ? Math.max(...under.map((f) => f.confidence)) : first.confidence;
    return { ...w, confidence: Math.min(w.confidence, cap) };
  });
  return { text: better.text, confidence: Math.min(better.confidence, first.confidence), words };
}

/** The dictionary file's lines (one class each, in order); a trailing newline adds no class. */
export function parseDictionary(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Scales the crop to the model's height (keeping its aspect, then widening it by `stretch`), BGR,
 * normalised to [-1, 1]. `scale` is the horizontal one, input pixels per crop pixel.
 */
export function toInputTensor(
  raster: Raster,
  stretch = 1,
): { tensor: Float32Array; width: number; scale: number } {
  let scale = PPOCR_REC_HEIGHT / raster.height;
  let w = Math.max(STEP, Math.round(raster.width * scale * stretch));
  if (w > MAX_INPUT_WIDTH) w = MAX_INPUT_WIDTH;
  const scaled = resize(raster, w, PPOCR_REC_HEIGHT);
  scale = w / raster.width;
  const width = Math.ceil(w / STEP) * STEP;
  const plane = PPOCR_REC_HEIGHT * width;
  // Padding is 0 after normalisation (mid grey), as PaddleOCR pads a batch.
  const tensor = new Float32Array(3 * plane);
  const d = scaled.data;
  for (let y = 0; y < PPOCR_REC_HEIGHT; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const p = y * width + x;
      tensor[p] = d[i + 2]! / 127.5 - 1;
      tensor[plane + p] = d[i + 1]! / 127.5 - 1;
      tensor[2 * plane + p] = d[i]! / 127.5 - 1;
    }
  }
  return { tensor, width, scale };
}

/**
 * How much a character's probability at a blank step inside a word counts against the word (at 2, a
 * character at 0.05 there takes a word from 0.99 to 0.9). Measured on the validation lines of
 * `scripts/models/make-rec.sh` (documents the model never trained on): of 3,213 phone-photo words
 * read at >= 0.9, 25 wrong, it takes 7 wrong and 22 right ones under 0.9; of 974 webcam words, 23
 * wrong, 8 wrong and 23 right. Whole pipeline, eight held-out photo sets: 4 fewer wrong fields at
 * >= 0.9, 17 right ones fewer there, 3 more fields exact.
 */
export const MISSING_CHARACTER_WEIGHT = 2;

/**
 * Greedy CTC decoding over the allowed classes only. Each kept character carries the model's
 * probability for it; words are split at spaces and boxed by the time steps that emitted them.
 * `pxPerStep` converts a time step to pixels of the raster given to `recognize`.
 */
export function decodeCtc(
  probs: Float32Array,
  steps: number,
  numClasses: number,
  classes: readonly string[],
  allowed: Int32Array,
  pxPerStep: number,
  lineHeight = 0,
  gapSpaceProbability?: number,
): Recognition {
  const chars: { c: string; p: number; t: number; cls: number }[] = [];
  const spaceClass =
    classes.length - 1 < numClasses &&
    classes[classes.length - 1] === ' ' &&
    allowed.includes(classes.length - 1)
      ? classes.length - 1
      : -1;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = t * numClasses;
    let best = 0;
    let bestP = -1;
    for (let k = 0; k < allowed.length; k++) {
      const cls = allowed[k]!;
      const p = probs[row + cls]!;
      if (p > bestP) {
        bestP = p;
        best = cls;
      }
    }
    if (gapSpaceProbability !== undefined && best === 0 && spaceClass > 0 && previous !== spaceClass) {
      // The Chinese-trained model seldom emits the space class in Latin text, but gives it some
      // probability over the gap between words.
      const ps = probs[row + spaceClass]!;
      if (ps > gapSpaceProbability && chars.length && chars[chars.length - 1]!.c !== ' ') {
        chars.push({ c: ' ', p: ps, t, cls: spaceClass });
        previous = spaceClass;
        continue;
      }
    }
    if (best !== 0 && best !== previous) chars.push({ c: classes[best] ?? '', p: bestP, t, cls: best });
    previous = best;
  }
  // The likeliest character, other than the two it would sit between, at a step between them.
  const unreadBetween = (a: { t: number; cls: number }, b: { t: number; cls: number }): number => {
    let most = 0;
    for (let t = a.t + 1; t < b.t; t++) {
      const row = t * numClasses;
      for (let k = 0; k < allowed.length; k++) {
        const cls = allowed[k]!;
        if (cls === 0 || cls === spaceClass || cls === a.cls || cls === b.cls) continue;
        most = Math.max(most, probs[row + cls]!);
      }
    }
    return most;
  };
  const words: RecognizedWord[] = [];
  let current: typeof chars = [];
  const flush = () => {
    if (!current.length) return;
    const first = current[0]!;
    const last = current[current.length - 1]!;
    const x0 = Math.max(0, (first.t - 0.5) * pxPerStep);
    const x1 = (last.t + 1.5) * pxPerStep;
    // A word is as sure as its least sure character, and as sure that no character is missing
    // between two of them: a thin letter lost to blur (WIJAYA read WJAYA, Expiry read Expry) leaves
    // the blank winning a step where that letter still has some probability, while every character
    // read keeps a high one.
    let unread = 0;
    for (let i = 0; i + 1 < current.length; i++)
      unread = Math.max(unread, unreadBetween(current[i]!, current[i + 1]!));
    words.push({
      text: current.map((c) => c.c).join(''),
      confidence: Math.min(...current.map((c) => c.p), 1 - MISSING_CHARACTER_WEIGHT * unread),
      bbox: { x: x0, y: 0, width: x1 - x0, height: lineHeight },
    });
    current = [];
  };
  for (const ch of chars) {
    if (ch.c === ' ') flush();
    else {
      current.push(ch);
      // A label's colon ends its word even when the gap after it was not read as a space
      // ("Single:30-06-2029"): the value after it is a word of its own.
      if (ch.c === ':') flush();
    }
  }
  flush();
  const letters = chars.filter((c) => c.c !== ' ');
  const confidence = letters.length ? letters.reduce((s, c) => s + c.p, 0) / letters.length : 0;
  return { text: words.map((w) => w.text).join(' '), confidence, words };
}
