// JSON lines: one reference object per line, nothing else on it. JSON.stringify without indentation
// escapes every newline inside strings, so a line is always exactly one record.
import type { KitasResult } from '../schema';

export function toJsonl(results: readonly KitasResult[]): string {
  return results.map((r) => `${JSON.stringify(r)}\n`).join('');
}

export function parseJsonl(text: string): KitasResult[] {
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as KitasResult);
}
