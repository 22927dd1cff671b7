// npm run bench -- [--set DIR] [--limit N] [--no-build] [--no-browser] [--no-node] [--no-peer] [--json OUT]
// Times the pipeline per stage and end to end (p50/p95 per tier) in Node (warm and cold) and in headless
// Chromium on the WASM backend (warm and cold), runs the peer on the same documents, and prints our/peer
// ratios of time and exact-match accuracy, peak memory and the offline download size.

import { precacheable } from '../pwa/service-worker-plugin';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { KitasResult } from '../../src/core/schema';
import { intFlag, parseFlags, strFlag } from '../eval/args';
import { loadSet, type EvalDoc } from '../eval/dataset';
import { aggregate, scoreDocument, tierOrder } from '../eval/evaluate';
import { fixed, pct, table } from '../eval/format';
import { DEFAULT_SET, REPO_ROOT } from '../eval/paths';
import {
  BENCH_DIST,
  benchBrowser,
  buildApp,
  distFiles,
  freePort,
  startPreview,
  type BrowserBench,
} from './browser-bench';
import { benchNode, benchPeer, type NodeBench, type PeerBench } from './node-bench';
import { STAGES, summarizeByTier, type TimingSummary } from './stats';

const BUDGET_BYTES = 40 * 1024 * 1024;
const BENCH_SET = path.join(REPO_ROOT, '.cache/bench-set');
const log = (m: string) => process.stderr.write(`${m}\n`);

function resolveSet(explicit: string | undefined): string {
  if (explicit) return path.resolve(explicit);
  if (existsSync(path.join(BENCH_SET, 'manifest.json'))) return BENCH_SET;
  if (existsSync(path.join(REPO_ROOT, 'scripts/synth/cli.ts'))) {
    log(
      'generating the bench set: npm run synth -- --out .cache/bench-set --n 6 --tier digital,pdf,scan,photo --seed 7',
    );
    const r = spawnSync(
      'npm',
      [
        'run',
        'synth',
        '--',
        '--out',
        BENCH_SET,
        '--n',
        '6',
        '--tier',
        'digital,pdf,scan,photo',
        '--seed',
        '7',
        '--quiet',
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (r.status === 0 && existsSync(path.join(BENCH_SET, 'manifest.json'))) return BENCH_SET;
    log('generation failed; falling back to the regression fixtures');
  }
  return DEFAULT_SET;
}

type Accuracy = Record<string, number | null>;

function accuracy(
  docs: EvalDoc[],
  results: Map<string, KitasResult> | undefined,
  tiers: string[],
): Accuracy | null {
  if (!results) return null;
  const scores = docs.map((d) => scoreDocument(d.truth, results.get(d.id) ?? null));
  const out: Accuracy = {};
  for (const t of tiers) out[t] = aggregate(scores.filter((s) => s.tier === t)).exact_match.rate;
  out.ALL = aggregate(scores).exact_match.rate;
  return out;
}

function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;
}

const ms = (x: number | null | undefined) => (x === null || x === undefined ? '-' : x.toFixed(0));
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), {
    set: 'value',
    limit: 'value',
    json: 'value',
    'no-build': 'bool',
    'no-browser': 'bool',
    'no-node': 'bool',
    'no-peer': 'bool',
  });
  const set = resolveSet(strFlag(flags, 'set'));
  const docs = loadSet(set, intFlag(flags, 'limit'));
  const tiers = [...new Set(docs.map((d) => d.truth.tier))].sort(tierOrder);
  log(`bench set ${set}: ${docs.length} documents (${tiers.join(', ')}); ${os.availableParallelism()} cores`);

  let node: NodeBench | null = null;
  let peer: PeerBench | null = null;
  let browser: BrowserBench | null = null;
  let browserError: string | null = null;
  // --no-build reuses the bench's own build when there is one, else the app's dist/.
  const outDir =
    flags['no-build'] && !existsSync(path.join(BENCH_DIST, 'index.html'))
      ? path.join(REPO_ROOT, 'dist')
      : BENCH_DIST;
  if (!flags['no-node']) node = await benchNode(docs);
  if (!flags['no-peer']) peer = await benchPeer(docs);
  if (!flags['no-browser']) {
    try {
      if (!flags['no-build']) await buildApp(outDir);
      if (!existsSync(path.join(outDir, 'index.html')))
        throw new Error(`${path.relative(REPO_ROOT, outDir)}/index.html missing: build the app first`);
      const preview = await startPreview(await freePort(), outDir);
      try {
        browser = await benchBrowser(docs, preview.url, outDir);
      } finally {
        preview.stop();
      }
    } catch (e) {
      browserError = e instanceof Error ? e.message : String(e);
      log(`browser bench failed: ${browserError}`);
    }
  }

  const timing = {
    node_warm: node ? summarizeByTier(node.warm.samples, tiers) : null,
    node_cold: node ? summarizeByTier(node.cold, tiers) : null,
    browser_warm: browser ? summarizeByTier(browser.warm.samples, tiers) : null,
    browser_cold: browser ? summarizeByTier(browser.cold, tiers) : null,
    peer: peer ? summarizeByTier(peer.samples, tiers) : null,
  };
  const acc = {
    ours_node: accuracy(docs, node?.warm.results, tiers),
    ours_browser: accuracy(docs, browser?.warm.results, tiers),
    peer: accuracy(docs, peer?.results, tiers),
  };

  const files = distFiles(outDir);
  const distAll = files.reduce((a, f) => a + f.bytes, 0);
  const distNoMaps = files.filter((f) => !f.file.endsWith('.map')).reduce((a, f) => a + f.bytes, 0);
  // What a kiosk downloads to work offline: the service worker's precache list.
  const precached = files.filter((f) => precacheable(f.file)).reduce((a, f) => a + f.bytes, 0);
  const download = {
    dist_total_bytes: distAll,
    dist_without_sourcemaps_bytes: distNoMaps,
    fetched_in_run_bytes: browser?.fetched.bytes ?? null,
    fetched_in_run_files: browser?.fetched.files ?? null,
    build_dir: outDir,
    budget_bytes: BUDGET_BYTES,
    fetched_within_budget: browser ? browser.fetched.bytes <= BUDGET_BYTES : null,
    precached_bytes: precached,
    within_budget: files.length ? precached <= BUDGET_BYTES : null,
    largest_files: [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 12),
  };

  // ---- the table
  const rows: string[][] = [];
  const allTiers = [...tiers, 'ALL'];
  const row = (
    tier: string,
    run: string,
    s: TimingSummary | undefined,
    timeRatio: number | null,
    exact: number | null | undefined,
    accRatio: number | null,
  ) => {
    if (!s || !s.n) return;
    rows.push([
      tier,
      run,
      String(s.n),
      ms(s.p50),
      ms(s.p95),
      ...STAGES.map((k) => ms(s.stage_p50[k])),
      timeRatio === null ? '-' : `${timeRatio.toFixed(2)}x`,
      exact === undefined ? '-' : pct(exact),
      accRatio === null ? '-' : `${accRatio.toFixed(2)}x`,
    ]);
  };
  for (const t of allTiers) {
    const peerP50 = timing.peer?.[t]?.p50;
    const peerAcc = acc.peer?.[t];
    row(
      t,
      'node warm',
      timing.node_warm?.[t],
      ratio(timing.node_warm?.[t]?.p50, peerP50),
      acc.ours_node?.[t],
      ratio(acc.ours_node?.[t], peerAcc),
    );
    row(t, 'node cold', timing.node_cold?.[t], null, undefined, null);
    row(
      t,
      'browser warm',
      timing.browser_warm?.[t],
      ratio(timing.browser_warm?.[t]?.p50, peerP50),
      acc.ours_browser?.[t],
      ratio(acc.ours_browser?.[t], peerAcc),
    );
    row(t, 'browser cold', timing.browser_cold?.[t], null, undefined, null);
    row(t, 'peer (node)', timing.peer?.[t], null, peerAcc, null);
  }
  const lines: string[] = [];
  lines.push(
    `## Bench: ${path.relative(process.cwd(), set) || set} (${docs.length} docs), ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? ''}`,
  );
  lines.push('');
  lines.push(
    table(
      [
        'tier',
        'run',
        'n',
        'p50 ms',
        'p95 ms',
        ...STAGES.map((s) => `${s} p50`),
        'our/peer time (p50)',
        'exact match',
        'our/peer exact',
      ],
      rows,
    ),
  );
  lines.push('');
  lines.push(
    'Stage timings are result.meta.timings_ms (absent stages shown as -; PDF text-layer pages report text_layer/render instead of detect/recognize).',
  );
  lines.push(
    'Cold: Node = createNodeEngines + first document of the tier; browser = navigation (assets cached) to first result of the tier.',
  );
  if (node)
    lines.push(
      `Node engine creation: ${node.engine_init_ms.map((x) => x.toFixed(0)).join(', ')} ms; peak RSS of the bench process ${node.peak_rss_mb.toFixed(0)} MB (measured before the peer ran).`,
    );
  if (peer) lines.push(`Peer: ${peer.name}; init ${peer.init_ms.toFixed(0)} ms.`);
  if (browser) {
    lines.push(
      `Browser (${browser.backend ?? '?'}): first load with empty cache to first result ${ms(browser.first_load_ms)} ms (the app starts its engines at page load; included).`,
    );
    lines.push(
      `Peak memory (VmHWM): renderer (page + worker) ${fixed(browser.renderer_peak_mb, 0)} MB; all Chromium processes summed ${browser.all_processes_peak_mb.toFixed(0)} MB ` +
        `(${browser.processes.map((p) => `${p.type} ${p.peak_mb.toFixed(0)}`).join(', ')}).`,
    );
    if (browser.console_errors.length)
      lines.push(
        `Browser console errors: ${browser.console_errors.length} (first: ${browser.console_errors[0]})`,
      );
  } else if (browserError) {
    lines.push(`Browser bench did not run: ${browserError}`);
  }
  lines.push(
    `Download: precached for offline use ${mb(precached)} (budget ${mb(BUDGET_BYTES)}: ${download.within_budget === null ? 'no dist' : download.within_budget ? 'within' : 'OVER'}); whole build (${path.relative(REPO_ROOT, outDir)}) without source maps ${mb(distNoMaps)}` +
      (distAll !== distNoMaps ? `, with maps ${mb(distAll)}` : '') +
      (browser
        ? `; fetched by the page and worker in this run ${mb(browser.fetched.bytes)} in ${browser.fetched.files} files.`
        : '.'),
  );
  if (files.length) {
    lines.push(
      `Largest dist files: ${download.largest_files
        .slice(0, 6)
        .map((f) => `${f.file} ${mb(f.bytes)}`)
        .join(', ')}.`,
    );
  }
  console.log(lines.join('\n'));

  const out = path.resolve(strFlag(flags, 'json') ?? path.join(REPO_ROOT, 'reports/bench.json'));
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(
    out,
    JSON.stringify(
      {
        set,
        docs: docs.length,
        tiers,
        created_at: new Date().toISOString(),
        machine: {
          cores: os.availableParallelism(),
          cpu: os.cpus()[0]?.model ?? null,
          node: process.version,
        },
        timing,
        accuracy: acc,
        ratios: Object.fromEntries(
          allTiers.map((t) => [
            t,
            {
              node_time_vs_peer: ratio(timing.node_warm?.[t]?.p50, timing.peer?.[t]?.p50),
              browser_time_vs_peer: ratio(timing.browser_warm?.[t]?.p50, timing.peer?.[t]?.p50),
              node_exact_vs_peer: ratio(acc.ours_node?.[t], acc.peer?.[t]),
              browser_exact_vs_peer: ratio(acc.ours_browser?.[t], acc.peer?.[t]),
            },
          ]),
        ),
        node: node && {
          engine_init_ms: node.engine_init_ms,
          peak_rss_mb: node.peak_rss_mb,
          warm: node.warm.samples,
          cold: node.cold,
        },
        peer: peer && { name: peer.name, init_ms: peer.init_ms, samples: peer.samples },
        browser: browser && {
          backend: browser.backend,
          first_load_ms: browser.first_load_ms,
          first_engine_init_ms: browser.first_engine_init_ms,
          renderer_peak_mb: browser.renderer_peak_mb,
          all_processes_peak_mb: browser.all_processes_peak_mb,
          processes: browser.processes,
          fetched: browser.fetched,
          console_errors: browser.console_errors,
          warm: browser.warm.samples,
          cold: browser.cold,
        },
        browser_error: browserError,
        download,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
