import type { Raster } from '../ports';

/**
 * Encodes a raster as binary PGM (P5). Tesseract's Leptonica reads it without any image codec, so
 * the browser and Node hand the recognizer byte-identical input.
 */
export function rasterToPgm(raster: Raster): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${raster.width} ${raster.height}\n255\n`);
  const out = new Uint8Array(header.length + raster.width * raster.height);
  out.set(header, 0);
  const src = raster.data;
  for (let i = 0, o = header.length; i < src.length; i += 4, o++) {
    // Rec. 601 luma in integers: identical everywhere.
    out[o] = (src[i]! * 299 + src[i + 1]! * 587 + src[i + 2]! * 114 + 500) / 1000;
  }
  return out;
}
