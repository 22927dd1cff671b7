// The opt-in history: IndexedDB on this device only ('kitas-history'). Nothing here runs unless the
// user turned history on (and never in kiosk mode).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { HistoryRecord } from './search';

interface HistoryDb extends DBSchema {
  records: { key: string; value: HistoryRecord; indexes: { savedAt: number } };
}

const DB_NAME = 'kitas-history';
let db: Promise<IDBPDatabase<HistoryDb>> | null = null;

function open(): Promise<IDBPDatabase<HistoryDb>> {
  db ??= openDB<HistoryDb>(DB_NAME, 1, {
    upgrade(database) {
      const store = database.createObjectStore('records', { keyPath: 'id' });
      store.createIndex('savedAt', 'savedAt');
    },
  });
  return db;
}

export async function putRecord(record: HistoryRecord): Promise<void> {
  await (await open()).put('records', record);
}

export async function allRecords(): Promise<HistoryRecord[]> {
  return (await open()).getAll('records');
}

export async function deleteRecord(id: string): Promise<void> {
  await (await open()).delete('records', id);
}

/** Deletes records saved before `cutoff` (ms); returns how many went. */
export async function deleteOlderThan(cutoff: number): Promise<number> {
  const tx = (await open()).transaction('records', 'readwrite');
  let n = 0;
  for (
    let c = await tx.store.index('savedAt').openCursor(IDBKeyRange.upperBound(cutoff, true));
    c;
    c = await c.continue()
  ) {
    await c.delete();
    n++;
  }
  await tx.done;
  return n;
}

/** Deletes the whole database (the "Delete all history" button, turning history off, kiosk mode). */
export async function purgeAll(): Promise<void> {
  const open = db;
  db = null;
  if (open) (await open).close();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('could not delete the history'));
    req.onblocked = () => resolve(); // deleted once other tabs close it
  });
}

/** Whether a history database exists at all (so start-up does not create one just to purge it). */
export async function historyExists(): Promise<boolean> {
  if (!indexedDB.databases) return true;
  return (await indexedDB.databases()).some((d) => d.name === DB_NAME);
}
