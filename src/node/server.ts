// The local HTTP front door: POST /ocr/v1/kitas-kitap (the reference contract) over the one pipeline.
// Bounded everywhere: upload size, pixels, pages, time per request, pipelines running at once and
// requests waiting. Nothing touches the disk and nothing personal reaches the logs.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import multipart from '@fastify/multipart';
import { DEFAULT_LIMITS, type Engines, type ReadLimits } from '../core/ports';
import { readDocument } from '../core/read-document';
import { REASONS, failureResult, type KitasResult, type Status } from '../core/schema';
import { sniffFormat } from '../core/sniff';
import { APP_VERSION } from '../core/version';

export const OCR_ROUTE = '/ocr/v1/kitas-kitap';
export const HEALTH_ROUTE = '/health';
/** The multipart field that carries the document, as in the reference. */
export const FILE_FIELD = 'image';

export interface ServerLimits extends ReadLimits {
  /** Largest accepted upload; a larger one is answered 413 without being kept. */
  maxUploadBytes: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  ...DEFAULT_LIMITS,
  maxUploadBytes: 20 * 1024 * 1024,
  maxFileBytes: 20 * 1024 * 1024,
};

export interface BasicCredential {
  user: string;
  pass: string;
}

export interface BuildServerOptions {
  /** Created once by the caller and shared by every request; the server never closes them. */
  engines: Engines;
  limits?: Partial<ServerLimits>;
  /** When non-empty, every OCR request needs `x-api-key` equal to one of these. */
  apiKeys?: readonly string[];
  /** When non-empty, every OCR request needs `Authorization: Basic` with one of these. */
  basicAuth?: readonly (BasicCredential | string)[];
  /** Pipelines running at once (they share one set of engines). Default 1. */
  concurrency?: number;
  /**
   * Requests admitted beyond the running ones (uploading or waiting); more get 503. Default 8. Fewer
   * are admitted when, at the observed reading time, they could not finish within `timeoutMs`.
   */
  queueSize?: number;
  /** Time limit per request from admission to answer (upload, wait and reading). Default 60 s. */
  timeoutMs?: number;
  /** Fastify logger setting; false (the default) for tests. Bodies, headers and names are never logged. */
  logger?: boolean | { level?: string; stream?: { write(line: string): void } };
  /** Date expiry warnings are judged against (tests pin it). */
  today?: () => Date;
}

/** The fastify instance (use `inject()` or `listen()`), with its admission gate for inspection. */
export type KitasServer = FastifyInstance & { gate: Gate };

/** Answer of every OCR request: the reference object, plus our `meta` on success. */
type Body = KitasResult;

const INTERNAL_PREFIX = 'Internal error';

/** HTTP code for a result the pipeline returned. */
export function httpStatusFor(result: KitasResult): number {
  const byStatus: Record<Status, number> = {
    SUCCESS: 200,
    NO_FILE: 400,
    FILE_INVALID_FORMAT: 415,
    FAILED: 422,
  };
  if (result.status === 'FAILED' && result.reason.startsWith(INTERNAL_PREFIX)) return 500;
  return byStatus[result.status];
}

export function buildServer(options: BuildServerOptions): KitasServer {
  const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  // readDocument's own file limit never undercuts what the server accepted.
  limits.maxFileBytes = Math.max(limits.maxFileBytes, limits.maxUploadBytes);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const queueSize = Math.max(0, Math.floor(options.queueSize ?? 8));
  const timeoutMs = Math.max(1, options.timeoutMs ?? 60_000);
  // Admit only what can be read within the time limit at the observed pace (a margin for variance).
  const gate = new Gate(concurrency, queueSize, 0.8 * timeoutMs);
  const checkAuth = makeAuthCheck(options.apiKeys ?? [], options.basicAuth ?? []);

  const app = Fastify({
    genReqId: () => randomUUID(),
    // No per-request lines from fastify (they would carry URLs and headers); ours is in onResponse.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'reqId' }),
    logger: options.logger
      ? {
          level: typeof options.logger === 'object' ? (options.logger.level ?? 'info') : 'info',
          ...(typeof options.logger === 'object' && options.logger.stream
            ? { stream: options.logger.stream }
            : {}),
          // Belt and braces: nothing below ever logs a request, but if something does, no secrets.
          redact: {
            paths: ['req.headers', 'req.body', 'headers', 'body', 'reason', 'read'],
            censor: '[redacted]',
          },
          serializers: {
            req: (req: { method?: string; url?: string }) => ({ method: req.method, url: pathOnly(req.url) }),
          },
        }
      : false,
    bodyLimit: 64 * 1024,
    // Node's own cap on the whole request (a slow upload cannot hold a socket forever).
    requestTimeout: timeoutMs + 30_000,
  });

  // Only multipart bodies are read. Any other body is left unread (Node discards it after the
  // answer) and the request is answered NO_FILE like a form without the image.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
  app.register(multipart, {
    limits: {
      fileSize: limits.maxUploadBytes,
      files: 1,
      fields: 16,
      fieldSize: 16 * 1024,
      fieldNameSize: 128,
      parts: 20,
      headerPairs: 64,
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('Request-Id', request.id);
    (request as TimedRequest).startedAt = performance.now();
  });

  app.addHook('onResponse', async (request, reply) => {
    const r = request as TimedRequest;
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        code: reply.statusCode,
        status: r.resultStatus,
        ms: Math.round(performance.now() - (r.startedAt ?? performance.now())),
        uploadBytes: r.uploadBytes,
      },
      'request done',
    );
  });

  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send({ error: 'Not Found', message: `No route ${request.method} ${pathOnly(request.url)}` });
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message?: string }, request, reply) => {
    const code =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    request.log.warn({ code, errorCode: error.code }, 'request error');
    if (request.routeOptions.url !== OCR_ROUTE) {
      return reply.code(code).send({ error: code >= 500 ? 'Internal Server Error' : 'Bad Request' });
    }
    const body =
      code === 413
        ? tooLarge(limits)
        : failureResult('FAILED', `The request could not be handled (${error.code ?? 'error'}).`);
    return send(request, reply, code, body);
  });

  app.get(HEALTH_ROUTE, async () => ({
    status: 'ok',
    version: APP_VERSION,
    queue: {
      running: gate.running,
      waiting: gate.waiting,
      concurrency,
      capacity: queueSize,
      avg_read_ms: Math.round(gate.avgMs),
    },
    limits: {
      max_upload_bytes: limits.maxUploadBytes,
      max_pdf_pages: limits.maxPdfPages,
      max_declared_pixels: limits.maxDeclaredPixels,
      timeout_ms: timeoutMs,
    },
  }));

  app.post(OCR_ROUTE, async (request, reply) => {
    if (!checkAuth(request)) {
      if (options.basicAuth?.length)
        reply.header('WWW-Authenticate', 'Basic realm="kitas-ocr", charset="UTF-8"');
      return send(
        request,
        reply,
        401,
        failureResult('FAILED', 'Unauthorized: missing or invalid credentials.'),
      );
    }

    const ticket = gate.admit();
    if (!ticket) {
      reply.header('Retry-After', String(gate.retryAfterSeconds()));
      // No `Connection: close` here or after 401: the body is unread, and closing while the client
      // still sends makes it see a reset instead of this answer. Node discards the body unbuffered.
      return send(
        request,
        reply,
        503,
        failureResult(
          'FAILED',
          'The server is busy: too many documents are waiting. Please try again shortly.',
        ),
      );
    }

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new TimeoutFired()), timeoutMs);
    // A client that hangs up stops its own reading.
    const onClose = () => {
      if (!reply.raw.writableFinished) controller.abort(new ClientGone());
    };
    reply.raw.on('close', onClose);
    let phase: 'upload' | 'queue' | 'read' = 'upload';
    // Once the pipeline starts, only its end gives the run slot back (see below).
    let pipelineStarted = false;
    try {
      const upload = await untilAborted(readUpload(request), controller.signal);
      (request as TimedRequest).uploadBytes = upload?.bytes.length ?? 0;
      if (!upload || upload.bytes.length === 0) {
        return send(
          request,
          reply,
          400,
          failureResult(
            'NO_FILE',
            upload?.malformed ? `${REASONS.noFile} (malformed multipart form).` : REASONS.noFile,
          ),
        );
      }
      if (!sniffFormat(upload.bytes)) {
        return send(request, reply, 415, failureResult('FILE_INVALID_FORMAT', REASONS.invalidFormat));
      }
      phase = 'queue';
      await untilAborted(ticket.acquire(), controller.signal);
      phase = 'read';
      const started = performance.now();
      pipelineStarted = true;
      const run = readDocument(upload.bytes, options.engines, {
        signal: controller.signal,
        limits,
        ...(options.today ? { today: options.today() } : {}),
      });
      // The run slot is held until the pipeline really stops, even after a time-out answer.
      void run.then(
        () => ticket.release(performance.now() - started),
        () => ticket.release(performance.now() - started),
      );
      const result = await untilAborted(run, controller.signal);
      return send(request, reply, httpStatusFor(result), result);
    } catch (e) {
      if (controller.signal.aborted && !(e instanceof UploadError)) {
        if (phase === 'upload') reply.header('Connection', 'close');
        if (controller.signal.reason instanceof ClientGone) return reply;
        return send(
          request,
          reply,
          504,
          failureResult(
            'FAILED',
            `Reading the document took longer than the limit of ${Math.round(timeoutMs / 1000)} s. Try a smaller or clearer file, or try again later.`,
          ),
        );
      }
      const err = e instanceof UploadError ? e.cause : e;
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 413) {
        reply.header('Connection', 'close');
        const code = (err as { code?: string }).code;
        const body =
          code === 'FST_REQ_FILE_TOO_LARGE'
            ? tooLarge(limits)
            : failureResult('FAILED', 'Too many parts in the form: send one file in the `image` field.');
        return send(request, reply, 413, body);
      }
      if (e instanceof UploadError) {
        return send(
          request,
          reply,
          400,
          failureResult('NO_FILE', `${REASONS.noFile} (malformed multipart form).`),
        );
      }
      request.log.error({ errorName: (err as Error)?.name }, 'internal error');
      return send(
        request,
        reply,
        500,
        failureResult('FAILED', `${INTERNAL_PREFIX} while handling the request. Please try again.`),
      );
    } finally {
      clearTimeout(timer);
      reply.raw.off('close', onClose);
      if (!pipelineStarted) ticket.release();
    }
  });

  app.decorate('gate', gate);
  return app as unknown as KitasServer;
}

interface TimedRequest extends FastifyRequest {
  startedAt?: number;
  uploadBytes?: number;
  resultStatus?: Status;
}

function send(request: FastifyRequest, reply: FastifyReply, code: number, body: Body): FastifyReply {
  (request as TimedRequest).resultStatus = body.status;
  return reply.code(code).type('application/json; charset=utf-8').send(body);
}

function tooLarge(limits: ServerLimits): KitasResult {
  return failureResult(
    'FAILED',
    `The file is over the upload limit of ${formatMb(limits.maxUploadBytes)}. Upload a smaller image or PDF.`,
  );
}

function formatMb(bytes: number): string {
  if (bytes < 1048576) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / 1048576;
  return `${mb >= 10 ? Math.round(mb) : Number(mb.toFixed(1))} MB`;
}

function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

class TimeoutFired extends Error {
  override name = 'TimeoutError';
}
class ClientGone extends Error {
  override name = 'AbortError';
}
/** Wraps anything the multipart reader throws, so it is not taken for a pipeline failure. */
class UploadError extends Error {
  constructor(override readonly cause: unknown) {
    super('upload failed');
  }
}

/**
 * Reads the `image` file of a multipart form into memory (the plugin stops at the size limit).
 * Other fields and files are drained and ignored. Returns null when there is no form or no image.
 */
async function readUpload(
  request: FastifyRequest,
): Promise<{ bytes: Uint8Array; malformed?: boolean } | null> {
  if (!request.isMultipart()) return null;
  let bytes: Uint8Array | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname === FILE_FIELD && !bytes) {
        const buf = await part.toBuffer();
        bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      } else {
        part.file.resume();
      }
    }
  } catch (e) {
    throw new UploadError(e);
  }
  return bytes ? { bytes } : null;
}

/** Resolves or rejects with `promise`, or rejects as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Admission and concurrency

export interface Ticket {
  /** Waits for a run slot (FIFO). */
  acquire(): Promise<void>;
  /**
   * Gives back whatever the ticket holds (the waiting place, or the run slot and the admission).
   * Idempotent. `ms`, the pipeline's run time, feeds the Retry-After estimate.
   */
  release(ms?: number): void;
}

/**
 * At most `concurrency` pipelines run; at most `concurrency + queueSize` requests are admitted at
 * once (uploading, waiting or running), so memory held by uploads is bounded too.
 */
export class Gate {
  running = 0;
  private admitted = 0;
  private readonly waiters: (() => void)[] = [];
  /** Moving average of a pipeline run, seeded with a guess for a one-page image. */
  avgMs = 5000;

  constructor(
    readonly concurrency: number,
    readonly queueSize: number,
    /** A request that would wait and run longer than this is refused (503) instead of timing out. */
    readonly budgetMs = Infinity,
  ) {}

  /** Requests admitted but not running (uploading or waiting for a slot). */
  get waiting(): number {
    return this.admitted - this.running;
  }

  /** Expected time until a request admitted now has been read. */
  expectedMs(): number {
    return (Math.floor(this.admitted / this.concurrency) + 1) * this.avgMs;
  }

  admit(): Ticket | null {
    if (this.admitted >= this.concurrency + this.queueSize) return null;
    // A free run slot always admits; a queued request must be expected to finish in time.
    if (this.admitted >= this.concurrency && this.expectedMs() > this.budgetMs) return null;
    this.admitted++;
    let state: 'admitted' | 'waiting' | 'running' | 'done' = 'admitted';
    let wake: (() => void) | null = null;
    return {
      acquire: () => {
        if (state !== 'admitted') return Promise.reject(new Error('ticket already used'));
        if (this.running < this.concurrency && this.waiters.length === 0) {
          this.running++;
          state = 'running';
          return Promise.resolve();
        }
        state = 'waiting';
        return new Promise<void>((resolve) => {
          wake = () => {
            state = 'running';
            resolve();
          };
          this.waiters.push(wake);
        });
      },
      release: (ms?: number) => {
        if (state === 'done') return;
        if (state === 'running') {
          if (ms !== undefined) this.avgMs = 0.8 * this.avgMs + 0.2 * ms;
          this.running--;
        } else if (wake) {
          const i = this.waiters.indexOf(wake);
          if (i >= 0) this.waiters.splice(i, 1);
        }
        state = 'done';
        this.admitted--;
        this.next();
      },
    };
  }

  /** Seconds a refused client should wait: the queue ahead drained at the observed pace. */
  retryAfterSeconds(): number {
    const s = Math.ceil(((this.waiting + 1) * this.avgMs) / this.concurrency / 1000);
    return Math.min(120, Math.max(1, s));
  }

  private next(): void {
    while (this.running < this.concurrency && this.waiters.length) {
      const wake = this.waiters.shift()!;
      this.running++;
      wake();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Authentication

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

function matchesAny(candidate: string, secrets: readonly Buffer[]): boolean {
  const d = digest(candidate);
  let ok = false;
  for (const s of secrets) ok = timingSafeEqual(d, s) || ok;
  return ok;
}

/**
 * Each configured mechanism is required: API keys -> `x-api-key`; Basic credentials ->
 * `Authorization: Basic`. Both configured (as in the reference's sample request) -> both needed.
 * Nothing configured -> open.
 */
export function makeAuthCheck(
  apiKeys: readonly string[],
  basicAuth: readonly (BasicCredential | string)[],
): (request: FastifyRequest) => boolean {
  const keys = apiKeys.filter((k) => k.length > 0).map(digest);
  const basics = basicAuth
    .map((c) => (typeof c === 'string' ? parseBasicPair(c) : c))
    .filter((c): c is BasicCredential => !!c)
    .map((c) => digest(`${c.user}:${c.pass}`));
  return (request) => {
    if (keys.length) {
      const key = request.headers['x-api-key'];
      if (typeof key !== 'string' || !matchesAny(key, keys)) return false;
    }
    if (basics.length) {
      const header = request.headers.authorization ?? '';
      const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
      if (!m) return false;
      const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
      if (!matchesAny(decoded, basics)) return false;
    }
    return true;
  };
}

/** "USER:PASS" -> credential (the password may contain ':'); null when malformed. */
export function parseBasicPair(s: string): BasicCredential | null {
  const i = s.indexOf(':');
  if (i <= 0) return null;
  return { user: s.slice(0, i), pass: s.slice(i + 1) };
}
