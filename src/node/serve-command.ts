// `kitas-ocr serve`: starts the HTTP endpoint with one set of engines, stops cleanly on SIGINT/SIGTERM.
import { createNodeEngines } from '../engine/node/engines';
import { buildServer, parseBasicPair, type BasicCredential, type ServerLimits } from './server';

export const SERVE_USAGE = `Usage: kitas-ocr serve [options]
  --port N            port to listen on (default 8080; 0 picks a free one)
  --host H            address to bind (default 127.0.0.1; loopback only unless you say otherwise)
  --api-key K         require header x-api-key: K (repeatable; or env KITAS_API_KEYS=k1,k2)
  --basic USER:PASS   require Authorization: Basic (repeatable; or env KITAS_BASIC_AUTH=u1:p1,u2:p2)
  --max-upload-mb N   largest upload (default 20)
  --max-pages N       most PDF pages read (default 20)
  --concurrency N     documents read at once (default 1)
  --queue N           requests allowed to wait beyond those (default 8; more get 503)
  --timeout-s N       time limit per request (default 60)
Prefer the environment variables for secrets: command lines are visible to other local users.`;

export interface ServeArgs {
  port: number;
  host: string;
  apiKeys: string[];
  basicAuth: BasicCredential[];
  limits: Partial<ServerLimits>;
  concurrency: number;
  queueSize: number;
  timeoutMs: number;
}

export function parseServeArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ServeArgs | string {
  const out: ServeArgs = {
    port: 8080,
    host: '127.0.0.1',
    apiKeys: splitList(env.KITAS_API_KEYS),
    basicAuth: [],
    limits: {},
    concurrency: 1,
    queueSize: 8,
    timeoutMs: 60_000,
  };
  for (const pair of splitList(env.KITAS_BASIC_AUTH)) {
    const c = parseBasicPair(pair);
    if (!c) return 'KITAS_BASIC_AUTH needs USER:PASS pairs separated by commas';
    out.basicAuth.push(c);
  }
  const num = (name: string, v: string | undefined, min: number, max: number): number | string => {
    const n = Number(v);
    if (v === undefined || v === '' || !Number.isFinite(n) || n < min || n > max)
      return `${name} needs a number from ${min} to ${max}`;
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = args[i + 1];
    let n: number | string;
    switch (a) {
      case '--port':
        if (typeof (n = num(a, v, 0, 65535)) === 'string') return n;
        out.port = Math.floor(n);
        i++;
        break;
      case '--host':
        if (!v) return '--host needs an address';
        out.host = v;
        i++;
        break;
      case '--api-key':
        if (!v) return '--api-key needs a key';
        out.apiKeys.push(v);
        i++;
        break;
      case '--basic': {
        const c = v ? parseBasicPair(v) : null;
        if (!c) return '--basic needs USER:PASS';
        out.basicAuth.push(c);
        i++;
        break;
      }
      case '--max-upload-mb':
        if (typeof (n = num(a, v, 0.001, 1024)) === 'string') return n;
        out.limits.maxUploadBytes = Math.round(n * 1048576);
        i++;
        break;
      case '--max-pages':
        if (typeof (n = num(a, v, 1, 1000)) === 'string') return n;
        out.limits.maxPdfPages = Math.floor(n);
        i++;
        break;
      case '--concurrency':
        if (typeof (n = num(a, v, 1, 16)) === 'string') return n;
        out.concurrency = Math.floor(n);
        i++;
        break;
      case '--queue':
        if (typeof (n = num(a, v, 0, 10_000)) === 'string') return n;
        out.queueSize = Math.floor(n);
        i++;
        break;
      case '--timeout-s':
        if (typeof (n = num(a, v, 1, 3600)) === 'string') return n;
        out.timeoutMs = Math.round(n * 1000);
        i++;
        break;
      default:
        return `unknown option ${a}`;
    }
  }
  return out;
}

function splitList(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Runs until SIGINT/SIGTERM; resolves with the exit code. */
export async function serveCommand(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${SERVE_USAGE}\n`);
    return 0;
  }
  const parsed = parseServeArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`kitas-ocr serve: ${parsed}\n${SERVE_USAGE}\n`);
    return 2;
  }
  const open = !parsed.apiKeys.length && !parsed.basicAuth.length;
  if (open && !isLoopback(parsed.host)) {
    process.stderr.write(
      `kitas-ocr serve: warning: listening on ${parsed.host} with no API key or Basic credentials; anyone who can reach it can use it.\n`,
    );
  }
  const engines = await createNodeEngines();
  const app = buildServer({
    engines,
    limits: parsed.limits,
    apiKeys: parsed.apiKeys,
    basicAuth: parsed.basicAuth,
    concurrency: parsed.concurrency,
    queueSize: parsed.queueSize,
    timeoutMs: parsed.timeoutMs,
    logger: { level: process.env.KITAS_LOG_LEVEL ?? 'info' },
  });
  try {
    await app.listen({ port: parsed.port, host: parsed.host });
  } catch (e) {
    process.stderr.write(
      `kitas-ocr serve: cannot listen on ${parsed.host}:${parsed.port}: ${(e as Error).message}\n`,
    );
    await engines.close();
    return 1;
  }
  const address = app.server.address();
  const shown = typeof address === 'object' && address ? `${parsed.host}:${address.port}` : String(address);
  // One parseable line for scripts (the load test reads it to find a free port).
  process.stdout.write(
    `kitas-ocr serve: listening on http://${shown} (${open ? 'no auth' : 'auth required'})\n`,
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`kitas-ocr serve: ${signal}, finishing requests in flight\n`);
      // A second signal while draining exits at once.
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      void (async () => {
        let code = 0;
        try {
          await app.close();
        } catch {
          code = 1;
        }
        try {
          await engines.close();
        } catch {
          code = 1;
        }
        resolve(code);
      })();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
