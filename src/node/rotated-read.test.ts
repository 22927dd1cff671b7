// A photo turned by 90 or 180 degrees reads like the upright one: the same key fields, and the
// polygons land on the turned image where the upright polygons land after the same turn.
// Real Node engines (onnxruntime-node detector, tesseract.js) on the committed card fixture.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode as decodePng, encode as encodePng } from 'fast-png';
import { createNodeEngines, repoRoot, type NodeEngines } from '../engine/node/engines';
import { readDocument } from '../core/read-document';
import { rotateQuarter } from '../core/image/raster';
import type { Raster } from '../core/ports';
import type { KitasResult, Point, Polygon, TextFieldName } from '../core/schema';

const KEY_FIELDS: TextFieldName[] = [
  'permit_number',
  'niora',
  'full_name',
  'date_of_birth',
  'passport_number',
  'nationality',
];
const TODAY = new Date('2026-01-15T00:00:00Z');

let engines: NodeEngines;
let card: Raster;
let truth: KitasResult;
let upright: KitasResult;

function loadPng(file: string): Raster {
  const png = decodePng(readFileSync(file));
  // Palette PNGs come back as indexed colour; expand to RGBA.
  const rgba = new Uint8ClampedArray(png.width * png.height * 4);
  if (png.palette) {
    const idx = png.data;
    for (let i = 0; i < png.width * png.height; i++) {
      const c = png.palette[idx[i]!]!;
      rgba[i * 4] = c[0]!;
      rgba[i * 4 + 1] = c[1]!;
      rgba[i * 4 + 2] = c[2]!;
      rgba[i * 4 + 3] = c[3] ?? 255;
    }
  } else {
    const ch = png.channels;
    for (let i = 0; i < png.width * png.height; i++) {
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = png.data[i * ch + (ch >= 3 ? c : 0)]!;
      rgba[i * 4 + 3] = ch === 4 || ch === 2 ? png.data[i * ch + ch - 1]! : 255;
    }
  }
  return { width: png.width, height: png.height, data: rgba };
}

function toPng(r: Raster): Uint8Array {
  return encodePng({ width: r.width, height: r.height, data: r.data, channels: 4, depth: 8 });
}

/** Where a point of the upright image lands after `rotateQuarter(raster, k)` (continuous px). */
function turnPoint([x, y]: Point, k: number, w: number, h: number): Point {
  switch (k) {
    case 1:
      return [h - y, x];
    case 2:
      return [w - x, h - y];
    case 3:
      return [y, w - x];
    default:
      return [x, y];
  }
}

function boxOf(p: Polygon) {
  const xs = p.map((q) => q[0]);
  const ys = p.map((q) => q[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function iou(a: Polygon, b: Polygon): number {
  const A = boxOf(a);
  const B = boxOf(b);
  const iw = Math.max(0, Math.min(A.x1, B.x1) - Math.max(A.x0, B.x0));
  const ih = Math.max(0, Math.min(A.y1, B.y1) - Math.max(A.y0, B.y0));
  const inter = iw * ih;
  const area = (r: typeof A) => (r.x1 - r.x0) * (r.y1 - r.y0);
  return inter / (area(A) + area(B) - inter);
}

beforeAll(async () => {
  engines = await createNodeEngines({ recognizerWorkers: 2, threads: 2 });
  card = loadPng(path.join(repoRoot, 'e2e/fixtures/card.png'));
  truth = (
    JSON.parse(readFileSync(path.join(repoRoot, 'e2e/fixtures/card.truth.json'), 'utf8')) as {
      expected: KitasResult;
    }
  ).expected;
  upright = await readDocument(toPng(card), engines, { today: TODAY });
});

afterAll(async () => {
  await engines?.close();
});

describe('a photo turned by quarter turns reads like the upright one', () => {
  it('reads the upright card (the baseline the turned reads are compared with)', () => {
    expect(upright.status).toBe('SUCCESS');
    const right = KEY_FIELDS.filter((f) => upright.read[f].value === truth.read[f].value);
    expect(right.length).toBeGreaterThanOrEqual(5);
  });

  it.each([1, 2, 3])('turned %i quarter turn(s) clockwise', async (k) => {
    const turned = rotateQuarter(card, k);
    const result = await readDocument(toPng(turned), engines, { today: TODAY });
    expect(result.status).toBe('SUCCESS');
    expect((result.meta?.quality as { located: { rotation: number } }).located.rotation).toBe(k * 90);
    for (const f of KEY_FIELDS) {
      expect({ field: f, value: result.read[f].value }).toEqual({ field: f, value: upright.read[f].value });
    }
    // Polygons are on the turned image as uploaded, and start at the text's top-left.
    expect(result.meta?.page_sizes[0]).toEqual({ width: turned.width, height: turned.height });
    for (const f of KEY_FIELDS) {
      const want = upright.read[f].polygon.map((p) => turnPoint(p, k, card.width, card.height));
      const got = result.read[f].polygon;
      if (!want.length) continue;
      expect(got).toHaveLength(4);
      expect(iou(got, want)).toBeGreaterThan(0.6);
      const d = Math.hypot(got[0]![0] - want[0]![0], got[0]![1] - want[0]![1]);
      expect(d).toBeLessThan(12);
    }
  });
});
