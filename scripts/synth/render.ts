// Headless Chromium: lays out a DocSpec, shrinks it until nothing overflows or overlaps, measures every
// marked value from the DOM, and returns a PNG screenshot or a PDF with its text layer.
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { MarkKey } from './html';
import { MM_TO_CSS } from './spec';
import type { DocSpec } from './spec';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A box in CSS px relative to its sheet. */
export interface CssBox {
  sheet: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type Boxes = Partial<Record<MarkKey, CssBox>>;

export interface ExtraSheet {
  css: string;
  body: string;
}

function documentHtml(spec: DocSpec, sheets: { body: string; extra?: boolean }[], extraCss = ''): string {
  const w = spec.widthMm;
  const h = spec.heightMm;
  const radius = spec.rounded ? 'border-radius: 3.2mm;' : '';
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    @page { size: ${w}mm ${h}mm; margin: 0; }
    html, body { margin: 0; padding: 0; background: #ffffff; }
    * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    svg { display: block; }
    .sheet { position: relative; width: ${w}mm; height: ${h}mm; overflow: hidden; ${radius}
      font-size: calc(var(--k, 1) * ${spec.fontPx.toFixed(2)}px); line-height: 1.3; break-after: page; }
    .sheet:last-child { break-after: auto; }
    ${spec.css}
    ${extraCss}
  </style></head><body>${sheets
    .map((s) => `<div class="sheet${s.extra ? ' extra' : ''}">${s.body}</div>`)
    .join('')}</body></html>`;
}

const MEASURE = `(() => {
  const sheets = [...document.querySelectorAll('.sheet')];
  const out = {};
  let problem = '';
  const rects = [];
  for (const el of document.querySelectorAll('[data-f]')) {
    const sheet = el.closest('.sheet');
    const sr = sheet.getBoundingClientRect();
    let list;
    if (el.tagName === 'SPAN') {
      const range = document.createRange();
      range.selectNodeContents(el);
      list = [...range.getClientRects()];
    } else {
      list = [el.getBoundingClientRect()];
    }
    list = list.filter((r) => r.width > 0.5 && r.height > 0.5);
    if (list.length === 0) { problem = 'empty ' + el.dataset.f; continue; }
    const box = {
      sheet: sheets.indexOf(sheet),
      x0: Math.min(...list.map((r) => r.left)) - sr.left,
      y0: Math.min(...list.map((r) => r.top)) - sr.top,
      x1: Math.max(...list.map((r) => r.right)) - sr.left,
      y1: Math.max(...list.map((r) => r.bottom)) - sr.top,
    };
    if (box.x0 < 1 || box.y0 < 1 || box.x1 > sr.width - 1 || box.y1 > sr.height - 1) problem = 'outside ' + el.dataset.f;
    // Clipped by an ancestor that hides overflow?
    let a = el.parentElement;
    while (a && a !== sheet) {
      const ar = a.getBoundingClientRect();
      const st = getComputedStyle(a);
      if (st.overflow !== 'visible' && (box.x1 + sr.left > ar.right + 0.5 || box.y1 + sr.top > ar.bottom + 0.5)) problem = 'clipped ' + el.dataset.f;
      a = a.parentElement;
    }
    out[el.dataset.f] = box;
    rects.push([el.dataset.f, box]);
  }
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) {
      const [ka, a] = rects[i];
      const [kb, b] = rects[j];
      if (a.sheet !== b.sheet) continue;
      const ix = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const iy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (ix > 0.5 && iy > 0.5) problem = 'overlap ' + ka + ' ' + kb;
    }
  // Blocks that must not overlap each other (main table vs footer).
  const blocks = [...document.querySelectorAll('[data-block]')].map((e) => e.getBoundingClientRect());
  for (let i = 0; i < blocks.length; i++)
    for (let j = i + 1; j < blocks.length; j++) {
      const a = blocks[i], b = blocks[j];
      if (Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top)) problem = 'block overlap';
    }
  for (const s of sheets) for (const c of s.querySelectorAll('.content, .frame')) {
    if (c.scrollHeight > c.clientHeight + 1) problem = 'overflow ' + c.className + ' ' + c.scrollHeight + ' ' + c.clientHeight + ' ' + c.scrollWidth + ' ' + c.clientWidth;
  }
  return { boxes: out, problem };
})()`;

/**
 * Every printed word with its box (CSS px from the sheet's corner), in document order: line-level
 * truth for training and measuring the recognizer. Text the CSS hides or clips is left out.
 */
const MEASURE_WORDS = `(() => {
  const sheet = document.querySelector('.sheet');
  const sr = sheet.getBoundingClientRect();
  const words = [];
  const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el) continue;
    const st = getComputedStyle(el);
    if (st.visibility !== 'visible' || st.display === 'none' || Number(st.opacity) < 0.5) continue;
    const text = node.textContent;
    const re = /\\S+/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
      if (rects.length !== 1) continue;
      const r = rects[0];
      if (r.left < sr.left || r.top < sr.top || r.right > sr.right || r.bottom > sr.bottom) continue;
      // Whether white space precedes the word in its own text node; a node's first word may still
      // touch the previous node's last one.
      const space = m.index > 0 ? true : null;
      const spaceAfter = m.index + m[0].length < text.length;
      words.push({ text: m[0], space, spaceAfter, x0: r.left - sr.left, y0: r.top - sr.top, x1: r.right - sr.left, y1: r.bottom - sr.top, px: parseFloat(st.fontSize) });
    }
  }
  return words;
})()`;

async function layoutAndMeasure(page: Page): Promise<{ boxes: Boxes; k: number }> {
  let k = 1;
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.evaluate((kk) => {
      for (const s of document.querySelectorAll<HTMLElement>('.sheet:not(.extra)'))
        s.style.setProperty('--k', String(kk));
    }, k);
    const { boxes, problem } = (await page.evaluate(MEASURE)) as { boxes: Boxes; problem: string };
    if (!problem) return { boxes, k };
    if (process.env.SYNTH_DEBUG) console.error('layout', k.toFixed(2), problem);
    k *= 0.94;
  }
  throw new Error('layout does not fit its sheet');
}

export interface PngRender {
  png: Buffer;
  width: number;
  height: number;
  /** Output px per CSS px. */
  sx: number;
  sy: number;
  boxes: Boxes;
  /** Each printed word's box in CSS px, when asked for. */
  words?: CssWord[];
}

export interface CssWord {
  text: string;
  /** White space before it in its text node (true), or it starts the node (null). */
  space: boolean | null;
  /** White space after it in its text node. */
  spaceAfter: boolean;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Font size in CSS px. */
  px: number;
}

/** Renders one sheet to PNG, `scale` output px per CSS px. */
export async function renderPng(
  browser: Browser,
  spec: DocSpec,
  scale: number,
  surround = '#ffffff',
  options: { words?: boolean } = {},
): Promise<PngRender> {
  const wCss = spec.widthMm * MM_TO_CSS;
  const hCss = spec.heightMm * MM_TO_CSS;
  const context = await browser.newContext({
    viewport: { width: Math.ceil(wCss), height: Math.ceil(hCss) },
    deviceScaleFactor: scale,
  });
  try {
    const page = await context.newPage();
    await page.setContent(
      documentHtml(spec, [{ body: spec.body }], `html, body { background: ${surround}; }`),
      {
        waitUntil: 'load',
      },
    );
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const { boxes } = await layoutAndMeasure(page);
    const words = options.words ? ((await page.evaluate(MEASURE_WORDS)) as CssWord[]) : undefined;
    const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: wCss, height: hCss } });
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    return { png, width, height, sx: width / wCss, sy: height / hCss, boxes, ...(words ? { words } : {}) };
  } finally {
    await context.close();
  }
}

/** Pins the PDF's dates in place (same byte length, xref offsets intact) so a seed gives the same bytes. */
export function fixPdfDates(pdf: Buffer): Buffer {
  const text = pdf
    .toString('latin1')
    .replace(/(\/(?:CreationDate|ModDate) ?\(D:)(\d{14})/g, '$120240101000000');
  return Buffer.from(text, 'latin1');
}

export interface PdfRender {
  pdf: Buffer;
  pages: number;
  boxes: Boxes;
}

/** Prints the sheet (and optional extra sheets before/after it) to a PDF with a text layer. */
export async function renderPdf(
  browser: Browser,
  spec: DocSpec,
  extra?: { sheet: ExtraSheet; permitFirst: boolean },
): Promise<PdfRender> {
  const wCss = spec.widthMm * MM_TO_CSS;
  const hCss = spec.heightMm * MM_TO_CSS;
  const context = await browser.newContext({ viewport: { width: Math.ceil(wCss), height: Math.ceil(hCss) } });
  try {
    const page = await context.newPage();
    const sheets = extra
      ? extra.permitFirst
        ? [{ body: spec.body }, { body: extra.sheet.body, extra: true }]
        : [{ body: extra.sheet.body, extra: true }, { body: spec.body }]
      : [{ body: spec.body }];
    await page.setContent(documentHtml(spec, sheets, extra?.sheet.css ?? ''), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.emulateMedia({ media: 'print' });
    const { boxes } = await layoutAndMeasure(page);
    const pdf = fixPdfDates(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    return { pdf, pages: sheets.length, boxes };
  } finally {
    await context.close();
  }
}

/** Renders arbitrary HTML of a fixed pixel size (backgrounds for photo scenes). */
export async function renderHtmlPng(
  browser: Browser,
  html: string,
  width: number,
  height: number,
): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.screenshot({ type: 'png' });
  } finally {
    await context.close();
  }
}
