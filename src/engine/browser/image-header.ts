// Reads an image's declared size (and JPEG EXIF orientation) from its header, without decoding
// pixels, so a decompression bomb is refused before the browser allocates anything for it.

export interface ImageHeader {
  format: 'png' | 'jpeg';
  /** Stored size, before EXIF orientation. */
  width: number;
  height: number;
  /** EXIF orientation 1..8 (1 when absent). 5..8 swap width and height on display. */
  orientation: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  if (isPng(bytes)) return readPng(bytes);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return readJpeg(bytes);
  return null;
}

/** Width and height as displayed (EXIF orientation applied). */
export function displaySize(header: ImageHeader): { width: number; height: number } {
  return header.orientation >= 5
    ? { width: header.height, height: header.width }
    : { width: header.width, height: header.height };
}

function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function readPng(bytes: Uint8Array): ImageHeader | null {
  // Signature, then the IHDR chunk: length(4) 'IHDR'(4) width(4) height(4).
  if (bytes.length < 24) return null;
  const dv = view(bytes);
  const type = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (type !== 'IHDR') return null;
  return { format: 'png', width: dv.getUint32(16), height: dv.getUint32(20), orientation: 1 };
}

function isSof(marker: number): boolean {
  // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function readJpeg(bytes: Uint8Array): ImageHeader | null {
  const dv = view(bytes);
  let orientation = 1;
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return null;
    const marker = bytes[pos + 1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2; // standalone markers
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any SOF
    const length = dv.getUint16(pos + 2);
    if (length < 2) return null;
    const body = pos + 4;
    if (marker === 0xe1 && orientation === 1) orientation = readExifOrientation(bytes, body, length - 2);
    if (isSof(marker)) {
      if (body + 5 > bytes.length) return null;
      const height = dv.getUint16(body + 1);
      const width = dv.getUint16(body + 3);
      return { format: 'jpeg', width, height, orientation };
    }
    pos = body + length - 2;
  }
  return null;
}

function readExifOrientation(bytes: Uint8Array, start: number, length: number): number {
  const end = Math.min(bytes.length, start + length);
  // 'Exif\0\0' then a TIFF header.
  if (end - start < 14) return 1;
  const tag = String.fromCharCode(...bytes.subarray(start, start + 4));
  if (tag !== 'Exif') return 1;
  const tiff = start + 6;
  const dv = view(bytes);
  const little = bytes[tiff] === 0x49; // 'II'
  const u16 = (p: number) => (p + 2 <= end ? dv.getUint16(p, little) : -1);
  const u32 = (p: number) => (p + 4 <= end ? dv.getUint32(p, little) : -1);
  const ifd = u32(tiff + 4);
  if (ifd < 0) return 1;
  const count = u16(tiff + ifd);
  for (let i = 0; i < count; i++) {
    const entry = tiff + ifd + 2 + i * 12;
    if (entry + 12 > end) break;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}
