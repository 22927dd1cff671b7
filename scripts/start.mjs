#!/usr/bin/env node
// `npm start`: install what is missing, build the app, serve the build with `vite preview`.
// Usage: npm start [-- --port 4173] [-- --host 0.0.0.0]. PORT and HOST work too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const port = Number(arg('port', process.env.PORT ?? 4173));
const host = arg('host', process.env.HOST ?? 'localhost');

function run(cmd, args, what) {
  console.log(`\n> ${what}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`\n${what} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status ?? 1);
  }
}

function needsInstall() {
  const modules = path.join(root, 'node_modules');
  const lock = path.join(root, 'package-lock.json');
  if (!existsSync(modules)) return 'node_modules is missing';
  // npm writes node_modules/.package-lock.json on every install: older than the lock = stale.
  const marker = path.join(modules, '.package-lock.json');
  const installed = existsSync(marker) ? statSync(marker).mtimeMs : statSync(modules).mtimeMs;
  if (existsSync(lock) && statSync(lock).mtimeMs > installed + 1000)
    return 'package-lock.json is newer than node_modules';
  return null;
}

const why = needsInstall();
if (why) run(npm, ['install', '--no-audit', '--no-fund'], `npm install (${why})`);

const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
run(process.execPath, [vite, 'build', '--logLevel', 'warn'], 'vite build');

console.log('\n> vite preview');
const preview = spawn(process.execPath, [vite, 'preview', '--host', host, '--port', String(port)], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
});

// eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters by definition
const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*m/g, '');

let announced = false;
preview.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  // vite prints the URL it actually bound (the next free port if `port` was taken).
  const url = /(https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]|[\w.-]+):\d+\/?)/.exec(stripAnsi(text));
  if (!announced && url) {
    announced = true;
    console.log(`\n  KITAS/KITAP reader is running at: ${url[1]}\n  (Ctrl+C to stop)\n`);
  }
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    preview.kill(sig);
  });
}
preview.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
