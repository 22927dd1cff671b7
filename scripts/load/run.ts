// Load test for `kitas-ocr serve` on loopback: N clients post generated permits for a while and
// every answer is checked against the document that was sent.
//   npm run load -- [--duration 60] [--clients 8] [--concurrency 1] [--queue 8] [--timeout-s 60]
// Fails (exit 1) on any 5xx other than a deliberate 503, any answer that does not belong to the
// document sent, a reused Request-Id, or server memory that keeps growing.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDENTITIES, permitImage } from '../fuzz/permit';
import type { KitasResult } from '../../src/core/schema';

const HOST = '127.0.0.1';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Options {
  durationS: number;
  clients: number;
  concurrency: number;
  queue: number;
  timeoutS: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { durationS: 60, clients: 8, concurrency: 1, queue: 8, timeoutS: 60 };
  for (let i = 0; i < argv.length; i++) {
    const v = Number(argv[i + 1]);
    const set = (k: keyof Options) => {
      if (!Number.isFinite(v) || v < 0) throw new Error(`${argv[i]} needs a number`);
      o[k] = v;
      i++;
    };
    switch (argv[i]) {
      case '--duration':
        set('durationS');
        break;
      case '--clients':
        set('clients');
        break;
      case '--concurrency':
        set('concurrency');
        break;
      case '--queue':
        set('queue');
        break;
      case '--timeout-s':
        set('timeoutS');
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return o;
}

interface Doc {
  name: string;
  bytes: Uint8Array;
  /** What the server answered for this document alone, before the load. */
  code: number;
  status: string;
  full_name: string;
  permit_number: string;
}

interface Sample {
  doc: number;
  code: number;
  ms: number;
  ok: boolean;
  problem?: string;
}

function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function describeError(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return [err.message, err.cause?.code, err.cause?.message].filter(Boolean).join(': ');
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function startServer(o: Options): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [
      'bin/kitas-ocr.mjs',
      'serve',
      '--host',
      HOST,
      '--port',
      '0',
      '--concurrency',
      String(o.concurrency),
      '--queue',
      String(o.queue),
      '--timeout-s',
      String(o.timeoutS),
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KITAS_LOG_LEVEL: 'warn' } },
  );
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
    setTimeout(() => reject(new Error(`server did not start in 120 s:\n${out}`)), 120_000).unref();
  });
  return { child, base };
}

async function post(
  base: string,
  doc: Doc,
): Promise<{ code: number; body: KitasResult | null; requestId: string; retryAfter: string | null }> {
  const fd = new FormData();
  fd.append('image', new Blob([new Uint8Array(doc.bytes)], { type: 'image/png' }), doc.name);
  const res = await fetch(`${base}/ocr/v1/kitas-kitap`, { method: 'POST', body: fd });
  const text = await res.text();
  let body: KitasResult | null;
  try {
    body = JSON.parse(text) as KitasResult;
  } catch {
    body = null;
  }
  return {
    code: res.status,
    body,
    requestId: res.headers.get('request-id') ?? '',
    retryAfter: res.headers.get('retry-after'),
  };
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  process.stdout.write(
    `load: ${o.clients} clients for ${o.durationS} s on ${HOST}; server --concurrency ${o.concurrency} --queue ${o.queue} --timeout-s ${o.timeoutS}\n`,
  );
  const docs: Doc[] = [];
  for (const id of IDENTITIES) {
    docs.push({
      name: `${id.permit_number}.png`,
      bytes: new Uint8Array(await permitImage(id)),
      code: 0,
      status: '',
      full_name: id.full_name,
      permit_number: id.permit_number,
    });
  }
  const { child, base } = await startServer(o);
  const pid = child.pid!;
  const rss: { t: number; mb: number }[] = [];
  try {
    // Calibrate: each document alone, so the load phase can tell a mix-up from a misread.
    for (const doc of docs) {
      const r = await post(base, doc);
      if (r.code !== 200 || !r.body) throw new Error(`calibration of ${doc.name} answered ${r.code}`);
      const read = { full_name: r.body.read.full_name.value, permit_number: r.body.read.permit_number.value };
      const exact = read.full_name === doc.full_name && read.permit_number === doc.permit_number;
      process.stdout.write(
        `calibrate ${doc.name}: ${r.body.status}; ${exact ? 'name and number read exactly' : `read as ${read.full_name} / ${read.permit_number}`}\n`,
      );
      Object.assign(doc, { code: r.code, status: r.body.status, ...read });
    }
    const keys = new Set(docs.map((d) => `${d.full_name}|${d.permit_number}`));
    if (keys.size !== docs.length)
      throw new Error('two documents read the same: a mix-up could not be told apart');

    const started = performance.now();
    const end = started + o.durationS * 1000;
    const samples: Sample[] = [];
    const ids = new Set<string>();
    let reusedIds = 0;
    const sampler = setInterval(() => {
      const mb = rssMb(pid);
      if (mb !== null) rss.push({ t: (performance.now() - started) / 1000, mb });
    }, 1000);
    const client = async (c: number) => {
      for (let i = c; performance.now() < end; i++) {
        const docIndex = i % docs.length;
        const doc = docs[docIndex]!;
        const t0 = performance.now();
        let sample: Sample;
        try {
          const r = await post(base, doc);
          const ms = performance.now() - t0;
          if (ids.has(r.requestId)) reusedIds++;
          ids.add(r.requestId);
          if (r.code === 503) {
            // Deliberate back-pressure: wait as told (capped), like a polite client.
            sample = { doc: docIndex, code: r.code, ms, ok: true };
            const after = Math.min(10, Math.max(0.25, Number(r.retryAfter) || 1));
            await new Promise((res) => setTimeout(res, after * 1000));
          } else if (r.code !== 200 || !r.body) {
            sample = {
              doc: docIndex,
              code: r.code,
              ms,
              ok: false,
              problem: `${r.code} ${r.body?.reason ?? ''}`,
            };
          } else {
            const same =
              r.body.read.full_name.value === doc.full_name &&
              r.body.read.permit_number.value === doc.permit_number;
            sample = {
              doc: docIndex,
              code: r.code,
              ms,
              ok: same,
              ...(same
                ? {}
                : {
                    problem: `${doc.name} answered ${r.body.read.full_name.value} / ${r.body.read.permit_number.value}`,
                  }),
            };
          }
        } catch (e) {
          sample = {
            doc: docIndex,
            code: 0,
            ms: performance.now() - t0,
            ok: false,
            problem: describeError(e),
          };
        }
        samples.push(sample);
      }
    };
    await Promise.all(Array.from({ length: o.clients }, (_, c) => client(c)));
    clearInterval(sampler);
    const elapsed = (performance.now() - started) / 1000;

    // Report.
    const counts: Record<string, number> = {};
    for (const s of samples) counts[s.code] = (counts[s.code] ?? 0) + 1;
    const lat = samples
      .filter((s) => s.code === 200)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const problems = samples.filter((s) => !s.ok);
    const serverErrors = samples.filter((s) => s.code >= 500 && s.code !== 503).length;
    const third = Math.max(1, Math.floor(rss.length / 3));
    const avg = (xs: { mb: number }[]) => xs.reduce((a, x) => a + x.mb, 0) / Math.max(1, xs.length);
    const rssFirst = avg(rss.slice(0, third));
    const rssLast = avg(rss.slice(-third));
    const rssMax = Math.max(...rss.map((r) => r.mb));
    const growth = rssLast / rssFirst - 1;
    const lines = [
      `requests: ${samples.length} in ${elapsed.toFixed(1)} s = ${(samples.length / elapsed).toFixed(2)} req/s (200s: ${(lat.length / elapsed).toFixed(2)} docs/s)`,
      `latency of 200s: p50 ${percentile(lat, 50).toFixed(0)} ms, p95 ${percentile(lat, 95).toFixed(0)} ms, max ${(lat.at(-1) ?? NaN).toFixed(0)} ms`,
      `status codes: ${JSON.stringify(counts)}`,
      `server RSS: first third avg ${rssFirst.toFixed(0)} MB, last third avg ${rssLast.toFixed(0)} MB (${(growth * 100).toFixed(1)}%), max ${rssMax.toFixed(0)} MB, ${rss.length} samples`,
      `mismatched or failed answers: ${problems.length}; 5xx other than 503: ${serverErrors}; reused Request-Ids: ${reusedIds}`,
    ];
    for (const p of problems.slice(0, 10)) lines.push(`  problem: ${p.problem}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    // Flat memory: the last third within 20% (or 100 MB) of the first third.
    const memoryOk = rssLast - rssFirst < Math.max(100, 0.2 * rssFirst);
    const ok = problems.length === 0 && serverErrors === 0 && reusedIds === 0 && memoryOk && lat.length > 0;
    process.stdout.write(`load: ${ok ? 'PASS' : 'FAIL'}${memoryOk ? '' : ' (memory grew)'}\n`);
    return ok ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`load: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
