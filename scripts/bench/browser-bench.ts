// Headless Chromium timings of the built app on the WASM backend, through the app's own worker client
// (src/app/bench-hook.ts: window.__kitasReadTimed with ?bench=1).

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { KitasResult } from '../../src/core/schema';
import type { EvalDoc } from '../eval/dataset';
import { REPO_ROOT } from '../eval/paths';
import { firstOfEachTier, type RunOutput } from './node-bench';
import type { Sample } from './stats';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ProcessPeak {
  pid: number;
  type: string;
  /** VmHWM (peak resident set) from /proc/<pid>/status, MB. */
  peak_mb: number;
}

export interface BrowserBench {
  backend: string | null;
  warm: RunOutput;
  /** Per tier: navigation (assets cached, second load) to the tier's first result. */
  cold: Sample[];
  /** The very first load (empty cache) to the first result, and the worker's engine start-up then. */
  first_load_ms: number;
  first_engine_init_ms: number;
  processes: ProcessPeak[];
  renderer_peak_mb: number | null;
  all_processes_peak_mb: number;
  /** dist/ files the page and its worker asked for during the run. */
  fetched: { files: number; bytes: number; list: string[] };
  console_errors: string[];
}

const log = (m: string) => process.stderr.write(`${m}\n`);

/**
 * The bench builds into its own folder so that a build or e2e run by someone else (which rewrites
 * dist/) cannot swap files under the running preview.
 */
export const BENCH_DIST = path.join(REPO_ROOT, '.cache/bench-dist');

export async function buildApp(outDir = BENCH_DIST): Promise<void> {
  log(`building the app: npx vite build --outDir ${path.relative(REPO_ROOT, outDir)}`);
  await run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], REPO_ROOT);
}

function run(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** `vite preview` in its own process group (COOP/COEP come from vite.config.ts); stop() kills the group. */
export async function startPreview(
  port: number,
  outDir = BENCH_DIST,
): Promise<{ url: string; stop(): void }> {
  const child: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) {
        const coop = res.headers.get('cross-origin-opener-policy');
        if (coop !== 'same-origin')
          log(`warning: preview serves COOP=${coop ?? 'none'} (threads need same-origin)`);
        break;
      }
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error('vite preview did not answer within 60 s');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, stop };
}

export function distFiles(distDir = BENCH_DIST): { file: string; bytes: number }[] {
  const out: { file: string; bytes: number }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.push({ file: path.relative(distDir, p).split(path.sep).join('/'), bytes: st.size });
    }
  };
  if (existsSync(distDir)) walk(distDir);
  return out;
}

function vmHwmMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

interface TimedRead {
  result: KitasResult;
  backend: string;
  timings: { engineInitMs: number; readMs: number; previewMs: number; totalMs: number };
  wallMs: number;
  /** performance.now() on the page when the result arrived: ms since the navigation started. */
  sinceNavigationMs: number;
}

async function readOnPage(page: Page, bytes: Uint8Array, name: string): Promise<TimedRead> {
  const b64 = Buffer.from(bytes).toString('base64');
  return page.evaluate(
    async ({ b64, name }) => {
      const bin = atob(b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const hook = window.__kitasReadTimed;
      if (!hook) throw new Error('window.__kitasReadTimed is missing (src/app/bench-hook.ts not loaded?)');
      const r = await hook(arr, name);
      return { ...r, sinceNavigationMs: performance.now() };
    },
    { b64, name },
  );
}

async function openBench(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/?bench=1`, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof window.__kitasReadTimed === 'function', undefined, {
    timeout: 30_000,
  });
}

export async function benchBrowser(docs: EvalDoc[], url: string, outDir = BENCH_DIST): Promise<BrowserBench> {
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const peaks = new Map<number, ProcessPeak>();
  const consoleErrors: string[] = [];
  const fetched = new Set<string>();
  try {
    const cdp = await browser.newBrowserCDPSession();
    const samplePeaks = async () => {
      const info = (await cdp.send('SystemInfo.getProcessInfo')) as {
        processInfo: { type: string; id: number }[];
      };
      for (const p of info.processInfo) {
        const mb = vmHwmMb(p.id);
        if (mb === null) continue;
        const prev = peaks.get(p.id);
        if (!prev || prev.peak_mb < mb) peaks.set(p.id, { pid: p.id, type: p.type, peak_mb: mb });
      }
    };
    const context = await browser.newContext();
    const page = await context.newPage();
    const origin = new URL(url).origin;
    const record = (u: string) => {
      if (u.startsWith(origin)) fetched.add(new URL(u).pathname);
    };
    page.on('request', (r) => record(r.url()));
    page.on('worker', (w) => record(w.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e).slice(0, 300)));

    const bytesOf = async (d: EvalDoc) => new Uint8Array(await readFile(d.file));
    // First load, empty cache: page load to the first result (engines start on that read).
    await openBench(page, url);
    const first = docs[0];
    let firstLoad = 0;
    let firstInit = 0;
    let backend: string | null = null;
    if (first) {
      const r = await readOnPage(page, await bytesOf(first), path.basename(first.file));
      firstLoad = r.sinceNavigationMs;
      firstInit = r.timings.engineInitMs;
      backend = r.backend;
      log(
        `browser first load ${first.id}: ${firstLoad.toFixed(0)} ms (engines ${firstInit.toFixed(0)} ms, ${backend})`,
      );
    }
    await samplePeaks();

    // Warm: the same page, engines kept, one document after another.
    const samples: Sample[] = [];
    const results = new Map<string, KitasResult>();
    for (const doc of docs) {
      const r = await readOnPage(page, await bytesOf(doc), path.basename(doc.file));
      results.set(doc.id, r.result);
      samples.push({
        id: doc.id,
        tier: doc.truth.tier,
        wall_ms: r.wallMs,
        stages: { ...(r.result.meta?.timings_ms ?? {}) },
      });
      log(`browser warm ${doc.id}: ${r.wallMs.toFixed(0)} ms`);
      await samplePeaks();
    }

    // Cold with assets cached: a new navigation per tier, then that tier's first document.
    const cold: Sample[] = [];
    for (const doc of firstOfEachTier(docs)) {
      await openBench(page, url);
      const r = await readOnPage(page, await bytesOf(doc), path.basename(doc.file));
      cold.push({
        id: doc.id,
        tier: doc.truth.tier,
        wall_ms: r.sinceNavigationMs,
        // The app starts its engines on page load, so a read usually joins them and reports 0 here;
        // page load to result (wall_ms) includes the start-up either way.
        stages: {
          ...(r.timings.engineInitMs ? { engine_init: r.timings.engineInitMs } : {}),
          ...(r.result.meta?.timings_ms ?? {}),
        },
      });
      log(
        `browser cold ${doc.id}: ${r.sinceNavigationMs.toFixed(0)} ms (engines ${r.timings.engineInitMs.toFixed(0)} ms)`,
      );
      await samplePeaks();
    }

    const processes = [...peaks.values()].sort((a, b) => b.peak_mb - a.peak_mb);
    const renderers = processes.filter((p) => p.type === 'renderer');
    const sizes = new Map(distFiles(outDir).map((f) => [`/${f.file}`, f.bytes]));
    const list = [...fetched].filter((p) => sizes.has(p) || (p === '/' && sizes.has('/index.html'))).sort();
    const bytes = list.reduce((a, p) => a + (sizes.get(p === '/' ? '/index.html' : p) ?? 0), 0);
    return {
      backend,
      warm: { samples, results },
      cold,
      first_load_ms: firstLoad,
      first_engine_init_ms: firstInit,
      processes,
      renderer_peak_mb: renderers.length ? Math.max(...renderers.map((p) => p.peak_mb)) : null,
      all_processes_peak_mb: processes.reduce((a, p) => a + p.peak_mb, 0),
      fetched: { files: list.length, bytes, list },
      console_errors: consoleErrors,
    };
  } finally {
    await browser.close();
  }
}
