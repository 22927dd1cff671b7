// Node timings of our pipeline (readDocument + createNodeEngines) and of the peer, on the same documents.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readDocument } from '../../src/core/read-document';
import type { KitasResult } from '../../src/core/schema';
import { createNodeEngines } from '../../src/engine/node/engines';
import type { EvalDoc } from '../eval/dataset';
import { createPeer } from './peer';
import type { Sample } from './stats';

export interface RunOutput {
  samples: Sample[];
  results: Map<string, KitasResult>;
}

export interface NodeBench {
  warm: RunOutput;
  /** Per tier: engine creation + the tier's first document, engines closed after. */
  cold: Sample[];
  engine_init_ms: number[];
  /** Peak resident set of this process (includes tesseract's worker threads and onnxruntime), MB. */
  peak_rss_mb: number;
}

const log = (m: string) => process.stderr.write(`${m}\n`);

export function firstOfEachTier(docs: EvalDoc[]): EvalDoc[] {
  const seen = new Set<string>();
  return docs.filter((d) => (seen.has(d.truth.tier) ? false : (seen.add(d.truth.tier), true)));
}

async function bytesOf(doc: EvalDoc): Promise<Uint8Array> {
  return new Uint8Array(await readFile(doc.file));
}

export async function benchNode(docs: EvalDoc[]): Promise<NodeBench> {
  const cold: Sample[] = [];
  const engineInit: number[] = [];
  for (const doc of firstOfEachTier(docs)) {
    const bytes = await bytesOf(doc);
    const t0 = performance.now();
    const engines = await createNodeEngines();
    const tInit = performance.now() - t0;
    const result = await readDocument(bytes, engines, { fileName: path.basename(doc.file) });
    const wall = performance.now() - t0;
    await engines.close();
    engineInit.push(tInit);
    cold.push({
      id: doc.id,
      tier: doc.truth.tier,
      wall_ms: wall,
      stages: { engine_init: tInit, ...(result.meta?.timings_ms ?? {}) },
    });
    log(`node cold ${doc.id}: ${wall.toFixed(0)} ms (engines ${tInit.toFixed(0)} ms)`);
  }

  const engines = await createNodeEngines();
  const samples: Sample[] = [];
  const results = new Map<string, KitasResult>();
  try {
    // One throwaway read so the first timed document does not pay for lazy start-up.
    if (docs[0])
      await readDocument(await bytesOf(docs[0]), engines, { fileName: path.basename(docs[0].file) });
    for (const doc of docs) {
      const bytes = await bytesOf(doc);
      const t0 = performance.now();
      const result = await readDocument(bytes, engines, { fileName: path.basename(doc.file) });
      const wall = performance.now() - t0;
      results.set(doc.id, result);
      samples.push({
        id: doc.id,
        tier: doc.truth.tier,
        wall_ms: wall,
        stages: { ...(result.meta?.timings_ms ?? {}) },
      });
      log(`node warm ${doc.id}: ${wall.toFixed(0)} ms`);
    }
  } finally {
    await engines.close();
  }
  return {
    warm: { samples, results },
    cold,
    engine_init_ms: engineInit,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
}

export interface PeerBench extends RunOutput {
  init_ms: number;
  name: string;
}

export async function benchPeer(docs: EvalDoc[]): Promise<PeerBench> {
  const t0 = performance.now();
  const peer = await createPeer();
  const init = performance.now() - t0;
  const samples: Sample[] = [];
  const results = new Map<string, KitasResult>();
  try {
    if (docs[0]) await peer.read(await bytesOf(docs[0]));
    for (const doc of docs) {
      const bytes = await bytesOf(doc);
      const t = performance.now();
      const { result, timings_ms } = await peer.read(bytes);
      const wall = performance.now() - t;
      results.set(doc.id, result);
      samples.push({ id: doc.id, tier: doc.truth.tier, wall_ms: wall, stages: timings_ms });
      log(`peer ${doc.id}: ${wall.toFixed(0)} ms`);
    }
  } finally {
    await peer.close();
  }
  return { samples, results, init_ms: init, name: peer.name };
}
