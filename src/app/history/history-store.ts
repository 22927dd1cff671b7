// The opt-in history's state and its recorder: while history is on (and not in kiosk mode), each
// successfully read document is kept as it would be exported, updated as the officer edits it.
// Turning history off, or kiosk mode on, deletes everything it kept.
import { create } from 'zustand';
import { useApp, type OpenDocument } from '../store';
import { exportedResult, useReview } from '../review/review-store';
import { applyPrivacy } from '../settings/privacy';
import { useSettings } from '../settings/settings-store';
import { useKiosk } from '../kiosk/kiosk-store';
import { allRecords, deleteOlderThan, deleteRecord, historyExists, purgeAll, putRecord } from './db';
import type { HistoryRecord } from './search';

interface HistoryState {
  records: HistoryRecord[];
  loaded: boolean;
  error: string | null;
  refresh(): Promise<void>;
  remove(id: string): Promise<void>;
  purge(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function historyEnabled(): boolean {
  return useSettings.getState().settings.history && !useKiosk.getState().active;
}

export const useHistory = create<HistoryState>((set, get) => ({
  records: [],
  loaded: false,
  error: null,
  refresh: async () => {
    if (!historyEnabled()) return set({ records: [], loaded: true });
    try {
      set({ records: await allRecords(), loaded: true, error: null });
    } catch (err) {
      set({ error: (err as Error).message, loaded: true });
    }
  },
  remove: async (id) => {
    await deleteRecord(id);
    await get().refresh();
  },
  purge: async () => {
    await purgeAll();
    set({ records: [] });
  },
}));

/** Retention purge and clean-up at start, then keeps the history in step with the settings. */
export async function startHistory(): Promise<void> {
  if (historyEnabled()) {
    const days = useSettings.getState().settings.retentionDays;
    await deleteOlderThan(Date.now() - days * DAY_MS).catch(() => 0);
    await useHistory.getState().refresh();
  } else if (await historyExists().catch(() => false)) {
    // History off or a kiosk: nothing of an earlier session may survive.
    await purgeAll().catch(() => undefined);
  }
}

let lastEnabled = historyEnabled();
function onPolicyChange(): void {
  const enabled = historyEnabled();
  if (enabled === lastEnabled) return;
  lastEnabled = enabled;
  if (enabled) void startHistory();
  else void useHistory.getState().purge();
}
useSettings.subscribe(onPolicyChange);
useKiosk.subscribe(onPolicyChange);

// --- the recorder
const ids = new WeakMap<OpenDocument['pages'], { id: string; savedAt: number }>();
let timer: ReturnType<typeof setTimeout> | null = null;

function record(doc: OpenDocument): HistoryRecord {
  let key = ids.get(doc.pages);
  if (!key) {
    key = { id: crypto.randomUUID(), savedAt: Date.now() };
    ids.set(doc.pages, key);
  }
  const { edits } = useApp.getState();
  const result = applyPrivacy(exportedResult(doc, edits));
  return {
    id: key.id,
    savedAt: key.savedAt,
    updatedAt: Date.now(),
    fileName: doc.fileName,
    name: result.read.full_name.value,
    permit: result.read.permit_number.value,
    result,
  };
}

function save(): void {
  timer = null;
  const doc = useApp.getState().doc;
  if (!doc || doc.result.status !== 'SUCCESS' || !historyEnabled()) return;
  void putRecord(record(doc))
    .then(() => useHistory.getState().refresh())
    .catch((err: Error) => useHistory.setState({ error: err.message }));
}

useApp.subscribe((state, prev) => {
  if (state.doc === prev.doc && state.edits === prev.edits) return;
  if (!state.doc || !historyEnabled()) return;
  if (timer) clearTimeout(timer);
  // A new document is saved at once; typing is batched.
  timer = setTimeout(save, state.doc.pages !== prev.doc?.pages ? 0 : 500);
});

// Confirming the review (meta.review) is part of the record too.
useReview.subscribe((state, prev) => {
  if (state.reviewedAt === prev.reviewedAt || !useApp.getState().doc || !historyEnabled()) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(save, 0);
});
