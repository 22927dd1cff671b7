// Hostile and odd inputs for the pipeline, the server and the CLI, generated in memory.
// Each case says what the reader must answer: the status, the HTTP code the server must send, and
// words the reason must contain. `npx tsx scripts/fuzz/corpus.ts DIR` also writes them to DIR.
import { deflateSync } from 'node:zlib';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Status } from '../../src/core/schema';
import { IDENTITIES, permitImage } from './permit';

export interface FuzzExpectation {
  status: Status;
  /** HTTP code from POST /ocr/v1/kitas-kitap. */
  http: number;
  /** The reason must match this. */
  reason: RegExp;
}

export interface FuzzCase {
  name: string;
  /** Name sent with the upload (extensions lie on purpose). */
  fileName: string;
  bytes: Uint8Array;
  expect: FuzzExpectation;
  /** True when the case runs the full OCR (seconds on a small machine). */
  ocr: boolean;
  /** For readable permits: fields the answer must carry. */
  fields?: Record<string, string>;
}

const INVALID_FORMAT = /invalid file format/i;
const NOT_A_PERMIT = /File successfully read\. Some fields are invalid\./;
const READ_OK = /^File successfully read\./;

// ---------------------------------------------------------------------------------------------
// Byte-level builders

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A PNG whose header declares width x height 8-bit greyscale pixels but whose IDAT holds only
 * `rows` rows of zeros: a few hundred bytes that would decompress to width*height bytes.
 */
export function pngBomb(width: number, height: number, rows = 4): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc(rows * (width + 1)); // filter byte 0 + zeros per row
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A real JPEG whose SOF header is patched to declare w x h (its scan data stays small). */
function jpegDeclaring(jpeg: Buffer, w: number, h: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i + 9 < out.length;) {
    if (out[i] !== 0xff) break;
    const marker = out[i + 1]!;
    const len = out.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc2) {
      out.writeUInt16BE(h, i + 5);
      out.writeUInt16BE(w, i + 7);
      return out;
    }
    i += 2 + len;
  }
  throw new Error('no SOF marker found');
}

/** Inserts a JPEG COM segment carrying `text` right after SOI. */
function jpegWithComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const seg = Buffer.alloc(4 + body.length);
  seg[0] = 0xff;
  seg[1] = 0xfe;
  seg.writeUInt16BE(body.length + 2, 2);
  body.copy(seg, 4);
  return Buffer.concat([jpeg.subarray(0, 2), seg, jpeg.subarray(2)]);
}

/** A stored (uncompressed) one-entry ZIP archive. */
function zipArchive(name: string, content: Buffer): Buffer {
  const crc = crc32(content);
  const nameBuf = Buffer.from(name, 'latin1');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  const localLen = local.length + nameBuf.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBuf.length, 12);
  end.writeUInt32LE(localLen, 16);
  return Buffer.concat([local, nameBuf, content, central, nameBuf, end]);
}

/** Serializes numbered PDF objects with a correct xref table. */
function handmadePdf(objects: string[], trailerExtra: string): Buffer {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A one-page PDF protected by the standard security handler (RC4 40-bit, revision 2) whose /O and
 * /U entries match no password we know: pdf.js must ask for a password (PasswordException).
 */
export function encryptedPdf(): Buffer {
  const hex32 = (seed: number) =>
    Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 17) & 0xff).toString(16).padStart(2, '0')).join(
      '',
    );
  return handmadePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>',
      `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex32(7)}> /U <${hex32(11)}> >>`,
      '<< /Length 8 >>\nstream\n\x9a\x11\x02\x7f\x44\x10\xee\x01\nendstream',
    ],
    `/Encrypt 4 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]`,
  );
}

async function pdfWithPages(pages: number, text?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    if (text) page.drawText(`${text} ${i + 1}`, { x: 60, y: 760, size: 14, font });
  }
  return doc.save();
}

async function pdfWithImage(png: Buffer): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const img = await doc.embedPng(png);
  const page = doc.addPage([img.width * 0.6, img.height * 0.6]);
  page.drawImage(img, { x: 0, y: 0, width: img.width * 0.6, height: img.height * 0.6 });
  return doc.save();
}

// ---------------------------------------------------------------------------------------------
// The corpus

export interface CorpusOptions {
  /** Include the cases that run the full OCR (a few seconds each). Default true. */
  ocr?: boolean;
}

export async function buildCorpus(options: CorpusOptions = {}): Promise<FuzzCase[]> {
  const id = IDENTITIES[0]!;
  const permitPng = await permitImage(id);
  const permitJpeg = await permitImage(id, 'jpeg');
  const fields = { full_name: id.full_name, permit_number: id.permit_number };
  const u8 = (b: Buffer | Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  const failed = (reason: RegExp): FuzzExpectation => ({ status: 'FAILED', http: 422, reason });
  const invalid: FuzzExpectation = { status: 'FILE_INVALID_FORMAT', http: 415, reason: INVALID_FORMAT };
  const notPermit: FuzzExpectation = { status: 'SUCCESS', http: 200, reason: NOT_A_PERMIT };
  const readable: FuzzExpectation = { status: 'SUCCESS', http: 200, reason: READ_OK };

  const onePixel = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  const blankPdf = await pdfWithPages(1, 'Quarterly report, page');
  const tallPdf = await pdfWithPages(200, 'Page');
  const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .gif()
    .toBuffer();
  const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .webp()
    .toBuffer();
  const tiff = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .tiff()
    .toBuffer();
  const avif = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#336699' } })
    .avif({ quality: 40, effort: 0 })
    .toBuffer();
  // HEIC: the ISO-BMFF ftyp box with the 'heic' brand (sharp's prebuilt libheif has no HEVC encoder).
  const heic = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
    Buffer.alloc(64, 0),
  ]);
  const svg = Buffer.from(
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text y="20">KITAS</text></svg>\n',
  );

  const cases: FuzzCase[] = [
    {
      name: 'zero-byte file',
      fileName: 'empty.png',
      bytes: new Uint8Array(0),
      expect: { status: 'NO_FILE', http: 400, reason: /No file/ },
      ocr: false,
    },
    {
      name: 'text file named .jpg',
      fileName: 'permit.jpg',
      bytes: u8(Buffer.from('This is not an image.\n'.repeat(20))),
      expect: invalid,
      ocr: false,
    },
    { name: 'SVG', fileName: 'permit.svg', bytes: u8(svg), expect: invalid, ocr: false },
    { name: 'SVG named .png', fileName: 'permit.png', bytes: u8(svg), expect: invalid, ocr: false },
    { name: 'GIF', fileName: 'permit.gif', bytes: u8(gif), expect: invalid, ocr: false },
    { name: 'GIF named .jpg', fileName: 'permit.jpg', bytes: u8(gif), expect: invalid, ocr: false },
    { name: 'WebP named .png', fileName: 'permit.png', bytes: u8(webp), expect: invalid, ocr: false },
    { name: 'TIFF named .jpeg', fileName: 'permit.jpeg', bytes: u8(tiff), expect: invalid, ocr: false },
    { name: 'AVIF (sharp)', fileName: 'permit.avif', bytes: u8(avif), expect: invalid, ocr: false },
    {
      name: 'HEIC ftyp header named .jpg',
      fileName: 'permit.jpg',
      bytes: u8(heic),
      expect: invalid,
      ocr: false,
    },
    {
      name: 'ZIP archive named .pdf',
      fileName: 'permit.pdf',
      bytes: u8(zipArchive('a.txt', Buffer.from('hello'))),
      expect: invalid,
      ocr: false,
    },
    {
      name: 'PNG magic then a ZIP (polyglot)',
      fileName: 'permit.png',
      bytes: u8(Buffer.concat([PNG_SIGNATURE, zipArchive('a.png', permitPng.subarray(0, 2000))])),
      expect: failed(/damaged or incomplete/),
      ocr: false,
    },
    {
      name: 'PNG signature only',
      fileName: 'sig.png',
      bytes: u8(PNG_SIGNATURE),
      expect: failed(/damaged or incomplete/),
      ocr: false,
    },
    {
      name: 'truncated PNG (first 30%)',
      fileName: 'cut.png',
      bytes: u8(permitPng.subarray(0, Math.floor(permitPng.length * 0.3))),
      expect: failed(/damaged or incomplete/),
      ocr: false,
    },
    {
      name: 'truncated JPEG header (first 300 bytes)',
      fileName: 'cut.jpg',
      bytes: u8(permitJpeg.subarray(0, 300)),
      expect: failed(/damaged or incomplete/),
      ocr: false,
    },
    {
      name: 'PNG with a corrupted IHDR checksum',
      fileName: 'crc.png',
      bytes: u8(corruptIhdrCrc(permitPng)),
      expect: failed(/damaged or incomplete/),
      ocr: false,
    },
    {
      name: 'PNG declaring 20000x20000 pixels (bomb)',
      fileName: 'bomb.png',
      bytes: u8(pngBomb(20000, 20000)),
      expect: failed(/20000x20000.*over the limit/),
      ocr: false,
    },
    {
      name: 'PNG declaring 10000x10000 with 4 rows of data (short bomb)',
      fileName: 'short-bomb.png',
      bytes: u8(pngBomb(10000, 10000)),
      expect: failed(/damaged or incomplete/),
      ocr: false,
    },
    {
      name: 'JPEG header declaring 65000x65000',
      fileName: 'huge.jpg',
      bytes: u8(jpegDeclaring(permitJpeg, 65000, 65000)),
      expect: failed(/65000x65000.*over the limit/),
      ocr: false,
    },
    {
      name: 'encrypted PDF',
      fileName: 'locked.pdf',
      bytes: u8(encryptedPdf()),
      expect: failed(/password/i),
      ocr: false,
    },
    {
      name: 'corrupt PDF (header, then noise)',
      fileName: 'broken.pdf',
      bytes: u8(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600, 0x07)])),
      expect: failed(/damaged or incomplete/),
      ocr: false,
    },
    {
      name: '200-page PDF',
      fileName: 'long.pdf',
      bytes: tallPdf,
      expect: failed(/200 pages.*limit of 20/),
      ocr: false,
    },
    {
      name: 'PDF with a foreign text layer',
      fileName: 'report.pdf',
      bytes: blankPdf,
      expect: notPermit,
      ocr: true,
    },
    { name: '1x1 PNG', fileName: 'dot.png', bytes: u8(onePixel), expect: notPermit, ocr: true },
  ];

  if (options.ocr !== false) {
    const cmyk = await sharp(permitJpeg).toColourspace('cmyk').jpeg({ quality: 90 }).toBuffer();
    const png16 = await sharp(permitPng).toColourspace('rgb16').png().toBuffer();
    // Stored turned 90 degrees counter-clockwise, with EXIF orientation 6 ("rotate 90 CW to display").
    const exifRotated = await sharp(permitJpeg)
      .rotate(-90)
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 90 })
      .toBuffer();
    const pdfScan = await pdfWithImage(permitPng);
    const pdfJunkHeader = Buffer.concat([
      Buffer.from('JUNK-BEFORE-HEADER\n'),
      Buffer.from(await pdfWithPages(1, 'Minutes')),
    ]);
    cases.push(
      {
        name: 'permit PNG named .pdf',
        fileName: 'permit.pdf',
        bytes: u8(permitPng),
        expect: readable,
        ocr: true,
        fields,
      },
      { name: 'CMYK JPEG', fileName: 'cmyk.jpg', bytes: u8(cmyk), expect: readable, ocr: true, fields },
      { name: '16-bit PNG', fileName: 'deep.png', bytes: u8(png16), expect: readable, ocr: true, fields },
      {
        name: 'EXIF-rotated JPEG (orientation 6)',
        fileName: 'rotated.jpg',
        bytes: u8(exifRotated),
        expect: readable,
        ocr: true,
        fields,
      },
      {
        name: 'JPEG with %PDF- in a comment (polyglot)',
        fileName: 'poly.jpg',
        bytes: u8(jpegWithComment(permitJpeg, '%PDF-1.4 1 0 obj << >> endobj')),
        expect: readable,
        ocr: true,
        fields,
      },
      {
        name: 'scanned PDF (permit image, no text layer)',
        fileName: 'scan.pdf',
        bytes: pdfScan,
        expect: readable,
        ocr: true,
        fields,
      },
      {
        name: 'PDF after 19 bytes of junk',
        fileName: 'junk.pdf',
        bytes: u8(pdfJunkHeader),
        expect: notPermit,
        ocr: true,
      },
    );
  }
  return cases.filter((c) => options.ocr !== false || !c.ocr);
}

function corruptIhdrCrc(png: Buffer): Buffer {
  const out = Buffer.from(png);
  out[29] = out[29]! ^ 0xff; // IHDR CRC lives at bytes 29..32
  return out;
}

// `npx tsx scripts/fuzz/corpus.ts DIR`: write the corpus to DIR for manual runs.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: tsx scripts/fuzz/corpus.ts DIR\n');
    process.exit(2);
  }
  await mkdir(dir, { recursive: true });
  const cases = await buildCorpus();
  for (const [i, c] of cases.entries()) {
    const file = path.join(dir, `${String(i).padStart(2, '0')}-${c.fileName}`);
    await writeFile(file, c.bytes);
    process.stdout.write(`${file}\t${c.name}\texpect ${c.expect.status} ${c.expect.http}\n`);
  }
}
