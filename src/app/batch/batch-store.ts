// A batch: many files read one after another through the page's worker client (the UI stays
// responsive; the worker does the work), each with its progress and status, each record
// reviewable, all exportable as JSON lines or CSV.
import { create } from 'zustand';
import { failureResult, type KitasResult, type ResultMeta } from '../../core/schema';
import { reviewedResult } from '../../core/export/review';
import type { CsvRecord } from '../../core/export/csv';
import type { PagePreview, ProgressStage, ReadResponse } from '../../worker/protocol';
import { CancelledError } from '../worker-client';
import { client, warmEngines } from '../reader';
import { useApp, type PageView } from '../store';
import { useReview, type SavedReview } from '../review/review-store';

export type ItemStatus = 'queued' | 'reading' | 'done' | 'failed' | 'cancelled';

export interface BatchRecord {
  /** 0-based among the file's records (a PDF bundling several permits has several). */
  index: number;
  result: KitasResult;
  review: SavedReview | null;
}

export interface BatchItem {
  id: string;
  file: File;
  status: ItemStatus;
  stage: ProgressStage | null;
  /** 0..1 within the file. */
  progress: number;
  error: string | null;
  records: BatchRecord[];
  pages: PagePreview[];
  backend: string;
  timings: ReadResponse['timings'] | null;
}

export type Mode = 'single' | 'batch';

interface BatchState {
  mode: Mode;
  items: BatchItem[];
  running: boolean;
  /** The record open in the review screen. */
  open: { itemId: string; index: number } | null;

  setMode(mode: Mode): void;
  addFiles(files: File[]): void;
  remove(id: string): void;
  clear(): void;
  cancel(): void;
  retry(): void;
  openRecord(itemId: string, index: number): void;
  closeRecord(): void;
}

/** Where each stage sits in a file's progress bar (recognition is most of the time). */
const STAGE_SPAN: Record<ProgressStage, [number, number]> = {
  init: [0, 0.05],
  decode: [0.05, 0.1],
  locate: [0.1, 0.2],
  detect: [0.2, 0.3],
  recognize: [0.3, 0.85],
  assemble: [0.85, 0.92],
  preview: [0.92, 1],
};

export function stageProgress(stage: ProgressStage, done: number, total: number): number {
  const [a, b] = STAGE_SPAN[stage];
  return a + (b - a) * (total > 0 ? Math.min(1, done / total) : 0);
}

let nextId = 1;

function patch(id: string, change: Partial<BatchItem>): void {
  useBatch.setState((s) => ({ items: s.items.map((it) => (it.id === id ? { ...it, ...change } : it)) }));
}

async function runQueue(): Promise<void> {
  if (useBatch.getState().running) return;
  useBatch.setState({ running: true });
  try {
    for (;;) {
      const item = useBatch.getState().items.find((it) => it.status === 'queued');
      if (!item) break;
      patch(item.id, { status: 'reading', stage: 'decode', progress: 0, error: null });
      try {
        const bytes = await item.file.arrayBuffer();
        const response = await client.read({
          bytes,
          name: item.file.name,
          options: { all: true },
          onProgress: (stage, done, total) =>
            patch(item.id, { stage, progress: stageProgress(stage, done, total) }),
        });
        const results = response.results?.length ? response.results : [response.result];
        patch(item.id, {
          status: 'done',
          stage: null,
          progress: 1,
          records: results.map((result, index) => ({ index, result, review: null })),
          pages: response.pages,
          backend: response.backend,
          timings: response.timings,
        });
      } catch (err) {
        if (err instanceof CancelledError) {
          patch(item.id, { status: 'cancelled', stage: null, progress: 0 });
          break;
        }
        patch(item.id, { status: 'failed', stage: null, error: (err as Error).message });
        if ((err as Error).name === 'WorkerCrashError') warmEngines();
      }
    }
  } finally {
    useBatch.setState({ running: false });
  }
}

/** Saves the open record's review back into the batch (before leaving it, or exporting). */
export function saveOpen(): void {
  const { open, items } = useBatch.getState();
  if (!open) return;
  const saved = useReview.getState().save();
  if (!saved) return;
  useBatch.setState({
    items: items.map((it) =>
      it.id !== open.itemId
        ? it
        : { ...it, records: it.records.map((r) => (r.index === open.index ? { ...r, review: saved } : r)) },
    ),
  });
}

export const useBatch = create<BatchState>((set, get) => ({
  mode: 'single',
  items: [],
  running: false,
  open: null,

  setMode: (mode) => {
    if (mode === get().mode) return;
    get().closeRecord();
    // The single-file screen starts empty rather than showing a batch record.
    if (useApp.getState().doc) useApp.setState({ doc: null, edits: {}, selected: null });
    set({ mode });
  },
  addFiles: (files) => {
    const added: BatchItem[] = files.map((file) => ({
      id: `item-${nextId++}`,
      file,
      status: 'queued',
      stage: null,
      progress: 0,
      error: null,
      records: [],
      pages: [],
      backend: '',
      timings: null,
    }));
    set({ items: [...get().items, ...added] });
    void runQueue();
  },
  remove: (id) => {
    const item = get().items.find((it) => it.id === id);
    if (item?.status === 'reading') return;
    if (get().open?.itemId === id) get().closeRecord();
    set({ items: get().items.filter((it) => it.id !== id) });
  },
  clear: () => {
    if (get().running) get().cancel();
    get().closeRecord();
    set({ items: [] });
  },
  cancel: () => {
    // Queued files are held back first, so the loop finds nothing more to start.
    set({ items: get().items.map((it) => (it.status === 'queued' ? { ...it, status: 'cancelled' } : it)) });
    if (get().items.some((it) => it.status === 'reading')) {
      client.cancel();
      warmEngines();
    }
  },
  retry: () => {
    set({
      items: get().items.map((it) =>
        it.status === 'cancelled' || it.status === 'failed'
          ? { ...it, status: 'queued', error: null, progress: 0 }
          : it,
      ),
    });
    void runQueue();
  },
  openRecord: (itemId, index) => {
    saveOpen();
    const item = get().items.find((it) => it.id === itemId);
    const record = item?.records.find((r) => r.index === index);
    if (!item || !record) return;
    const result = record.review?.machine ?? record.result;
    let pages: PageView[];
    if (item.pages.some((p) => p.blob)) {
      pages = item.pages.map((p) => ({
        index: p.index,
        width: p.width,
        height: p.height,
        url: p.blob ? URL.createObjectURL(p.blob) : null,
      }));
    } else if (result.status === 'SUCCESS') {
      const first = item.pages[0] ?? result.meta?.page_sizes[0];
      pages = [
        {
          index: 0,
          width: first?.width ?? 0,
          height: first?.height ?? 0,
          url: URL.createObjectURL(item.file),
        },
      ];
    } else pages = [];
    useApp.getState().openDocument({
      fileName: recordName(item, record),
      fileSize: item.file.size,
      result,
      pages,
      backend: item.backend,
      timings: item.timings ?? { engineInitMs: 0, readMs: 0, previewMs: 0, totalMs: 0 },
    });
    if (record.review) useReview.getState().load(record.review);
    // A permit of a multi-permit PDF opens on its own page.
    const page = (result.meta?.record as { page_index?: number } | undefined)?.page_index;
    if (page !== undefined && page < pages.length) useApp.getState().setPage(page);
    set({ open: { itemId, index } });
  },
  closeRecord: () => {
    if (!get().open) return;
    saveOpen();
    set({ open: null });
  },
}));

/** A record's name in lists and exports: the file, and its number when the file holds several. */
export function recordName(item: BatchItem, record: BatchRecord): string {
  return item.records.length > 1 ? `${item.file.name}#${record.index + 1}` : item.file.name;
}

/** A record as exported: the reviewed values and audit when it was reviewed, else the read. */
export function recordResult(record: BatchRecord, today = new Date()): KitasResult {
  const r = record.review;
  if (!r) return record.result;
  return reviewedResult({
    machine: r.machine,
    current: r.current,
    edits: r.edits,
    reviewedAt: r.reviewedAt,
    today,
  });
}

/** Every record of the batch, in order, with its file; files that failed give a FAILED record. */
export function exportRecords(items: BatchItem[]): CsvRecord[] {
  const out: CsvRecord[] = [];
  for (const item of items) {
    if (item.status === 'failed') {
      out.push({
        file: item.file.name,
        result: failureResult('FAILED', item.error ?? 'The file could not be read.'),
      });
      continue;
    }
    if (item.status !== 'done') continue;
    for (const record of item.records)
      out.push({ file: recordName(item, record), result: recordResult(record) });
  }
  return out;
}

/** The JSON lines object: the result, with the source file named under meta.file. */
export function withFile({ file, result }: CsvRecord): KitasResult {
  const meta = { ...(result.meta ?? {}), file } as ResultMeta;
  return { ...result, meta };
}
