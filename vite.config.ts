import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorkerPlugin } from './scripts/pwa/service-worker-plugin.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const nm = (p: string) => path.join(root, 'node_modules', p);

/**
 * Runtime files the app loads by URL (not through imports), served from the app's own origin:
 * in dev straight out of node_modules, in a build copied into dist/vendor. Nothing is committed.
 * `only` keeps just the files of a folder that can be asked for.
 */
interface VendorEntry {
  url: string;
  from: string;
  only?: RegExp;
}
const VENDOR: VendorEntry[] = [
  { url: 'vendor/tesseract/worker.min.js', from: nm('tesseract.js/dist/worker.min.js') },
  // The recognizer runs LSTM only, so tesseract.js picks one of the three *-lstm.wasm.js cores.
  { url: 'vendor/tesseract-core/', from: nm('tesseract.js-core/'), only: /-lstm\.wasm\.js$/ },
  {
    url: 'vendor/tessdata/eng.traineddata.gz',
    from: nm('@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz'),
  },
  { url: 'vendor/pdfjs/cmaps/', from: nm('pdfjs-dist/cmaps/') },
  { url: 'vendor/pdfjs/standard_fonts/', from: nm('pdfjs-dist/standard_fonts/') },
  { url: 'vendor/pdfjs/wasm/', from: nm('pdfjs-dist/wasm/'), only: /\.(wasm|js)$/ },
  { url: 'vendor/pdfjs/iccs/', from: nm('pdfjs-dist/iccs/'), only: /\.icc$/ },
];

const MIME: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.icc': 'application/vnd.iccprofile',
};

/** Every (url, file) pair the vendor table yields. */
function vendorFiles(): { url: string; file: string }[] {
  const out: { url: string; file: string }[] = [];
  for (const entry of VENDOR) {
    if (!existsSync(entry.from)) throw new Error(`vendor file missing: ${entry.from} (run npm install)`);
    if (!entry.url.endsWith('/')) {
      out.push({ url: entry.url, file: entry.from });
      continue;
    }
    for (const name of readdirSync(entry.from)) {
      const file = path.join(entry.from, name);
      if (!statSync(file).isFile() || (entry.only && !entry.only.test(name))) continue;
      out.push({ url: entry.url + name, file });
    }
  }
  return out;
}

function vendorAssets(): Plugin {
  let outDir = 'dist';
  let base = '/';
  return {
    name: 'kitas-vendor-assets',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      base = config.base;
    },
    configureServer(server) {
      const files = new Map(vendorFiles().map((f) => [base + f.url, f.file]));
      server.middlewares.use((req, res, next) => {
        const file = files.get((req.url ?? '').split('?')[0] ?? '');
        if (!file) return next();
        // Answered before Vite's own middlewares, so the isolation headers are set here too
        // (a worker script without COEP is blocked in a cross-origin isolated page).
        for (const [k, v] of Object.entries(server.config.server.headers ?? {}))
          res.setHeader(k, v as string);
        res.setHeader('Content-Type', MIME[path.extname(file)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', statSync(file).size);
        createReadStream(file).pipe(res);
      });
    },
    async writeBundle() {
      for (const f of vendorFiles()) {
        const dest = path.join(outDir, f.url);
        await mkdir(path.dirname(dest), { recursive: true });
        await copyFile(f.file, dest);
      }
    },
  };
}

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The production policy: every script, worker, wasm module and fetch comes from this origin. */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * `vite dev` injects an inline React-refresh preamble and <style> tags and talks to its HMR socket,
 * so the dev server relaxes exactly those three things; `vite preview` (what `npm start` and the
 * e2e tests run) serves the strict policy above.
 */
const DEV_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws: wss:");

export default defineConfig({
  plugins: [
    react(),
    vendorAssets(),
    // After the vendor copy: precaches every built file for offline use (docs/kiosk.md).
    serviceWorkerPlugin({ source: path.join(root, 'src/app/pwa/sw.ts') }),
  ],
  // Timing reports are noise on a 2-core machine shared with other jobs; real errors still print.
  worker: { format: 'es', rolldownOptions: { checks: { bundlerTimings: false } } },
  build: {
    target: 'es2022',
    // The ONNX runtime and the model are large by nature; they load in the worker, not on first paint.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { checks: { bundlerTimings: false } },
    assetsInlineLimit: (file) => (/\.(wasm|onnx|mjs)$/.test(file) ? false : undefined),
  },
  // Pre-bundled up front so the first dev load does not reload when the worker discovers them.
  optimizeDeps: { exclude: ['onnxruntime-web'], include: ['pdfjs-dist', 'tesseract.js', 'fast-png'] },
  server: { headers: { ...isolation, 'Content-Security-Policy': DEV_CSP } },
  preview: { headers: { ...isolation, 'Content-Security-Policy': CSP } },
});
