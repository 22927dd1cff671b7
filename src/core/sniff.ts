export type FileFormat = 'png' | 'jpeg' | 'pdf';

/** The format from the content's magic bytes, never from the file name. */
export function sniffFormat(bytes: Uint8Array): FileFormat | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47 && b(4) === 0x0d && b(5) === 0x0a)
    return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  // %PDF- may follow a few bytes of junk; pdf.js tolerates up to 1 KB like most readers.
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (head.indexOf('%PDF-') >= 0) return 'pdf';
  return null;
}
