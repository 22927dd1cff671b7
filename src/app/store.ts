import { create } from 'zustand';
import type { FieldName, KitasResult } from '../core/schema';
import type { ProgressStage, ReadResponse } from '../worker/protocol';
import type { Edits } from './export';

export interface PageView {
  index: number;
  width: number;
  height: number;
  /** Object URL of the page image (the file itself for images, a rendered PNG for PDFs). */
  url: string | null;
}

export interface OpenDocument {
  fileName: string;
  fileSize: number;
  result: KitasResult;
  pages: PageView[];
  backend: string;
  timings: ReadResponse['timings'];
}

export interface ReadProgress {
  fileName: string;
  stage: ProgressStage;
  done: number;
  total: number;
  startedAt: number;
}

export type EngineState =
  | { state: 'starting' }
  | { state: 'ready'; backend: string; initMs: number }
  | { state: 'failed'; message: string };

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

interface AppState {
  doc: OpenDocument | null;
  /** Edited values by field; kept until another document is opened. */
  edits: Edits;
  selected: FieldName | null;
  page: number;
  progress: ReadProgress | null;
  engine: EngineState;
  notice: Notice | null;

  startRead(fileName: string): void;
  setProgress(stage: ProgressStage, done: number, total: number): void;
  openDocument(doc: OpenDocument): void;
  endRead(notice: Notice | null): void;
  setEngine(engine: EngineState): void;
  edit(field: FieldName, value: string): void;
  revert(field: FieldName): void;
  select(field: FieldName | null): void;
  setPage(page: number): void;
  setNotice(notice: Notice | null): void;
  /** Puts back a result and its edits (review undo/redo, a redrawn field, a batch record reopened). */
  restore(result: KitasResult, edits: Edits): void;
}

/** The page most fields were found on: where a multi-page PDF opens. */
export function permitPage(result: KitasResult, pageCount: number): number {
  const votes = new Map<number, number>();
  for (const f of Object.values(result.read)) {
    if (f.polygon.length === 0) continue;
    const p = f.page_index ?? 0;
    votes.set(p, (votes.get(p) ?? 0) + 1);
  }
  let best = 0;
  let most = 0;
  for (const [p, n] of votes) if (n > most) [best, most] = [p, n];
  return Math.min(best, Math.max(0, pageCount - 1));
}

function revokePages(doc: OpenDocument | null): void {
  for (const p of doc?.pages ?? []) if (p.url) URL.revokeObjectURL(p.url);
}

export const useApp = create<AppState>((set, get) => ({
  doc: null,
  edits: {},
  selected: null,
  page: 0,
  progress: null,
  engine: { state: 'starting' },
  notice: null,

  startRead: (fileName) =>
    set({
      progress: { fileName, stage: 'decode', done: 0, total: 1, startedAt: performance.now() },
      notice: null,
    }),
  setProgress: (stage, done, total) => {
    const progress = get().progress;
    if (progress) set({ progress: { ...progress, stage, done, total } });
  },
  openDocument: (doc) => {
    revokePages(get().doc);
    const page = permitPage(doc.result, doc.pages.length);
    set({ doc, edits: {}, selected: null, page, progress: null, notice: null });
  },
  endRead: (notice) => set({ progress: null, notice }),
  setEngine: (engine) => set({ engine }),
  edit: (field, value) => set({ edits: { ...get().edits, [field]: value } }),
  revert: (field) => {
    const edits = { ...get().edits };
    delete edits[field];
    set({ edits });
  },
  select: (field) => {
    const doc = get().doc;
    if (!field || !doc) return set({ selected: field });
    const f = doc.result.read[field];
    const page = f.polygon.length > 0 ? (f.page_index ?? 0) : get().page;
    set({ selected: field, page: Math.min(page, Math.max(0, doc.pages.length - 1)) });
  },
  setPage: (page) => set({ page }),
  setNotice: (notice) => set({ notice }),
  restore: (result, edits) => {
    const doc = get().doc;
    if (doc) set({ doc: { ...doc, result }, edits });
  },
}));
