// Kiosk configuration: the URL (?kiosk=1&idle=90&export=post&post=/intake&lang=id&recycle=50), a
// JSON file the deployment serves at /kiosk-config.json (same keys as Settings: idleSeconds,
// kioskExport, kioskPostUrl, omitImages, recycleAfter, plus "lang"), then the local settings.
// URL beats file beats settings.
import type { Lang } from '../i18n';
import { sanitizeSettings, type KioskExport, type Settings } from '../settings/settings-store';

export interface KioskConfig {
  idleSeconds: number;
  exportTo: KioskExport;
  postUrl: string;
  omitImages: boolean;
  recycleAfter: number;
  lang: Lang | null;
}

export interface UrlKiosk {
  /** true: ?kiosk=1, false: ?kiosk=0 (turns the setting off too), null: not in the URL. */
  kiosk: boolean | null;
  overrides: Partial<Settings>;
  lang: Lang | null;
}

export function kioskFromUrl(search: string): UrlKiosk {
  const p = new URLSearchParams(search);
  const flag = p.get('kiosk');
  const overrides: Partial<Settings> = {};
  const num = (key: string) => {
    const v = p.get(key);
    return v !== null && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
  };
  const idle = num('idle');
  if (idle !== undefined) overrides.idleSeconds = idle;
  const recycle = num('recycle');
  if (recycle !== undefined) overrides.recycleAfter = recycle;
  const exp = p.get('export');
  if (exp === 'download' || exp === 'print' || exp === 'post') overrides.kioskExport = exp;
  const post = p.get('post');
  if (post) overrides.kioskPostUrl = post;
  if (p.get('omitImages') === '1') overrides.omitImages = true;
  const lang = p.get('lang');
  return {
    kiosk: flag === null ? null : flag === '1' || flag === 'true',
    overrides,
    lang: lang === 'en' || lang === 'id' ? lang : null,
  };
}

/** Merges settings < config file < URL, each checked. */
export function resolveKioskConfig(settings: Settings, file: unknown, url: UrlKiosk): KioskConfig {
  const fromFile = sanitizeSettings(file, settings);
  const merged = sanitizeSettings(url.overrides, fromFile);
  const fileLang = (file as { lang?: unknown } | null)?.lang;
  return {
    idleSeconds: merged.idleSeconds,
    exportTo: merged.kioskExport,
    postUrl: merged.kioskPostUrl,
    omitImages: merged.omitImages,
    recycleAfter: merged.recycleAfter,
    lang: url.lang ?? (fileLang === 'en' || fileLang === 'id' ? fileLang : null),
  };
}

/**
 * The POST target as an absolute URL, only if it is on the app's own origin: the CSP allows
 * connect-src 'self' (a LAN endpoint elsewhere needs a reverse proxy path or a CSP change at deploy).
 */
export function sameOriginPostUrl(target: string, base: string): string | null {
  if (!target.trim()) return null;
  try {
    const url = new URL(target, base);
    return url.origin === new URL(base).origin ? url.href : null;
  } catch {
    return null;
  }
}
