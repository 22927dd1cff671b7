// Two recognizers, each where it is strong: tesseract reads crisp print (renders, scans) exactly,
// PP-OCR keeps reading the soft, small print of photos and webcam frames where tesseract gives up.
// On renders and scans every line goes to the first and only lines it is unsure of go to the second as
// well; on soft print (`lead: 'second'`) the roles turn.
import type { Raster, Recognition, RecognizeOptions, TextRecognizer } from '../ports';

export interface FallbackOptions {
  /** Below this confidence of the primary read, the secondary recognizer reads the line too. */
  unsureBelow: number;
  /** The secondary read replaces the primary one only at or above this confidence of its own. */
  secondaryAtLeast: number;
}

export const DEFAULT_FALLBACK: FallbackOptions = { unsureBelow: 0.75, secondaryAtLeast: 0.5 };

/** Readings carry the engine that produced them, so confidence can be judged per engine. */
export interface SourcedRecognition extends Recognition {
  engine?: 'primary' | 'secondary';
}

export function createFallbackRecognizer(
  primary: TextRecognizer,
  secondary: TextRecognizer,
  options: FallbackOptions = DEFAULT_FALLBACK,
): TextRecognizer {
  return {
    name: `${primary.name}+${secondary.name}`,
    engineCount: 2,
    async recognize(raster: Raster, opts: RecognizeOptions = {}): Promise<SourcedRecognition> {
      if (opts.engine === 'second' && opts.mode !== 'block') {
        const only = await secondary.recognize(raster, opts);
        return { ...only, engine: 'secondary' };
      }
      if (opts.lead === 'second' && opts.mode !== 'block' && opts.engine !== 'first') {
        // Soft print: the other engine leads; the main one is asked only about the lines the
        // leading one is unsure of, and wins only by being surer (and keeping the characters).
        const led = await secondary.recognize(raster, opts);
        if (led.text.trim() && led.confidence >= options.unsureBelow) return { ...led, engine: 'secondary' };
        const other = await primary.recognize(raster, opts);
        if (other.text.trim() && other.confidence > led.confidence && !dropsCharacters(led, other))
          return { ...other, engine: 'primary' };
        return { ...led, engine: 'secondary' };
      }
      const first = await primary.recognize(raster, opts);
      if (opts.engine === 'first') return { ...first, engine: 'primary' };
      // Blocks need the primary's page segmentation; the secondary reads single lines only.
      if (opts.mode === 'block' || first.confidence >= options.unsureBelow)
        return { ...first, engine: 'primary' };
      const second = await secondary.recognize(raster, opts);
      if (
        second.text.trim() &&
        second.confidence >= options.secondaryAtLeast &&
        !dropsCharacters(first, second)
      )
        return { ...second, engine: 'secondary' };
      return { ...first, engine: 'primary' };
    },
  };
}

/** The same recognizer with the other engine leading (soft print, where that engine is stronger). */
export function ledBySecondEngine(recognizer: TextRecognizer): TextRecognizer {
  if ((recognizer.engineCount ?? 1) < 2) return recognizer;
  return {
    name: recognizer.name,
    engineCount: recognizer.engineCount,
    lead: 'second',
    // Explicit engine requests keep their meaning (measured: sending the focused re-reads to the
    // main engine instead lost fields on photos).
    recognize: (raster, opts = {}) => recognizer.recognize(raster, { lead: 'second', ...opts }),
  };
}

/** A single-line recognizer that hands block reads (several lines at once) to one that can. */
export function withBlocksBy(lines: TextRecognizer, blocks: TextRecognizer): TextRecognizer {
  return {
    name: lines.name,
    recognize: (raster, opts) => (opts?.mode === 'block' ? blocks : lines).recognize(raster, opts),
  };
}

/**
 * Both engines saw the same crop; a second read with far fewer characters than a clean-looking
 * first one lost glyphs (PP-OCR collapses blurred digit runs: "30-04-2022" -> "042").
 */
function dropsCharacters(first: Recognition, second: Recognition): boolean {
  const a = first.text.replace(/\s+/g, '');
  const b = second.text.replace(/\s+/g, '');
  if (a.length < 4) return false;
  const clean = (a.match(/[A-Za-z0-9.,/-]/g) ?? []).length / a.length;
  return clean >= 0.8 && b.length < 0.75 * a.length;
}
