// The user's settings: preferences only (never document data), remembered in localStorage.
// Kiosk deployments override them with /kiosk-config.json and URL parameters (see kiosk/config.ts).
import { create } from 'zustand';

export type KioskExport = 'download' | 'print' | 'post';

export interface Settings {
  /** Kiosk mode as chosen here (the URL parameter ?kiosk=1 turns it on regardless). */
  kiosk: boolean;
  /** Seconds without use after which an open document is wiped (kiosk mode). */
  idleSeconds: number;
  /** Where the kiosk's export goes. */
  kioskExport: KioskExport;
  /** Same-origin path or URL the kiosk POSTs its JSON to (kioskExport 'post'). */
  kioskPostUrl: string;
  /** Keep read documents in IndexedDB on this device (off by default; never in kiosk mode). */
  history: boolean;
  retentionDays: number;
  /** Leave the face photo and the signature out of exports (and of the history). */
  omitImages: boolean;
  /** Restart the reading worker after this many reads (keeps memory flat over a day); 0 = never. */
  recycleAfter: number;
}

export const DEFAULT_SETTINGS: Settings = {
  kiosk: false,
  idleSeconds: 90,
  kioskExport: 'download',
  kioskPostUrl: '',
  history: false,
  retentionDays: 7,
  omitImages: false,
  recycleAfter: 50,
};

const STORAGE_KEY = 'kitas.settings';

const clamp = (v: unknown, min: number, max: number, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;

/** Settings from untrusted JSON (storage, a config file): unknown keys dropped, values checked. */
export function sanitizeSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  return {
    kiosk: bool(r.kiosk, base.kiosk),
    idleSeconds: clamp(r.idleSeconds, 10, 3600, base.idleSeconds),
    kioskExport:
      r.kioskExport === 'download' || r.kioskExport === 'print' || r.kioskExport === 'post'
        ? r.kioskExport
        : base.kioskExport,
    kioskPostUrl: typeof r.kioskPostUrl === 'string' ? r.kioskPostUrl : base.kioskPostUrl,
    history: bool(r.history, base.history),
    retentionDays: clamp(r.retentionDays, 1, 365, base.retentionDays),
    omitImages: bool(r.omitImages, base.omitImages),
    recycleAfter: clamp(r.recycleAfter, 0, 10_000, base.recycleAfter),
  };
}

function load(): Settings {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? sanitizeSettings(JSON.parse(raw)) : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

interface SettingsState {
  settings: Settings;
  update(patch: Partial<Settings>): void;
}

export const useSettings = create<SettingsState>((set, get) => ({
  settings: typeof localStorage === 'undefined' ? DEFAULT_SETTINGS : load(),
  update: (patch) => {
    const settings = sanitizeSettings({ ...get().settings, ...patch });
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
    } catch {
      // not remembered; still applied
    }
    set({ settings });
  },
}));
