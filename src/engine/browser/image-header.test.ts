import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { displaySize, readImageHeader } from './image-header';

async function jpeg(width: number, height: number, orientation?: number): Promise<Uint8Array> {
  let img = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 10, b: 10 } } }).jpeg();
  if (orientation) img = img.withMetadata({ orientation });
  return new Uint8Array(await img.toBuffer());
}

describe('readImageHeader', () => {
  it('reads PNG size from IHDR', async () => {
    const png = await sharp({ create: { width: 321, height: 123, channels: 4, background: '#fff' } })
      .png()
      .toBuffer();
    expect(readImageHeader(new Uint8Array(png))).toEqual({
      format: 'png',
      width: 321,
      height: 123,
      orientation: 1,
    });
  });

  it('reads JPEG size from the SOF marker and EXIF orientation', async () => {
    expect(readImageHeader(await jpeg(200, 100))).toMatchObject({
      format: 'jpeg',
      width: 200,
      height: 100,
      orientation: 1,
    });
    const rotated = readImageHeader(await jpeg(200, 100, 6));
    expect(rotated).toMatchObject({ width: 200, height: 100, orientation: 6 });
    expect(displaySize(rotated!)).toEqual({ width: 100, height: 200 });
    expect(readImageHeader(await jpeg(200, 100, 3))).toMatchObject({ orientation: 3 });
  });

  it('reads a declared size far beyond what is decodable, without decoding', () => {
    // A PNG header that declares 60000 x 60000 pixels and has no image data at all.
    const bomb = new Uint8Array(33);
    bomb.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(bomb.buffer).setUint32(16, 60000);
    new DataView(bomb.buffer).setUint32(20, 60000);
    expect(readImageHeader(bomb)).toMatchObject({ width: 60000, height: 60000 });
  });

  it('returns null for what is not a PNG or JPEG, or is cut short', async () => {
    expect(readImageHeader(new TextEncoder().encode('%PDF-1.7 hello'))).toBeNull();
    expect(readImageHeader(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    const full = await jpeg(64, 64);
    expect(readImageHeader(full.subarray(0, 20))).toBeNull();
  });
});
