// The camera view's own strings (English / Bahasa Indonesia), kept beside it so the view can land
// without touching the app's shared dictionary; it follows the app's language switch.
import { useLang } from '../i18n';
import type { Hint } from './feedback';

const en = {
  open: 'Use camera',
  title: 'Camera',
  close: 'Close camera',
  shutter: 'Take photo',
  switch: 'Switch camera',
  card: 'Card',
  page: 'Page',
  starting: 'Starting the camera…',
  denied: 'Camera access was denied. Allow the camera in the browser, or upload a photo or scan instead.',
  absent: 'No camera was found. Upload a photo or scan instead.',
  failed: 'The camera could not be started ({message}). Upload a photo or scan instead.',
  captured: 'Captured: reading…',
  hint_find: 'Hold the document inside the frame',
  hint_closer: 'Move closer',
  hint_in_frame: 'Fit the whole document in the frame',
  hint_hold_still: 'Hold still',
  hint_glare: 'Glare: tilt the document away from the light',
  hint_dark: 'Too dark: add light',
  hint_blurry: 'Blurry: hold still and let the camera focus',
  hint_ready: 'Hold still… capturing',
};

type Key = keyof typeof en;

const id: Record<Key, string> = {
  open: 'Gunakan kamera',
  title: 'Kamera',
  close: 'Tutup kamera',
  shutter: 'Ambil foto',
  switch: 'Ganti kamera',
  card: 'Kartu',
  page: 'Halaman',
  starting: 'Menyalakan kamera…',
  denied: 'Akses kamera ditolak. Izinkan kamera di peramban, atau unggah foto atau pindaian.',
  absent: 'Kamera tidak ditemukan. Unggah foto atau pindaian.',
  failed: 'Kamera tidak dapat dinyalakan ({message}). Unggah foto atau pindaian.',
  captured: 'Foto diambil: sedang dibaca…',
  hint_find: 'Pegang dokumen di dalam bingkai',
  hint_closer: 'Dekatkan kamera',
  hint_in_frame: 'Masukkan seluruh dokumen ke dalam bingkai',
  hint_hold_still: 'Tahan diam',
  hint_glare: 'Silau: miringkan dokumen menjauhi cahaya',
  hint_dark: 'Terlalu gelap: tambah cahaya',
  hint_blurry: 'Buram: tahan diam dan biarkan kamera fokus',
  hint_ready: 'Tahan diam… mengambil foto',
};

export function useCameraStrings(): (key: Key, params?: Record<string, string>) => string {
  const lang = useLang((s) => s.lang);
  const dict = lang === 'id' ? id : en;
  return (key, params) => dict[key].replace(/\{(\w+)\}/g, (m, k: string) => params?.[k] ?? m);
}

export function hintKey(hint: Hint): Key {
  return `hint_${hint}` as Key;
}
