import { describe, expect, it } from 'vitest';
import { FIELD_NAMES, emptyRead, type KitasResult } from '../core/schema';
import { applyEdits, exportFileName } from './export';

describe('applyEdits', () => {
  it('replaces value, keeps value_original, keeps all 24 keys in order, does not mutate', () => {
    const read = emptyRead();
    read.full_name = { ...read.full_name, value: 'JOHN DOE', value_original: 'JOHN D0E', confidence: 0.5 };
    const result: KitasResult = { status: 'SUCCESS', reason: 'ok', read };
    const out = applyEdits(result, { full_name: 'JOHN DOE JR', photo: 'ignored' });
    expect(out.read.full_name).toMatchObject({
      value: 'JOHN DOE JR',
      value_original: 'JOHN D0E',
      confidence: 0.5,
    });
    expect(out.read.photo.value).toBe('');
    expect(Object.keys(out.read).sort()).toEqual([...FIELD_NAMES].sort());
    expect(result.read.full_name.value).toBe('JOHN DOE');
  });

  it('names the export after the source file', () => {
    expect(exportFileName('scan.page.png')).toBe('scan.page.kitas.json');
    expect(exportFileName('')).toBe('document.kitas.json');
  });
});

describe('permitPage', () => {
  it('opens the page most fields are on', async () => {
    const { permitPage } = await import('./store');
    const read = emptyRead();
    read.full_name = {
      ...read.full_name,
      polygon: [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
      page_index: 1,
    };
    read.niora = {
      ...read.niora,
      polygon: [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
      page_index: 1,
    };
    read.office_name = {
      ...read.office_name,
      polygon: [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
      page_index: 0,
    };
    const result: KitasResult = { status: 'SUCCESS', reason: 'ok', read };
    expect(permitPage(result, 2)).toBe(1);
    expect(permitPage(result, 1)).toBe(0);
    expect(permitPage({ ...result, read: emptyRead() }, 3)).toBe(0);
  });
});
