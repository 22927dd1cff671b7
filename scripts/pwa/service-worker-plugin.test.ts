import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precacheable, precacheManifest } from './service-worker-plugin';

const dirs: string[] = [];
function build(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kitas-sw-'));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('service worker precache manifest', () => {
  const headers = { 'Cross-Origin-Embedder-Policy': 'require-corp' };

  it('lists every built file (nested vendor folders too) but itself, maps and the kiosk config', () => {
    const dir = build({
      'index.html': '<html>',
      'sw.js': 'old',
      'assets/a-1.js': 'a',
      'assets/a-1.js.map': '{}',
      'vendor/pdfjs/cmaps/X.bcmap': 'x',
      'kiosk-config.json': '{}',
      '.DS_Store': '',
    });
    const m = precacheManifest(dir, headers);
    expect(m.files).toEqual(['assets/a-1.js', 'index.html', 'vendor/pdfjs/cmaps/X.bcmap']);
    expect(m.headers).toEqual(headers);
    expect(precacheable('sw.js')).toBe(false);
    expect(precacheable('assets/ort-wasm-simd-threaded.asyncify-D5D0fo7z.wasm')).toBe(false);
    expect(precacheable('assets/ort-wasm-simd-threaded-DcHrbrbl.wasm')).toBe(true);
    expect(precacheable('vendor/tesseract-core/tesseract-core-lstm.wasm.js')).toBe(false);
    expect(precacheable('vendor/tesseract-core/tesseract-core-simd-lstm.wasm.js')).toBe(true);
    expect(precacheable('assets/ppocr-v4-rec-Abc123.onnx')).toBe(true);
  });

  it('changes version when any file content changes, and only then', () => {
    const a = precacheManifest(build({ 'index.html': '1', 'assets/x.wasm': 'w' }), headers).version;
    const same = precacheManifest(build({ 'index.html': '1', 'assets/x.wasm': 'w' }), headers).version;
    const changed = precacheManifest(build({ 'index.html': '1', 'assets/x.wasm': 'W' }), headers).version;
    const newHeaders = precacheManifest(build({ 'index.html': '1', 'assets/x.wasm': 'w' }), {}).version;
    expect(same).toBe(a);
    expect(changed).not.toBe(a);
    expect(newHeaders).not.toBe(a);
  });
});
