// Page images for the review screen: loaded once per URL, drawn into field crops, and turned into
// RGBA pixels for a re-read in the worker.
import { useEffect, useState } from 'react';
import type { Polygon } from '../../core/schema';

const cache = new Map<string, Promise<HTMLImageElement>>();

export function loadImage(url: string): Promise<HTMLImageElement> {
  let p = cache.get(url);
  if (!p) {
    p = new Promise<HTMLImageElement>((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error('The page image could not be loaded.'));
      img.src = url;
    });
    cache.set(url, p);
    // Object URLs are revoked when another document opens; forget failures so a retry can load.
    p.catch(() => cache.delete(url));
  }
  return p;
}

export function usePageImage(url: string | null | undefined): HTMLImageElement | null {
  const [img, setImg] = useState<{ url: string; img: HTMLImageElement } | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    loadImage(url).then(
      (loaded) => live && setImg({ url, img: loaded }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [url]);
  return url && img?.url === url ? img.img : null;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function polygonBox(polygon: Polygon): Bounds | null {
  if (polygon.length < 3) return null;
  const xs = polygon.map((p) => p[0]);
  const ys = polygon.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** The page's pixels at the image's natural size, and polygon pixels per natural pixel. */
export async function pageRaster(
  url: string,
  pageWidth: number,
): Promise<{ width: number; height: number; data: ArrayBuffer; scale: number }> {
  const img = await loadImage(url);
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('No 2D canvas context.');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  return {
    width: canvas.width,
    height: canvas.height,
    data: data.buffer as ArrayBuffer,
    scale: pageWidth > 0 ? pageWidth / img.naturalWidth : 1,
  };
}
