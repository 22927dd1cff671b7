import sharp from 'sharp';
import { InputError, type DecodedImage, type DecodeLimits, type ImageDecoder } from '../../core/ports';

/** Decodes PNG/JPEG with libvips: EXIF orientation applied, downscaled to the pixel limit. */
export function createSharpDecoder(): ImageDecoder {
  return {
    async decode(bytes: Uint8Array, limits: DecodeLimits): Promise<DecodedImage> {
      let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
      try {
        meta = await sharp(bytes, { limitInputPixels: false }).metadata();
      } catch (e) {
        throw new InputError('corrupt', `The image could not be decoded (${(e as Error).message}).`);
      }
      const w = meta.width ?? 0;
      const h = meta.height ?? 0;
      if (!w || !h) throw new InputError('corrupt', 'The image has no pixels.');
      if (w * h > limits.maxDeclaredPixels) {
        throw new InputError(
          'too_large',
          `The image declares ${w}x${h} pixels, over the limit of ${Math.round(limits.maxDeclaredPixels / 1e6)} megapixels.`,
        );
      }
      const swap = (meta.orientation ?? 1) >= 5;
      const displayWidth = swap ? h : w;
      const displayHeight = swap ? w : h;
      const scale = Math.min(1, Math.sqrt(limits.maxDecodedPixels / (w * h)));
      try {
        let pipeline = sharp(bytes, { limitInputPixels: limits.maxDeclaredPixels, failOn: 'error' })
          .rotate()
          .toColourspace('srgb');
        if (scale < 1) {
          pipeline = pipeline.resize(
            Math.max(1, Math.floor(displayWidth * scale)),
            Math.max(1, Math.floor(displayHeight * scale)),
            { fit: 'fill' },
          );
        }
        const { data, info } = await pipeline
          .ensureAlpha()
          .raw({ depth: 'uchar' })
          .toBuffer({ resolveWithObject: true });
        return {
          raster: {
            width: info.width,
            height: info.height,
            data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
          },
          displayWidth,
          displayHeight,
        };
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError('corrupt', `The image could not be decoded (${(e as Error).message}).`);
      }
    },
  };
}
