import { describe, expect, it } from 'vitest';
import {
  FIELD_NAMES,
  emptyImageField,
  emptyTextField,
  isImageField,
  type KitasRead,
  type KitasResult,
} from '../../core/schema';
import { withoutImages } from './privacy';
import { DEFAULT_SETTINGS, sanitizeSettings } from './settings-store';

function sample(): KitasResult {
  const read = Object.fromEntries(
    FIELD_NAMES.map((n) => [n, isImageField(n) ? emptyImageField() : emptyTextField()]),
  ) as unknown as KitasRead;
  const r: KitasResult = { status: 'SUCCESS', reason: 'File successfully read.', read };
  r.read.photo = { ...r.read.photo, value: 'iVBORw0KGgoPHOTO', confidence: 0.9 };
  r.read.sign = { ...r.read.sign, value: 'iVBORw0KGgoSIGN', confidence: 0.8 };
  r.read.full_name = { ...r.read.full_name, value: 'GENERATED PERSON' };
  return r;
}

describe('withoutImages', () => {
  it('empties photo and sign values, keeps every key in order and the rest of each field', () => {
    const r = sample();
    const out = withoutImages(r, true);
    expect(out.read.photo.value).toBe('');
    expect(out.read.sign.value).toBe('');
    expect(out.read.photo.confidence).toBe(0.9);
    expect(Object.keys(out.read)).toEqual(Object.keys(r.read));
    expect(Object.keys(out.read)).toEqual([...FIELD_NAMES]);
    expect(Object.keys(out.read.photo)).toEqual(Object.keys(r.read.photo));
    expect(out.read.full_name.value).toBe('GENERATED PERSON');
    // the input is not modified
    expect(r.read.photo.value).toBe('iVBORw0KGgoPHOTO');
  });

  it('returns the result untouched when not asked', () => {
    const r = sample();
    expect(withoutImages(r, false)).toBe(r);
  });
});

describe('sanitizeSettings', () => {
  it('keeps valid values, clamps numbers, drops junk', () => {
    const s = sanitizeSettings({
      idleSeconds: 2,
      retentionDays: 9999,
      kioskExport: 'fax',
      history: 'yes',
      x: 1,
    });
    expect(s.idleSeconds).toBe(10);
    expect(s.retentionDays).toBe(365);
    expect(s.kioskExport).toBe(DEFAULT_SETTINGS.kioskExport);
    expect(s.history).toBe(false);
    expect('x' in s).toBe(false);
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});
