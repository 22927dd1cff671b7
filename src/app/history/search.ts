// Pure parts of the history: what a record holds, search and retention (unit-tested without a DB).
import type { KitasResult } from '../../core/schema';

export interface HistoryRecord {
  id: string;
  /** When it was first read (ms since the epoch); retention counts from here. */
  savedAt: number;
  updatedAt: number;
  fileName: string;
  /** Copied out of the result for the list and the search. */
  name: string;
  permit: string;
  /** The record as it would be exported (officer values, privacy setting applied). */
  result: KitasResult;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Records older than the retention period at `now`. */
export function expired(records: HistoryRecord[], retentionDays: number, now = Date.now()): HistoryRecord[] {
  const cutoff = now - retentionDays * DAY_MS;
  return records.filter((r) => r.savedAt < cutoff);
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const compact = (s: string) => fold(s).replace(/[^0-9a-z]/g, '');

/**
 * Case- and accent-insensitive search by name (every word of the query somewhere in the name) or
 * by permit number (spaces, dashes and dots ignored). Newest first; an empty query matches all.
 */
export function searchRecords(records: HistoryRecord[], query: string): HistoryRecord[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const q = compact(query);
  const sorted = [...records].sort((a, b) => b.savedAt - a.savedAt);
  if (words.length === 0) return sorted;
  return sorted.filter((r) => {
    const name = fold(r.name);
    if (words.every((w) => name.includes(w))) return true;
    return q.length > 0 && compact(r.permit).includes(q);
  });
}
