// npx tsx scripts/bench/score-reads.ts --reads READS.json --set DIR [--json OUT]
// Scores reads made outside the eval (scripts/bench/webgpu-device.py on a GPU machine, where there is
// no Node) against a fixture set's truth, with the eval's own scoring, and prints the eval's report.

import { writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFlags, strFlag } from '../eval/args';
import { loadSet } from '../eval/dataset';
import { buildReport, scoreDocument, type DocScore } from '../eval/evaluate';
import { formatReport } from '../eval/format';
import type { KitasResult } from '../../src/core/schema';

interface DeviceRead {
  file: string;
  backend: string;
  result: KitasResult;
  timings: { readMs: number };
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2), { reads: 'value', set: 'value', json: 'value' });
  const readsFile = strFlag(flags, 'reads');
  const set = strFlag(flags, 'set');
  if (!readsFile || !set) throw new Error('usage: score-reads.ts --reads READS.json --set DIR [--json OUT]');
  const { reads } = JSON.parse(readFileSync(readsFile, 'utf8')) as { reads: DeviceRead[] };
  // The last read of each file: earlier ones may have paid for warm-up.
  const lastRead = new Map(reads.map((r) => [r.file, r]));
  const docs = loadSet(path.resolve(set)).filter((d) => lastRead.has(path.basename(d.file)));
  if (docs.length === 0) throw new Error(`no read in ${readsFile} matches a document of ${set}`);
  const scores: DocScore[] = [];
  const results: KitasResult[] = [];
  for (const doc of docs) {
    const read = lastRead.get(path.basename(doc.file))!;
    scores.push(scoreDocument(doc.truth, read.result, { wall_ms: Math.round(read.timings.readMs) }));
    results.push(read.result);
  }
  const backends = [...new Set(docs.map((d) => lastRead.get(path.basename(d.file))!.backend))];
  const report = buildReport(path.basename(set), scores, results);
  console.log(`${docs.length} documents read on ${backends.join(', ')} (${readsFile})`);
  console.log(formatReport(report));
  const out = strFlag(flags, 'json');
  if (out) void writeFile(out, JSON.stringify(report, null, 2) + '\n');
}

main();
