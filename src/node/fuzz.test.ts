// The fuzz corpus (scripts/fuzz/corpus.ts) through readDocument, through a listening server and
// through the CLI: each input gets its expected status and a reason, memory stays bounded, and the
// server keeps serving after every bad input.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createNodeEngines, repoRoot, type NodeEngines } from '../engine/node/engines';
import { readDocument } from '../core/read-document';
import type { KitasResult } from '../core/schema';
import { buildServer } from './server';
import { buildCorpus, pngBomb, type FuzzCase } from '../../scripts/fuzz/corpus';
import { form, UUID_RE } from '../../scripts/fuzz/helpers';

const run = promisify(execFile);
const TODAY = new Date('2026-01-15T00:00:00Z');
let engines: NodeEngines;
let cases: FuzzCase[];
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  [engines, cases] = await Promise.all([
    createNodeEngines({ threads: 2, recognizerWorkers: 2 }),
    buildCorpus(),
  ]);
  app = buildServer({ engines, today: () => TODAY, concurrency: 1, queueSize: 4, timeoutMs: 120_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${addr.port}`;
});

afterAll(async () => {
  await app?.close();
  await engines?.close();
});

function checkResult(c: FuzzCase, result: KitasResult): void {
  expect(result.status, c.name).toBe(c.expect.status);
  expect(result.reason, c.name).toMatch(c.expect.reason);
  expect(Object.keys(result.read), c.name).toHaveLength(24);
  for (const [field, value] of Object.entries(c.fields ?? {})) {
    expect(result.read[field as keyof KitasResult['read']].value, `${c.name}: ${field}`).toBe(value);
  }
}

describe('fuzz corpus', () => {
  it('covers what it promises', () => {
    const names = cases.map((c) => c.name).join('\n');
    for (const needle of [
      'zero-byte',
      'truncated PNG',
      'text file named .jpg',
      'PDF- in a comment',
      'PNG magic then a ZIP',
      '1x1 PNG',
      '20000x20000',
      'CMYK JPEG',
      '16-bit PNG',
      'EXIF-rotated',
      'encrypted PDF',
      'corrupt PDF',
      '200-page PDF',
      'SVG',
      'GIF',
      'AVIF',
      'HEIC',
    ]) {
      expect(names).toContain(needle);
    }
  });

  it('readDocument gives every case its status and reason', { timeout: 300_000 }, async () => {
    for (const c of cases) {
      const result = await readDocument(c.bytes, engines, { fileName: c.fileName, today: TODAY });
      checkResult(c, result);
    }
  });

  it(
    'the server gives every case its HTTP code, status and reason, and keeps serving',
    { timeout: 300_000 },
    async () => {
      for (const c of cases) {
        const res = await fetch(`${base}/ocr/v1/kitas-kitap`, {
          method: 'POST',
          body: form(c.bytes, c.fileName),
        });
        expect(res.headers.get('request-id'), c.name).toMatch(UUID_RE);
        expect(res.status, c.name).toBe(c.expect.http);
        checkResult(c, (await res.json()) as KitasResult);
        // Nothing left running or queued after the answer, and the server still answers.
        const health = await fetch(`${base}/health`);
        expect(health.status).toBe(200);
        expect(((await health.json()) as { queue: object }).queue).toMatchObject({ running: 0, waiting: 0 });
      }
    },
  );

  it('decompression bombs and huge declared sizes keep memory bounded', { timeout: 120_000 }, async () => {
    const bombs = cases.filter((c) => /bomb|65000/.test(c.name));
    expect(bombs.length).toBeGreaterThanOrEqual(3);
    // A bigger one too: 60000x60000 declared (3.6 gigapixels), still a few kilobytes on the wire.
    const giant = new Uint8Array(pngBomb(60000, 60000, 2));
    expect(giant.length).toBeLessThan(64 * 1024);
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    try {
      for (const c of [...bombs, { name: 'giant', bytes: giant }]) {
        const result = await readDocument(c.bytes, engines, { today: TODAY });
        expect(result.status, c.name).toBe('FAILED');
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      // Through the server as well.
      const res = await fetch(`${base}/ocr/v1/kitas-kitap`, {
        method: 'POST',
        body: form(giant, 'giant.png'),
      });
      expect(res.status).toBe(422);
    } finally {
      clearInterval(sampler);
    }
    const after = process.memoryUsage().rss;
    // Decoding 20000x20000 greyscale alone would need 400 MB, RGBA 1.6 GB.
    expect((peak - before) / 1048576).toBeLessThan(150);
    expect((after - before) / 1048576).toBeLessThan(100);
  });

  it('the CLI reads hostile files, exits 0 and prints a status', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kitas-fuzz-'));
    try {
      const pick = (needle: string) => cases.find((c) => c.name.includes(needle))!;
      const textJpg = pick('text file named .jpg');
      const textFile = path.join(dir, textJpg.fileName);
      await writeFile(textFile, textJpg.bytes);
      const single = await run(process.execPath, ['bin/kitas-ocr.mjs', 'read', textFile], { cwd: repoRoot });
      expect((JSON.parse(single.stdout) as KitasResult).status).toBe('FILE_INVALID_FORMAT');

      const several = ['zero-byte', 'encrypted PDF', '20000x20000', 'truncated PNG', '200-page PDF'].map(
        pick,
      );
      const files: string[] = [];
      for (const [i, c] of several.entries()) {
        const file = path.join(dir, `${i}-${c.fileName}`);
        await writeFile(file, c.bytes);
        files.push(file);
      }
      const out = path.join(dir, 'out');
      await run(process.execPath, ['bin/kitas-ocr.mjs', 'read', ...files, '--out', out], { cwd: repoRoot });
      for (const [i, c] of several.entries()) {
        const json = JSON.parse(
          await readFile(path.join(out, `${i}-${c.fileName.replace(/\.[^.]+$/, '')}.json`), 'utf8'),
        );
        expect(json.status, c.name).toBe(c.expect.status);
        expect(json.reason, c.name).toMatch(c.expect.reason);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
