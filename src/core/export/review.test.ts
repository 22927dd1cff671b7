import { describe, expect, it } from 'vitest';
import { REASONS, type KitasResult } from '../schema';
import { auditFields, reviewedResult, type ReviewAudit } from './review';
import { fakeMeta, fakeResult } from './test-fixtures';

const TODAY = new Date('2026-01-15T00:00:00Z');

function machineRead(): KitasResult {
  const r = fakeResult(
    {
      document_type: 'KARTU IZIN TINGGAL TERBATAS',
      full_name: 'ARIN MARTELL',
      date_of_birth: '03-04-1990',
      nationality: 'NORWAY',
      passport_number: 'X1234567',
      permit_number: '2C21AB1234CD',
      passport_expiry: '3O-01-2031',
    },
    0.95,
  );
  r.read.passport_expiry.confidence = 0.5;
  r.meta = fakeMeta({
    invalid_fields: [{ field: 'passport_expiry', code: 'format', message: 'not a date' }],
  });
  r.reason = REASONS.someInvalid;
  return r;
}

describe('reviewed result', () => {
  it('is the machine result itself while nothing was edited or confirmed', () => {
    const m = machineRead();
    const out = reviewedResult({ machine: m, current: m, edits: {}, reviewedAt: null, today: TODAY });
    expect(out).toEqual(m);
    expect(out.meta?.review).toBeUndefined();
  });

  it('puts the officer value in `value`, keeps value_original, re-validates and audits', () => {
    const m = machineRead();
    const out = reviewedResult({
      machine: m,
      current: m,
      edits: { passport_expiry: '30-01-2031', full_name: 'ARIN MARTELL' },
      reviewedAt: '2026-01-15T10:00:00.000Z',
      today: TODAY,
    });
    expect(out.read.passport_expiry.value).toBe('30-01-2031');
    expect(out.read.passport_expiry.value_original).toBe('3O-01-2031');
    expect(out.read.passport_expiry.confidence).toBe(0.5);
    // The fix makes the record valid.
    expect(out.meta?.invalid_fields).toEqual([]);
    expect(out.reason).toBe(REASONS.success);
    const review = out.meta?.review as ReviewAudit;
    expect(review.reviewed).toBe(true);
    expect(review.reviewed_at).toBe('2026-01-15T10:00:00.000Z');
    // An "edit" back to the machine's own value is no edit.
    expect(review.edited_fields).toEqual([
      {
        field: 'passport_expiry',
        machine_value: '3O-01-2031',
        machine_value_original: '3O-01-2031',
        machine_confidence: 0.5,
        redrawn: false,
      },
    ]);
    // Same keys as the reference object; the machine result is untouched.
    expect(Object.keys(out.read)).toEqual(Object.keys(m.read));
    expect(m.read.passport_expiry.value).toBe('3O-01-2031');
  });

  it('flags a new problem the officer typed in', () => {
    const m = machineRead();
    const out = reviewedResult({
      machine: m,
      current: m,
      edits: { date_of_birth: '31-02-1990', passport_expiry: '30-01-2031' },
      reviewedAt: null,
      today: TODAY,
    });
    expect(out.meta?.invalid_fields.map((i) => [i.field, i.code])).toEqual([['date_of_birth', 'format']]);
    expect(out.reason).toBe(REASONS.someInvalid);
    expect((out.meta?.review as ReviewAudit).reviewed).toBe(false);
    expect((out.meta?.review as ReviewAudit).reviewed_at).toBeNull();
  });

  it('records a redrawn field with the machine polygon', () => {
    const m = machineRead();
    const current = structuredClone(m);
    current.read.niora = {
      value: '1ABCD23456',
      value_original: '1ABCD23456',
      confidence: 0.9,
      confidence_text: 0.93,
      polygon: [
        [10, 10],
        [90, 10],
        [90, 30],
        [10, 30],
      ],
      page_index: 0,
    };
    const edited = auditFields(m, current, {});
    expect(edited).toEqual([
      {
        field: 'niora',
        machine_value: '',
        machine_value_original: '',
        machine_confidence: 0,
        redrawn: true,
        machine_polygon: [],
      },
    ]);
    const out = reviewedResult({ machine: m, current, edits: {}, reviewedAt: null, today: TODAY });
    expect(out.read.niora.value).toBe('1ABCD23456');
    expect(out.read.niora.polygon).toEqual(current.read.niora.polygon);
  });
});
