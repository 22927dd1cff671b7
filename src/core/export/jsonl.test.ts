import { describe, expect, it } from 'vitest';
import { failureResult, REASONS } from '../schema';
import { parseJsonl, toJsonl } from './jsonl';
import { fakeResult } from './test-fixtures';

describe('JSON lines export', () => {
  it('writes one reference object per line, newlines in values escaped', () => {
    const a = fakeResult({ address: 'LINE ONE\nLINE TWO', full_name: 'ARIN MARTELL' });
    const b = failureResult('FAILED', 'broken');
    const c = failureResult('FILE_INVALID_FORMAT', REASONS.invalidFormat);
    const text = toJsonl([a, b, c]);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toEqual(a);
    expect(Object.keys(JSON.parse(lines[1]!))).toEqual(['status', 'reason', 'read']);
    expect(parseJsonl(text)).toEqual([a, b, c]);
  });

  it('writes nothing for no results', () => {
    expect(toJsonl([])).toBe('');
  });
});
