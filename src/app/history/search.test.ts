import { describe, expect, it } from 'vitest';
import { expired, searchRecords, type HistoryRecord } from './search';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 5, 1);
function rec(id: string, name: string, permit: string, ageDays: number): HistoryRecord {
  return {
    id,
    savedAt: now - ageDays * DAY,
    updatedAt: now,
    fileName: `${id}.png`,
    name,
    permit,
    result: {} as never,
  };
}
const records = [
  rec('a', 'JOHANNES VAN DER BERG', '2C21JD1234AB', 1),
  rec('b', 'María José GARCÍA', '2D22JN3127ZW', 3),
  rec('c', 'LI WEI', '2C11AB0000XY', 8),
];

describe('history search and retention', () => {
  it('finds by name words in any order, case and accents ignored', () => {
    expect(searchRecords(records, 'garcia maria').map((r) => r.id)).toEqual(['b']);
    expect(searchRecords(records, 'berg johannes').map((r) => r.id)).toEqual(['a']);
    expect(searchRecords(records, 'nobody')).toEqual([]);
  });

  it('finds by permit number ignoring separators and case', () => {
    expect(searchRecords(records, '2d22-jn3127').map((r) => r.id)).toEqual(['b']);
    expect(searchRecords(records, '2C').map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('lists newest first for an empty query', () => {
    expect(searchRecords(records, '  ').map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('expires records older than the retention period', () => {
    expect(expired(records, 7, now).map((r) => r.id)).toEqual(['c']);
    expect(expired(records, 2, now).map((r) => r.id)).toEqual(['b', 'c']);
  });
});
