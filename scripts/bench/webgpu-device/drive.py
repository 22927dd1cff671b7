#!/usr/bin/env python3
"""Reads fixtures with the built app in headless Chromium and records which detector backend ran.

Made for the GPU machine the `device` tool lends, which has Python but no Node and no registry: it
drives Chromium over its DevTools pipe (--remote-debugging-pipe, no websocket library needed) and
serves dist/ itself with the app's isolation headers. Run it twice, with and without WebGPU flags,
to compare the WebGPU detector against WASM on the same machine (docs/webgpu.md says how).

  python3 scripts/bench/webgpu-device/drive.py --chrome PATH --dist dist --fixtures DIR \
      --files a.png,b.jpg --out reads.json [--repeat 2] [--flag=--enable-unsafe-webgpu ...]
"""

import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

MIME = {
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.wasm': 'application/wasm',
    '.json': 'application/json',
    '.webmanifest': 'application/manifest+json',
    '.html': 'text/html',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.pdf': 'application/pdf',
}

ADAPTER_INFO = """(async () => {
  const gpu = navigator.gpu;
  if (!gpu) return { navigator_gpu: false };
  const adapter = await gpu.requestAdapter();
  if (!adapter) return { navigator_gpu: true, adapter: null };
  const info = adapter.info || {};
  return {
    navigator_gpu: true,
    vendor: info.vendor, architecture: info.architecture, device: info.device,
    description: info.description,
    fallback: Boolean(adapter.isFallbackAdapter || info.isFallbackAdapter),
    max_buffer_mb: Math.round(adapter.limits.maxBufferSize / 1048576),
  };
})()"""

READ_ONE = """(async (name) => {
  const bytes = new Uint8Array(await (await fetch('/fx/' + name)).arrayBuffer());
  return await window.__kitasReadTimed(bytes, name);
})(%s)"""


class Handler(http.server.SimpleHTTPRequestHandler):
    fixtures = '.'

    def translate_path(self, path):
        clean = path.split('?', 1)[0].split('#', 1)[0]
        if clean.startswith('/fx/'):
            return os.path.join(self.fixtures, os.path.basename(clean))
        return super().translate_path(path)

    def guess_type(self, path):
        return MIME.get(os.path.splitext(path)[1], 'application/octet-stream')

    def end_headers(self):
        self.send_header('Cross-Origin-Opener-Policy', 'same-origin')
        self.send_header('Cross-Origin-Embedder-Policy', 'require-corp')
        self.send_header('Cross-Origin-Resource-Policy', 'same-origin')
        super().end_headers()

    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # Chromium drops connections when it closes; that is not worth a traceback


class DevTools:
    """The DevTools protocol over the pipe Chromium opens on fds 3 (in) and 4 (out)."""

    def __init__(self, chrome, flags, log):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.profile = tempfile.mkdtemp(prefix='kitas-chrome-')
        args = [chrome, '--headless', '--remote-debugging-pipe', f'--user-data-dir={self.profile}', *flags]
        self.proc = subprocess.Popen(args, preexec_fn=wire, close_fds=False, stdout=log, stderr=log)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next_id = 0
        self._buffer = b''
        self.events = []

    def _read_message(self, deadline):
        while b'\0' not in self._buffer:
            if time.time() > deadline:
                raise TimeoutError('no answer from Chromium')
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError('Chromium closed its DevTools pipe (did it crash? see the log)')
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b'\0', 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None, timeout=120):
        self._next_id += 1
        message = {'id': self._next_id, 'method': method, 'params': params or {}}
        if session:
            message['sessionId'] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b'\0')
        deadline = time.time() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get('id') == self._next_id:
                if 'error' in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get('result', {})
            self.events.append(reply)

    def evaluate(self, session, expression, timeout=300):
        result = self.call(
            'Runtime.evaluate',
            {'expression': expression, 'awaitPromise': True, 'returnByValue': True},
            session,
            timeout,
        )
        if 'exceptionDetails' in result:
            raise RuntimeError(json.dumps(result['exceptionDetails'])[:2000])
        return result['result'].get('value')

    def close(self):
        try:
            self.call('Browser.close', timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def console_lines(events):
    lines = []
    for event in events:
        params = event.get('params', {})
        if event.get('method') == 'Runtime.consoleAPICalled':
            text = ' '.join(str(a.get('value', a.get('description', ''))) for a in params.get('args', []))
            lines.append(f"{params.get('type')}: {text}"[:500])
        elif event.get('method') == 'Log.entryAdded':
            entry = params.get('entry', {})
            lines.append(f"{entry.get('level')}: {entry.get('text')}"[:500])
    return lines


def strip_images(result):
    """The photo and signature crops are large base64 strings; the comparison needs the text only."""
    for key in ('photo', 'sign'):
        field = (result.get('read') or {}).get(key)
        if isinstance(field, dict) and len(str(field.get('value', ''))) > 64:
            field['value'] = f"<{len(field['value'])} base64 chars>"
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--chrome', required=True)
    parser.add_argument('--dist', required=True)
    parser.add_argument('--fixtures', required=True)
    parser.add_argument('--files', required=True)
    parser.add_argument('--out', required=True)
    parser.add_argument('--repeat', type=int, default=2)
    parser.add_argument('--flag', action='append', default=[])
    opts = parser.parse_args()

    Handler.fixtures = os.path.abspath(opts.fixtures)
    server = QuietServer(
        ('127.0.0.1', 0), functools.partial(Handler, directory=os.path.abspath(opts.dist))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f'http://127.0.0.1:{server.server_address[1]}/?bench=1'

    report = {'flags': opts.flag, 'reads': [], 'errors': []}
    with open(opts.out + '.chrome.log', 'wb') as log:
        tools = DevTools(opts.chrome, ['--no-sandbox', '--no-first-run', '--disable-sync', '--enable-logging=stderr', *opts.flag], log)
        try:
            target = tools.call('Target.createTarget', {'url': 'about:blank'})['targetId']
            session = tools.call('Target.attachToTarget', {'targetId': target, 'flatten': True})['sessionId']
            for domain in ('Runtime.enable', 'Log.enable', 'Page.enable'):
                tools.call(domain, session=session)
            tools.call('Page.navigate', {'url': url}, session)
            deadline = time.time() + 90
            while tools.evaluate(session, 'typeof window.__kitasReadTimed') != 'function':
                if time.time() > deadline:
                    raise TimeoutError('the app did not expose __kitasReadTimed (built without bench-hook?)')
                time.sleep(0.5)
            # WebGPU exists only in a secure context: ask on the app's page, not about:blank.
            report['adapter'] = tools.evaluate(session, ADAPTER_INFO)
            print('adapter:', json.dumps(report['adapter']), flush=True)
            for name in [n for n in opts.files.split(',') if n]:
                for attempt in range(opts.repeat):
                    started = time.time()
                    try:
                        read = tools.evaluate(session, READ_ONE % json.dumps(name), timeout=600)
                    except Exception as err:  # one bad read must not hide the others
                        report['errors'].append(f'{name}: {err}')
                        print(f'{name}: ERROR {err}', flush=True)
                        break
                    read['result'] = strip_images(read['result'])
                    read.update(file=name, attempt=attempt, driver_s=round(time.time() - started, 2))
                    report['reads'].append(read)
                    print(
                        f"{name} #{attempt}: backend={read['backend']} read={read['timings']['readMs']:.0f} ms"
                        f" init={read['timings']['engineInitMs']:.0f} ms status={read['result'].get('status')}",
                        flush=True,
                    )
        except Exception as err:
            report['errors'].append(str(err))
            print('ERROR', err, flush=True)
        finally:
            report['console'] = console_lines(tools.events)
            tools.close()
            server.shutdown()
    with open(opts.out, 'w') as out:
        json.dump(report, out, indent=1)
    return 0 if report['reads'] and not report['errors'] else 1


if __name__ == '__main__':
    sys.exit(main())
