import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { format, initialLang, translator } from './index';

describe('i18n', () => {
  it('has the same keys and placeholders in both languages, none empty', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(id[key]), key).toEqual(ph(en[key]));
      expect(id[key].trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Reading {name} ({n})', { name: 'a.png', n: 2 })).toBe('Reading a.png (2)');
    expect(format('Wiping in {s} s', {})).toBe('Wiping in {s} s');
  });

  it('translates by language', () => {
    expect(translator('en')('progress.cancel')).toBe('Cancel');
    expect(translator('id')('progress.cancel')).toBe('Batal');
    expect(translator('id')('progress.reading', { name: 'x.pdf' })).toBe('Membaca x.pdf');
  });

  it('starts from the remembered choice, else the browser language', () => {
    const store = (v: string | null) => ({ getItem: () => v });
    expect(initialLang(store('id'), ['en-US'])).toBe('id');
    expect(initialLang(store(null), ['id-ID', 'en'])).toBe('id');
    expect(initialLang(store('xx'), ['en-GB'])).toBe('en');
    expect(initialLang(null, [])).toBe('en');
  });
});
