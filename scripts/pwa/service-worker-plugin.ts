// Builds the service worker: src/app/pwa/sw.ts transpiled, with the versioned precache list (every
// file of the build, vendor files included) and the headers the preview server sends prepended.
// Runs at closeBundle, after every plugin's writeBundle (the vendor files are copied by then).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';

export const SW_FILE = 'sw.js';

/** Files the service worker never precaches: itself, source maps, dot files, and what is
 * fetched network-first (the kiosk configuration, which a deployment may change at any time). */
export function precacheable(relative: string): boolean {
  const base = path.posix.basename(relative);
  if (relative === SW_FILE || base.startsWith('.')) return false;
  if (relative.endsWith('.map')) return false;
  // The WebGPU build of onnxruntime (~26 MB) is fetched only where a real GPU adapter exists; left
  // out of the precache so the offline download stays within its 40 MB budget. Offline, such a
  // device falls back to the (precached) WASM backend.
  if (base.includes('.asyncify')) return false;
  // Likewise tesseract's build for browsers without WebAssembly SIMD (none this app supports:
  // Chromium, Firefox and Safari have had it since 2021-2022); the SIMD builds are precached.
  if (base === 'tesseract-core-lstm.wasm.js') return false;
  return relative !== 'kiosk-config.json';
}

/** Every file under `dir`, as sorted posix paths relative to it. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const stat = statSync(path.join(dir, rel));
    if (stat.isDirectory()) out.push(...listFiles(dir, rel));
    else if (stat.isFile()) out.push(rel);
  }
  return out.sort();
}

export interface PrecacheManifest {
  version: string;
  files: string[];
  headers: Record<string, string>;
}

/** The precache list of a built folder and a version that changes when any listed file does. */
export function precacheManifest(outDir: string, headers: Record<string, string>): PrecacheManifest {
  const files = listFiles(outDir).filter(precacheable);
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(f);
    hash.update('\0');
    hash.update(
      createHash('sha256')
        .update(readFileSync(path.join(outDir, f)))
        .digest(),
    );
  }
  hash.update(JSON.stringify(headers));
  return { version: hash.digest('hex').slice(0, 16), files, headers };
}

export function serviceWorkerPlugin(options: { source: string }): Plugin {
  let outDir = 'dist';
  const headers: Record<string, string> = {};
  return {
    name: 'kitas-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      // What the server sends is what the worker must keep sending offline.
      for (const [k, v] of Object.entries(config.preview.headers ?? {})) {
        if (typeof v === 'string') headers[k] = v;
      }
    },
    async closeBundle() {
      const manifest = precacheManifest(outDir, headers);
      const source = readFileSync(options.source, 'utf8');
      const out = await transformWithOxc(source, options.source, { lang: 'ts', target: 'es2022' });
      // A classic worker script: the empty `export {}` left by the type-only export goes.
      const code = out.code.replace(/^export\s*\{\s*\};?\s*$/m, '');
      if (/^\s*(import|export)\b/m.test(code))
        throw new Error(`${options.source} must not import or export values`);
      const prelude = `self.__KITAS_SW__ = ${JSON.stringify(manifest)};\n`;
      writeFileSync(path.join(outDir, SW_FILE), prelude + code);
    },
  };
}
