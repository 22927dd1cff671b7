// On a soft photo the fine-tuned PP-OCR reads every line first; on a crisp render tesseract does.
// Real Node engines on two regression fixtures; a wrapper records what each line read asked for.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngines, repoRoot, type NodeEngines } from '../engine/node/engines';
import { readDocument } from '../core/read-document';
import type { RecognizeOptions, TextRecognizer } from '../core/ports';

const FIXTURES = path.join(repoRoot, 'scripts/eval/fixtures/regression');
const TODAY = new Date('2026-01-15T00:00:00Z');

let engines: NodeEngines;

beforeAll(async () => {
  engines = await createNodeEngines({ recognizerWorkers: 2, threads: 2 });
}, 120_000);

afterAll(async () => {
  await engines?.close();
});

/** Reads a fixture, recording the options of every line-mode read that let the recognizer choose. */
async function lineReads(file: string): Promise<{ asked: RecognizeOptions[]; status: string }> {
  const asked: RecognizeOptions[] = [];
  const recording: TextRecognizer = {
    name: engines.recognizer.name,
    engineCount: engines.recognizer.engineCount,
    recognize: (raster, opts = {}) => {
      if (opts.mode !== 'block' && !opts.engine) asked.push(opts);
      return engines.recognizer.recognize(raster, opts);
    },
  };
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
  const result = await readDocument(bytes, { ...engines, recognizer: recording }, { today: TODAY });
  return { asked, status: result.status };
}

describe('which engine leads', () => {
  it('PP-OCR leads every line read of a soft card photo', async () => {
    const { asked, status } = await lineReads('card-0031-photo.jpg');
    expect(status).toBe('SUCCESS');
    expect(asked.length).toBeGreaterThan(10);
    const led = asked.filter((o) => o.lead === 'second').length;
    // The orientation vote reads a few lines before the page is judged soft.
    expect(led).toBeGreaterThan(0.8 * asked.length);
  }, 120_000);

  it('tesseract leads on a crisp render', async () => {
    const { asked, status } = await lineReads('card-0008-digital.png');
    expect(status).toBe('SUCCESS');
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.filter((o) => o.lead === 'second')).toHaveLength(0);
  }, 120_000);
});
