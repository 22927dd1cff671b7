import { create } from 'zustand';
import { useLang } from '../i18n';
import { useSettings } from '../settings/settings-store';
import { kioskFromUrl, resolveKioskConfig, type KioskConfig } from './config';

interface KioskState {
  active: boolean;
  config: KioskConfig;
}

const url = typeof location === 'undefined' ? kioskFromUrl('') : kioskFromUrl(location.search);

function initial(): KioskState {
  const settings = useSettings.getState().settings;
  // ?kiosk=0 is the way out of a kiosk turned on in the settings.
  if (url.kiosk === false && settings.kiosk) useSettings.getState().update({ kiosk: false });
  const active = url.kiosk ?? settings.kiosk;
  return { active, config: resolveKioskConfig(settings, null, url) };
}

export const useKiosk = create<KioskState>(initial);

/** The deployment's /kiosk-config.json as last read (null: none). */
let fileConfig: unknown = null;

/** Reads /kiosk-config.json (kiosk mode only) and applies it under the URL's parameters. */
export async function loadKioskConfig(): Promise<void> {
  if (!useKiosk.getState().active) return;
  let file: unknown = null;
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}kiosk-config.json`, { cache: 'no-store' });
    if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) file = await res.json();
  } catch {
    // no file or offline without a cached copy: URL and settings only
  }
  fileConfig = file;
  const config = resolveKioskConfig(useSettings.getState().settings, file, url);
  useKiosk.setState({ config });
  if (config.lang) useLang.getState().setLang(config.lang);
}

// Settings changed in the panel (kiosk on/off, idle time...) take effect at once.
useSettings.subscribe((s) => {
  const active = url.kiosk ?? s.settings.kiosk;
  useKiosk.setState({ active, config: resolveKioskConfig(s.settings, fileConfig, url) });
});
