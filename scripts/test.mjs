#!/usr/bin/env node
// `npm test` on a fresh clone: install what is missing (npm packages, Debian's chromium and fonts),
// then run every check: types, lint, format, unit/integration tests (vitest), e2e (Playwright).
// Ends with one summary line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'reports');
mkdirSync(reports, { recursive: true });
const env = { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' };

function run(cmd, args, what, { allowFail = false } = {}) {
  console.log(`\n> ${what}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (res.status !== 0 && !allowFail) {
    console.error(`\n${what} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status || 1);
  }
  return res.status === 0;
}

function needsInstall() {
  const modules = path.join(root, 'node_modules');
  if (!existsSync(modules)) return 'node_modules is missing';
  const marker = path.join(modules, '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000)
    return 'package-lock.json is newer than node_modules';
  return null;
}

const why = needsInstall();
if (why) run('npm', ['install', '--no-audit', '--no-fund'], `npm install (${why})`);
run('bash', [path.join(root, 'scripts/install-system-deps.sh')], 'system packages (chromium, fonts)');

const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (want('static')) {
  run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], 'typecheck (tsc --noEmit)');
  run(bin('eslint'), ['.', '--max-warnings', '0'], 'lint (eslint)');
  run(bin('prettier'), ['--check', '.', '--log-level', 'warn'], 'format (prettier --check)');
}

let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;

if (want('unit')) {
  const out = path.join(reports, 'vitest.json');
  ok =
    run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`], 'vitest', {
      allowFail: true,
    }) && ok;
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed +=
      (r.numFailedTests ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  } else failed += 1;
}

if (want('e2e')) {
  const out = path.join(reports, 'playwright.json');
  const res = spawnSync(bin('playwright'), ['test', '--reporter=list,json'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  });
  console.log('\n> playwright test');
  ok = res.status === 0 && ok;
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
    skipped += s.skipped ?? 0;
  } else failed += 1;
}

if (!ok && failed === 0) failed = 1;
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 ? 0 : 1);
