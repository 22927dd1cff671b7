import { InputError, type DecodeLimits, type DecodedImage, type ImageDecoder } from '../../core/ports';
import { displaySize, readImageHeader } from './image-header';

/**
 * Decodes PNG/JPEG in a worker or a page with createImageBitmap (EXIF orientation applied), refusing
 * headers that declare too many pixels and downscaling during decode to fit `maxDecodedPixels`.
 */
export function createBrowserImageDecoder(): ImageDecoder {
  return {
    async decode(bytes: Uint8Array, limits: DecodeLimits): Promise<DecodedImage> {
      const header = readImageHeader(bytes);
      if (!header) throw new InputError('corrupt', 'The image header could not be read.');
      if (header.width <= 0 || header.height <= 0)
        throw new InputError('corrupt', 'The image has no pixels.');
      const declared = header.width * header.height;
      if (declared > limits.maxDeclaredPixels) {
        throw new InputError(
          'too_large',
          `The image declares ${header.width}x${header.height} pixels, more than the limit of ${limits.maxDeclaredPixels}.`,
        );
      }
      const shown = displaySize(header);
      const scale = declared > limits.maxDecodedPixels ? Math.sqrt(limits.maxDecodedPixels / declared) : 1;
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: header.format === 'png' ? 'image/png' : 'image/jpeg',
      });
      let bitmap: ImageBitmap;
      try {
        bitmap = await createImageBitmap(blob, {
          imageOrientation: 'from-image',
          ...(scale < 1
            ? {
                // Chromium applies the resize to the oriented image: give the displayed shape.
                resizeWidth: Math.max(1, Math.floor(shown.width * scale)),
                resizeHeight: Math.max(1, Math.floor(shown.height * scale)),
                resizeQuality: 'high' as const,
              }
            : {}),
        });
      } catch (err) {
        throw new InputError('corrupt', `The image could not be decoded (${(err as Error).message}).`);
      }
      try {
        const { width, height } = bitmap;
        const canvas = new OffscreenCanvas(width, height);
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        if (!ctx) throw new Error('No 2D context for OffscreenCanvas');
        ctx.drawImage(bitmap, 0, 0);
        const { data } = ctx.getImageData(0, 0, width, height);
        // Without a resize the bitmap is the displayed image, whatever the header said.
        const displayWidth = scale < 1 ? shown.width : width;
        const displayHeight = scale < 1 ? shown.height : height;
        return { raster: { width, height, data }, displayWidth, displayHeight };
      } finally {
        bitmap.close();
      }
    },
  };
}
