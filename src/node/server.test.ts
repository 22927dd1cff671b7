// API tests for POST /ocr/v1/kitas-kitap and GET /health, through fastify's inject (no port),
// plus one run of the real `kitas-ocr serve` process.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createNodeEngines, repoRoot, type NodeEngines } from '../engine/node/engines';
import { FIELD_NAMES, IMAGE_FIELDS, REASONS, TEXT_FIELDS, type KitasResult } from '../core/schema';
import { buildServer, Gate, makeAuthCheck, parseBasicPair, type BuildServerOptions } from './server';
import { parseServeArgs } from './serve-command';
import { IDENTITIES, permitImage, type PermitIdentity } from '../../scripts/fuzz/permit';
import { encryptedPdf } from '../../scripts/fuzz/corpus';
import { deferred, fakeEngines, form, until, UUID_RE } from '../../scripts/fuzz/helpers';
import sharp from 'sharp';

let engines: NodeEngines;
const apps: FastifyInstance[] = [];
const requestIds: string[] = [];
const TODAY = new Date('2026-01-15T00:00:00Z');

function server(options: Partial<BuildServerOptions> = {}): FastifyInstance {
  const app = buildServer({ engines, today: () => TODAY, ...options });
  apps.push(app);
  return app;
}

async function post(
  app: FastifyInstance,
  payload?: FormData | string,
  headers: Record<string, string> = {},
): Promise<{ res: LightMyRequestResponse; body: KitasResult }> {
  const res = await app.inject({ method: 'POST', url: '/ocr/v1/kitas-kitap', payload, headers });
  requestIds.push(String(res.headers['request-id']));
  return { res, body: res.json() as KitasResult };
}

function expectReferenceShape(body: KitasResult): void {
  expect(Object.keys(body.read).sort()).toEqual([...FIELD_NAMES].sort());
  expect(Object.keys(body.read)).toHaveLength(24);
  for (const name of TEXT_FIELDS) {
    const f = body.read[name];
    expect(Object.keys(f).sort(), name).toEqual(
      ['confidence', 'confidence_text', 'page_index', 'polygon', 'value', 'value_original'].sort(),
    );
    expect(typeof f.value).toBe('string');
    expect(f.confidence).toBeGreaterThanOrEqual(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
    expect(Array.isArray(f.polygon)).toBe(true);
  }
  for (const name of IMAGE_FIELDS) {
    const f = body.read[name];
    expect(typeof f.value).toBe('string');
    expect(Array.isArray(f.polygon)).toBe(true);
    expect(typeof f.page_index).toBe('number');
  }
}

/** The generator engineer's committed fixture and its truth, when present. */
function fixture(): { bytes: Uint8Array; truth: KitasResult } | null {
  const png = path.join(repoRoot, 'e2e/fixtures/page.png');
  const truthFile = path.join(repoRoot, 'e2e/fixtures/page.truth.json');
  if (!existsSync(png) || !existsSync(truthFile)) return null;
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as { expected: KitasResult };
  return { bytes: new Uint8Array(readFileSync(png)), truth: truth.expected };
}

beforeAll(async () => {
  engines = await createNodeEngines({ threads: 2, recognizerWorkers: 2 });
});

afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await engines?.close();
  // Every answer above carried its own fresh uuid.
  for (const id of requestIds) expect(id).toMatch(UUID_RE);
  expect(new Set(requestIds).size).toBe(requestIds.length);
});

describe('POST /ocr/v1/kitas-kitap with the real engines', () => {
  it('reads a generated permit: 200 SUCCESS, 24 fields in the reference shape, its own name and number', async () => {
    const app = server();
    const id: PermitIdentity = IDENTITIES[0]!;
    const { res, body } = await post(
      app,
      form(new Uint8Array(await permitImage(id)), 'permit.png', 'image', 'image/png'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(body.status).toBe('SUCCESS');
    expect(body.reason).toMatch(/^File successfully read\./);
    expectReferenceShape(body);
    // The fields a mix-up between documents would show; the core's accuracy is tested elsewhere.
    expect(body.read.full_name.value).toBe(id.full_name);
    expect(body.read.permit_number.value).toBe(id.permit_number);
    expect(body.read.photo.value.length).toBeGreaterThan(100);
    expect(['KITAS', 'KITAP']).toContain(body.meta?.document_class);
  });

  it('reads e2e/fixtures/page.png: 200 SUCCESS in the reference shape, most fields as in its truth', async () => {
    const fx = fixture();
    expect(fx, 'e2e/fixtures/page.png and page.truth.json are committed by the generator').not.toBeNull();
    const app = server();
    const { res, body } = await post(app, form(fx!.bytes, 'page.png', 'image', 'image/png'));
    expect(res.statusCode).toBe(200);
    expect(body.status).toBe('SUCCESS');
    expectReferenceShape(body);
    const expected = TEXT_FIELDS.filter((k) => fx!.truth.read[k].value !== '');
    const matched = expected.filter((k) => body.read[k].value === fx!.truth.read[k].value);
    expect(matched.length, `matched ${matched.join(', ')}`).toBeGreaterThanOrEqual(
      Math.ceil(expected.length / 2),
    );
  });

  it('answers 400 NO_FILE without a form, without an image field, and for an empty image', async () => {
    const app = server();
    const textOnly = new FormData();
    textOnly.append('image', 'not a file');
    const otherField = form(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'x.png', 'document');
    const cases: [string, FormData | string | undefined, Record<string, string>][] = [
      ['no body', undefined, {}],
      ['JSON body', '{"image":"aGVsbG8="}', { 'content-type': 'application/json' }],
      ['raw PNG body', 'PNG', { 'content-type': 'image/png' }],
      ['text field named image', textOnly, {}],
      ['file in another field', otherField, {}],
      ['empty image file', form(new Uint8Array(0), 'empty.png'), {}],
      ['empty form', new FormData(), {}],
    ];
    for (const [name, payload, headers] of cases) {
      const { res, body } = await post(app, payload, headers);
      expect(res.statusCode, name).toBe(400);
      expect(body.status, name).toBe('NO_FILE');
      expect(body.reason, name).toBe(REASONS.noFile);
      expectReferenceShape(body);
    }
  });

  it('answers 400 NO_FILE for a malformed multipart body', async () => {
    const app = server();
    const { res, body } = await post(
      app,
      '--XYZ\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\n\r\nabc',
      {
        'content-type': 'multipart/form-data; boundary=XYZ',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(body.status).toBe('NO_FILE');
    expect(body.reason).toMatch(/malformed/);
  });

  it('answers 415 FILE_INVALID_FORMAT for a text file named .jpg (content is sniffed)', async () => {
    const app = server();
    const { res, body } = await post(
      app,
      form(new TextEncoder().encode('hello, not a jpeg\n'), 'permit.jpg', 'image', 'image/jpeg'),
    );
    expect(res.statusCode).toBe(415);
    expect(body.status).toBe('FILE_INVALID_FORMAT');
    expect(body.reason).toBe(REASONS.invalidFormat);
    expectReferenceShape(body);
  });

  it('answers 422 FAILED for a truncated PNG and for an encrypted PDF (reason says password)', async () => {
    const app = server();
    const png = await permitImage(IDENTITIES[0]!);
    const cut = await post(app, form(new Uint8Array(png.subarray(0, png.length >> 2)), 'cut.png'));
    expect(cut.res.statusCode).toBe(422);
    expect(cut.body.status).toBe('FAILED');
    expect(cut.body.reason).toMatch(/damaged or incomplete/);
    const locked = await post(app, form(new Uint8Array(encryptedPdf()), 'locked.pdf'));
    expect(locked.res.statusCode).toBe(422);
    expect(locked.body.status).toBe('FAILED');
    expect(locked.body.reason).toMatch(/password/i);
    expectReferenceShape(locked.body);
  });

  it('answers 413 FAILED for an upload over the size limit, and keeps serving', async () => {
    const app = server({ limits: { maxUploadBytes: 64 * 1024 } });
    const big = new Uint8Array(200 * 1024).fill(7);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { res, body } = await post(app, form(big, 'big.png'));
    expect(res.statusCode).toBe(413);
    expect(body.status).toBe('FAILED');
    expect(body.reason).toMatch(/over the upload limit of 64 KB\./);
    const next = await post(app, form(new TextEncoder().encode('text'), 'a.jpg'));
    expect(next.res.statusCode).toBe(415);
  });

  it('answers 413 for a form with two files', async () => {
    const app = server();
    const fd = form(new Uint8Array([1, 2, 3]), 'a.png');
    fd.append('image', new Blob([new Uint8Array([4, 5, 6])]), 'b.png');
    const { res, body } = await post(app, fd);
    expect(res.statusCode).toBe(413);
    expect(body.status).toBe('FAILED');
  });
});

describe('authentication', () => {
  const dot = async () =>
    new Uint8Array(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    );

  it('with API keys: missing or wrong x-api-key -> 401 JSON, a right one -> 200', async () => {
    const app = server({ apiKeys: ['k-one', 'k-two'] });
    const png = await dot();
    const missing = await post(app, form(png, 'a.png'));
    expect(missing.res.statusCode).toBe(401);
    expect(missing.res.headers['content-type']).toMatch(/^application\/json/);
    expect(missing.body.status).toBe('FAILED');
    expect(missing.body.reason).toMatch(/Unauthorized/);
    const wrong = await post(app, form(png, 'a.png'), { 'x-api-key': 'k-three' });
    expect(wrong.res.statusCode).toBe(401);
    const prefix = await post(app, form(png, 'a.png'), { 'x-api-key': 'k-on' });
    expect(prefix.res.statusCode).toBe(401);
    const ok = await post(app, form(png, 'a.png'), { 'x-api-key': 'k-two' });
    expect(ok.res.statusCode).toBe(200);
    expect(ok.body.status).toBe('SUCCESS');
    // Health stays open for probes.
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('with Basic credentials: a right pair -> 200, a wrong one -> 401 with WWW-Authenticate', async () => {
    const app = server({ basicAuth: ['ops:s3cr:et'] });
    const png = await dot();
    const basic = (s: string) => ({ authorization: `Basic ${Buffer.from(s).toString('base64')}` });
    const ok = await post(app, form(png, 'a.png'), basic('ops:s3cr:et'));
    expect(ok.res.statusCode).toBe(200);
    const wrong = await post(app, form(png, 'a.png'), basic('ops:nope'));
    expect(wrong.res.statusCode).toBe(401);
    expect(wrong.res.headers['www-authenticate']).toMatch(/^Basic realm=/);
    const bearer = await post(app, form(png, 'a.png'), { authorization: 'Bearer ops:s3cr:et' });
    expect(bearer.res.statusCode).toBe(401);
  });

  it('with both configured (as in the reference sample request), both headers are needed', async () => {
    const app = server({ apiKeys: ['key'], basicAuth: [{ user: 'u', pass: 'p' }] });
    const png = await dot();
    const basic = { authorization: `Basic ${Buffer.from('u:p').toString('base64')}` };
    expect((await post(app, form(png, 'a.png'), basic)).res.statusCode).toBe(401);
    expect((await post(app, form(png, 'a.png'), { 'x-api-key': 'key' })).res.statusCode).toBe(401);
    expect((await post(app, form(png, 'a.png'), { ...basic, 'x-api-key': 'key' })).res.statusCode).toBe(200);
  });

  it('parses credentials', () => {
    expect(parseBasicPair('a:b:c')).toEqual({ user: 'a', pass: 'b:c' });
    expect(parseBasicPair(':x')).toBeNull();
    expect(parseBasicPair('nocolon')).toBeNull();
    const open = makeAuthCheck([], []);
    expect(open({ headers: {} } as never)).toBe(true);
  });
});

describe('bounds, with fake engines', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

  it('answers 503 + Retry-After when the queue is full, and serves the queued ones after', async () => {
    const release = deferred();
    const fake = fakeEngines({ gate: () => release.promise });
    const app = buildServer({ engines: fake, concurrency: 1, queueSize: 1 });
    const gate = app.gate;
    apps.push(app);
    const first = post(app, form(png, 'a.png'));
    await until(() => fake.started === 1);
    const second = post(app, form(png, 'b.png'));
    await until(() => gate.waiting === 1);
    const health = (await app.inject({ method: 'GET', url: '/health' })).json();
    expect(health.queue).toMatchObject({ running: 1, waiting: 1, concurrency: 1, capacity: 1 });
    const third = await post(app, form(png, 'c.png'));
    expect(third.res.statusCode).toBe(503);
    expect(Number(third.res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(third.body.status).toBe('FAILED');
    expect(third.body.reason).toMatch(/busy/);
    expect(fake.started).toBe(1); // the refused one never reached the engines
    release.resolve();
    const [a, b] = await Promise.all([first, second]);
    expect(a.res.statusCode).toBe(200);
    expect(b.res.statusCode).toBe(200);
    expect(a.body.status).toBe('SUCCESS');
    expect(gate.running + gate.waiting).toBe(0);
  });

  it('over a real socket, a client still uploading receives its 503 and 401 (no reset)', async () => {
    const release = deferred();
    const fake = fakeEngines({ gate: () => release.promise });
    const app = buildServer({ engines: fake, concurrency: 1, queueSize: 0, apiKeys: ['k'] });
    apps.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const url = `http://127.0.0.1:${port}/ocr/v1/kitas-kitap`;
    const big = new Uint8Array(4 * 1024 * 1024);
    big.set(png);
    const first = fetch(url, { method: 'POST', body: form(png, 'a.png'), headers: { 'x-api-key': 'k' } });
    await until(() => fake.started === 1);
    for (let i = 0; i < 3; i++) {
      const busy = await fetch(url, {
        method: 'POST',
        body: form(big, 'b.png'),
        headers: { 'x-api-key': 'k' },
      });
      expect(busy.status).toBe(503);
      expect(((await busy.json()) as KitasResult).reason).toMatch(/busy/);
      const denied = await fetch(url, { method: 'POST', body: form(big, 'c.png') });
      expect(denied.status).toBe(401);
      await denied.arrayBuffer();
    }
    release.resolve();
    expect((await first).status).toBe(200);
  });

  it('admits into the queue only what can be read within the time limit at the observed pace', () => {
    const gate = new Gate(1, 8, 800);
    const first = gate.admit();
    expect(first).not.toBeNull(); // a free run slot always admits
    expect(gate.admit()).toBeNull(); // the seeded 5 s guess: a second one would not finish in 0.8 s
    gate.avgMs = 100;
    const admitted = [first];
    for (let t = gate.admit(); t; t = gate.admit()) admitted.push(t);
    expect(admitted).toHaveLength(8); // 8 rounds of 100 ms fit in 800 ms, a 9th does not
    for (const t of admitted) t!.release();
    expect(gate.running + gate.waiting).toBe(0);
    expect(new Gate(1, 2).admit()).not.toBeNull();
  });

  it('answers 504 at the time limit, and holds the run slot until the pipeline really stops', async () => {
    const release = deferred();
    const fake = fakeEngines({ gate: () => release.promise });
    const app = buildServer({ engines: fake, concurrency: 1, queueSize: 0, timeoutMs: 150 });
    const gate = app.gate;
    apps.push(app);
    const t0 = Date.now();
    const { res, body } = await post(app, form(png, 'slow.png'));
    expect(res.statusCode).toBe(504);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(body.status).toBe('FAILED');
    expect(body.reason).toMatch(/longer than the limit/);
    // The engines are still busy: no second pipeline may start beside it.
    expect(gate.running).toBe(1);
    const busy = await post(app, form(png, 'next.png'));
    expect(busy.res.statusCode).toBe(503);
    release.resolve();
    await until(() => gate.running === 0 && fake.finished === 1);
    const after = await post(app, form(png, 'after.png'));
    expect(after.res.statusCode).toBe(200);
  });

  it('answers 500 FAILED when an engine breaks, and 422 when it reports bad input', async () => {
    const broken = buildServer({ engines: fakeEngines({ fail: new TypeError('x is undefined') }) });
    apps.push(broken);
    const e500 = await post(broken, form(png, 'a.png'));
    expect(e500.res.statusCode).toBe(500);
    expect(e500.body.status).toBe('FAILED');
    expect(e500.body.reason).toMatch(/^Internal error/);
    const { InputError } = await import('../core/ports');
    const bad = buildServer({ engines: fakeEngines({ fail: new InputError('corrupt', 'bad bytes') }) });
    apps.push(bad);
    const e422 = await post(bad, form(png, 'a.png'));
    expect(e422.res.statusCode).toBe(422);
  });

  it('logs request id, codes, timing and sizes only: no names, keys or contents', async () => {
    const lines: string[] = [];
    const app = buildServer({
      engines: fakeEngines(),
      apiKeys: ['SECRET-KEY-123'],
      logger: { level: 'info', stream: { write: (l: string) => void lines.push(l) } },
    });
    apps.push(app);
    const { res } = await post(app, form(png, 'AMELIA_WINTERBOURNE_permit.png'), {
      'x-api-key': 'SECRET-KEY-123',
    });
    expect(res.statusCode).toBe(200);
    await post(app, form(png, 'AMELIA_WINTERBOURNE_permit.png'), { 'x-api-key': 'WRONG-KEY-456' });
    const log = lines.join('');
    expect(log).toContain(String(res.headers['request-id']));
    expect(log).toMatch(/"code":200/);
    expect(log).toMatch(/"uploadBytes":12/);
    expect(log).not.toMatch(/AMELIA|WINTERBOURNE|SECRET-KEY|WRONG-KEY|x-api-key|authorization/i);
  });

  it('GET /health reports status, version and queue; unknown routes are 404 with a Request-Id', async () => {
    const app = server();
    const res = await app.inject({ method: 'GET', url: '/health' });
    requestIds.push(String(res.headers['request-id']));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'ok', queue: { running: 0, waiting: 0 } });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    const missing = await app.inject({ method: 'GET', url: '/nope' });
    requestIds.push(String(missing.headers['request-id']));
    expect(missing.statusCode).toBe(404);
  });
});

describe('kitas-ocr serve', () => {
  it('parses its options and environment', () => {
    const a = parseServeArgs(['--port', '0', '--api-key', 'k2', '--basic', 'u:p', '--max-upload-mb', '5'], {
      KITAS_API_KEYS: 'k1, k0',
      KITAS_BASIC_AUTH: 'x:y',
    });
    expect(a).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      apiKeys: ['k1', 'k0', 'k2'],
      basicAuth: [
        { user: 'x', pass: 'y' },
        { user: 'u', pass: 'p' },
      ],
      limits: { maxUploadBytes: 5 * 1048576 },
    });
    expect(parseServeArgs(['--port', 'abc'], {})).toMatch(/--port/);
    expect(parseServeArgs(['--basic', 'nocolon'], {})).toMatch(/--basic/);
    expect(parseServeArgs(['--wat'], {})).toMatch(/unknown option/);
  });

  it('starts on loopback, answers, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['bin/kitas-ocr.mjs', 'serve', '--port', '0'], {
      cwd: repoRoot,
      env: { ...process.env, KITAS_API_KEYS: 'cli-key' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until(() => /listening on http:\/\/127\.0\.0\.1:\d+/.test(out), 60_000);
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(health.headers.get('request-id')).toMatch(UUID_RE);
      const fd = form(new TextEncoder().encode('not an image'), 'a.jpg');
      expect((await fetch(`${base}/ocr/v1/kitas-kitap`, { method: 'POST', body: fd })).status).toBe(401);
      const res = await fetch(`${base}/ocr/v1/kitas-kitap`, {
        method: 'POST',
        body: fd,
        headers: { 'x-api-key': 'cli-key' },
      });
      expect(res.status).toBe(415);
      expect(((await res.json()) as KitasResult).status).toBe('FILE_INVALID_FORMAT');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).not.toContain('cli-key');
  });
});
