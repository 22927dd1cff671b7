/// <reference lib="webworker" />
// The service worker: precaches everything the app and its pipeline load (built JS/CSS, the reading
// worker, onnxruntime's wasm + mjs, tesseract's worker/cores/traineddata, pdf.js's worker, wasm, cmaps
// and fonts, the detector model) so that after one visit the app starts and reads with the network off.
//
// This file is self-contained on purpose (no imports): the build (scripts/pwa/service-worker-plugin.ts)
// transpiles it and prepends `self.__KITAS_SW__`, the versioned precache list and the headers the
// server sends. Every response served from the cache gets those headers again (COOP/COEP/CSP), so
// the page stays cross-origin isolated offline and WASM keeps its threads.

declare const self: ServiceWorkerGlobalScope & { __KITAS_SW__: SwConfig };

interface SwConfig {
  /** Content hash of the build: a new build is a new cache. */
  version: string;
  /** Paths relative to the scope, e.g. 'index.html', 'assets/index-abc.js'. */
  files: string[];
  /** Headers to set on every response served from the cache (isolation and CSP). */
  headers: Record<string, string>;
}

const config = self.__KITAS_SW__;
const PREFIX = 'kitas-';
const PRECACHE = `${PREFIX}precache-${config.version}`;
/** Small files fetched network-first with the last good copy kept (the kiosk configuration). */
const RUNTIME = `${PREFIX}runtime`;
const NETWORK_FIRST = new Set(['kiosk-config.json']);

const scope = new URL(self.registration.scope);
const abs = (path: string) => new URL(path, scope).href;
const precached = new Set(config.files.map(abs));
const shell = abs('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PRECACHE);
      // Bypass the HTTP cache: what lands here must be exactly this build's files.
      const missing: string[] = [];
      for (const url of precached) if (!(await cache.match(url))) missing.push(url);
      // A few at a time: the big wasm files and ~200 cmaps should not all be in flight at once.
      for (let i = 0; i < missing.length; i += 8) {
        await Promise.all(
          missing.slice(i, i + 8).map(async (url) => {
            const res = await fetch(url, { cache: 'reload', credentials: 'same-origin' });
            if (!res.ok) throw new Error(`precache: ${url} answered ${res.status}`);
            await cache.put(url, res);
          }),
        );
      }
      // A first visit takes over at once (nothing older to break). An update waits until the app
      // says it is safe (the page asks with 'skip-waiting'), so a running page never loses the
      // chunks it was built with.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== PRECACHE && name !== RUNTIME) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'skip-waiting') void self.skipWaiting();
  if (data?.type === 'status') {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(PRECACHE);
        const keys = await cache.keys();
        event.source?.postMessage({
          type: 'status',
          version: config.version,
          cached: keys.length,
          total: precached.size,
        });
      })(),
    );
  }
});

/** The cached response with the server's isolation and CSP headers set again. */
function withHeaders(res: Response): Response {
  const headers = new Headers(res.headers);
  for (const [k, v] of Object.entries(config.headers)) headers.set(k, v);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

async function fromPrecache(url: string): Promise<Response | undefined> {
  const cache = await caches.open(PRECACHE);
  return (await cache.match(url)) ?? undefined;
}

async function respond(request: Request, url: URL): Promise<Response> {
  const key = url.origin + url.pathname;
  const relative = url.pathname.slice(scope.pathname.length);

  if (NETWORK_FIRST.has(relative)) {
    const cache = await caches.open(RUNTIME);
    try {
      const res = await fetch(request, { cache: 'no-store' });
      if (res.ok) await cache.put(key, res.clone());
      return res;
    } catch (err) {
      const cached = await cache.match(key);
      if (cached) return withHeaders(cached);
      throw err;
    }
  }

  // The app has one page: any navigation inside the scope gets the shell (query strings such as
  // ?kiosk=1 are read by the app itself).
  if (request.mode === 'navigate' && (key === scope.href || key === shell)) {
    const cached = await fromPrecache(shell);
    if (cached) return withHeaders(cached);
  } else if (precached.has(key)) {
    const cached = await fromPrecache(key);
    if (cached) return withHeaders(cached);
  }
  return fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (url.pathname === new URL('sw.js', scope).pathname) return;
  event.respondWith(respond(request, url));
});

// A type-only export: makes this file a module for the type checker, erased from the output.
export type { SwConfig };
