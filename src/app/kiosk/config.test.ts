import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings-store';
import { kioskFromUrl, resolveKioskConfig, sameOriginPostUrl } from './config';

describe('kiosk configuration', () => {
  it('reads the URL parameters', () => {
    const u = kioskFromUrl('?kiosk=1&idle=30&export=post&post=/intake&lang=id&recycle=20');
    expect(u.kiosk).toBe(true);
    expect(u.lang).toBe('id');
    expect(u.overrides).toEqual({
      idleSeconds: 30,
      recycleAfter: 20,
      kioskExport: 'post',
      kioskPostUrl: '/intake',
    });
    expect(kioskFromUrl('?kiosk=0').kiosk).toBe(false);
    expect(kioskFromUrl('').kiosk).toBeNull();
    expect(kioskFromUrl('?export=fax&idle=abc').overrides).toEqual({});
  });

  it('URL beats the config file, which beats the settings; junk is dropped', () => {
    const settings = { ...DEFAULT_SETTINGS, idleSeconds: 120, kioskExport: 'print' as const };
    const file = { idleSeconds: 60, kioskExport: 'post', kioskPostUrl: '/a', lang: 'id', evil: '<script>' };
    const c = resolveKioskConfig(settings, file, kioskFromUrl('?idle=45'));
    expect(c).toEqual({
      idleSeconds: 45,
      exportTo: 'post',
      postUrl: '/a',
      omitImages: false,
      recycleAfter: 50,
      lang: 'id',
    });
    expect(resolveKioskConfig(settings, null, kioskFromUrl('')).exportTo).toBe('print');
    expect(resolveKioskConfig(settings, { idleSeconds: 1 }, kioskFromUrl('')).idleSeconds).toBe(10);
  });

  it('POSTs only to the app origin (CSP connect-src self)', () => {
    const base = 'https://kiosk.local:8443/app/?kiosk=1';
    expect(sameOriginPostUrl('/intake', base)).toBe('https://kiosk.local:8443/intake');
    expect(sameOriginPostUrl('intake', base)).toBe('https://kiosk.local:8443/app/intake');
    expect(sameOriginPostUrl('https://kiosk.local:8443/x', base)).toBe('https://kiosk.local:8443/x');
    expect(sameOriginPostUrl('http://10.0.0.5/intake', base)).toBeNull();
    expect(sameOriginPostUrl('//evil.example/x', base)).toBeNull();
    expect(sameOriginPostUrl('', base)).toBeNull();
  });
});
