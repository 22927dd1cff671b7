// Review state of the open document: the machine's first result (for the audit), undo/redo over
// the officer's edits and redrawn boxes, and the confirmation. The values themselves live in the
// app store (`doc.result` and `edits`), so the viewer, the export bar and the unload guard see them.
import { create } from 'zustand';
import type { FieldName, KitasResult, TextField, TextFieldName } from '../../core/schema';
import { reviewedResult, type Edits } from '../../core/export/review';
import { useApp, type OpenDocument } from '../store';

export interface Snapshot {
  result: KitasResult;
  edits: Edits;
  reviewedAt: string | null;
}

/** What a batch keeps of a record's review between visits. */
export interface SavedReview {
  machine: KitasResult;
  current: KitasResult;
  edits: Edits;
  reviewedAt: string | null;
  past: Snapshot[];
  future: Snapshot[];
}

interface ReviewState {
  /** The document this state belongs to (its page list identifies it across result updates). */
  pages: OpenDocument['pages'] | null;
  machine: KitasResult | null;
  reviewedAt: string | null;
  past: Snapshot[];
  future: Snapshot[];
  /** The field last typed into: further typing there joins the same undo step. */
  typing: FieldName | null;
  /** The field whose box is being redrawn, and the one being re-read. */
  drawing: TextFieldName | null;
  rereading: TextFieldName | null;
  rereadError: string | null;

  edit(field: FieldName, value: string): void;
  revert(field: FieldName): void;
  endTyping(): void;
  undo(): void;
  redo(): void;
  confirm(): void;
  startDrawing(field: TextFieldName | null): void;
  applyRedraw(field: TextFieldName, read: TextField): void;
  setRereading(field: TextFieldName | null, error?: string | null): void;
  save(): SavedReview | null;
  load(saved: SavedReview): void;
}

const MAX_HISTORY = 200;

function snapshot(reviewedAt: string | null): Snapshot {
  const { doc, edits } = useApp.getState();
  return { result: doc!.result, edits, reviewedAt };
}

/** Adopts the open document when it is a new one (opened since the last call). */
function sync(): void {
  const doc = useApp.getState().doc;
  const state = useReview.getState();
  if (!doc) return;
  if (state.pages !== doc.pages || !state.machine) {
    useReview.setState({
      pages: doc.pages,
      machine: doc.result,
      reviewedAt: null,
      past: [],
      future: [],
      typing: null,
      drawing: null,
      rereading: null,
      rereadError: null,
    });
  }
}

export const useReview = create<ReviewState>((set, get) => {
  /** Records the present as an undo step, then applies a change (which un-confirms the record). */
  const change = (field: FieldName | null, apply: () => void) => {
    sync();
    const s = get();
    if (!useApp.getState().doc) return;
    const joins = field !== null && s.typing === field && s.past.length > 0;
    if (!joins) set({ past: [...s.past, snapshot(s.reviewedAt)].slice(-MAX_HISTORY) });
    set({ future: [], typing: field, reviewedAt: null });
    apply();
  };
  const goTo = (from: 'past' | 'future') => {
    sync();
    const s = get();
    const stack = s[from];
    const target = stack[stack.length - 1];
    if (!target || !useApp.getState().doc) return;
    const present = snapshot(s.reviewedAt);
    const other = from === 'past' ? 'future' : 'past';
    set({
      [from]: stack.slice(0, -1),
      [other]: [...s[other], present],
      typing: null,
      reviewedAt: target.reviewedAt,
    });
    useApp.getState().restore(target.result, target.edits);
  };
  return {
    pages: null,
    machine: null,
    reviewedAt: null,
    past: [],
    future: [],
    typing: null,
    drawing: null,
    rereading: null,
    rereadError: null,

    edit: (field, value) =>
      change(field, () => {
        const { doc, edits, restore } = useApp.getState();
        const next = { ...edits };
        // Typing the value back to what is on record is no edit.
        if (value === doc!.result.read[field].value) delete next[field];
        else next[field] = value;
        restore(doc!.result, next);
      }),
    revert: (field) =>
      change(null, () => {
        const { doc, edits, restore } = useApp.getState();
        const next = { ...edits };
        delete next[field];
        restore(doc!.result, next);
      }),
    endTyping: () => set({ typing: null }),
    undo: () => goTo('past'),
    redo: () => goTo('future'),
    confirm: () => {
      sync();
      set({ reviewedAt: new Date().toISOString(), typing: null });
    },
    startDrawing: (field) => {
      sync();
      set({ drawing: field, rereadError: null });
    },
    applyRedraw: (field, read) =>
      change(null, () => {
        const { doc, edits, restore } = useApp.getState();
        const next = { ...edits };
        delete next[field];
        restore({ ...doc!.result, read: { ...doc!.result.read, [field]: read } }, next);
      }),
    setRereading: (field, error = null) => set({ rereading: field, rereadError: error }),
    save: () => {
      sync();
      const { doc, edits } = useApp.getState();
      const s = get();
      if (!doc || !s.machine) return null;
      return {
        machine: s.machine,
        current: doc.result,
        edits,
        reviewedAt: s.reviewedAt,
        past: s.past,
        future: s.future,
      };
    },
    load: (saved) => {
      const doc = useApp.getState().doc;
      if (!doc) return;
      useApp.getState().restore(saved.current, saved.edits);
      set({
        pages: useApp.getState().doc!.pages,
        machine: saved.machine,
        reviewedAt: saved.reviewedAt,
        past: saved.past,
        future: saved.future,
        typing: null,
        drawing: null,
        rereading: null,
        rereadError: null,
      });
    },
  };
});

// A newly opened document starts a fresh review (undo history belongs to one document).
useApp.subscribe((state, prev) => {
  if (state.doc?.pages !== prev.doc?.pages) sync();
});

/** The record as exported: officer values, re-validated, with the audit under meta.review. */
export function exportedResult(doc: OpenDocument, edits: Edits, today = new Date()): KitasResult {
  const s = useReview.getState();
  const machine = s.pages === doc.pages && s.machine ? s.machine : doc.result;
  const reviewedAt = s.pages === doc.pages ? s.reviewedAt : null;
  return reviewedResult({ machine, current: doc.result, edits, reviewedAt, today });
}
