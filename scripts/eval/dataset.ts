// Loading an evaluation set written by the generator (scripts/synth): DIR/manifest.json plus, for each
// document, `<id>.<ext>` and `<id>.truth.json`. The loader does not depend on the generator's code, only
// on the files, and says plainly what is missing.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { KitasResult } from '../../src/core/schema';

export interface TruthDoc {
  id: string;
  tier: string;
  layout: 'page' | 'card' | 'negative';
  variant: string;
  kind: 'KITAS' | 'KITAP' | 'KTP' | 'SKTT' | 'PASSPORT' | 'OTHER';
  /** The file name of the document, relative to the set's folder (the generator's `file`). */
  file?: string;
  expected: KitasResult;
  [extra: string]: unknown;
}

export interface EvalDoc {
  id: string;
  /** Absolute path of the document's bytes. */
  file: string;
  truth: TruthDoc;
}

export class FixtureSetMissingError extends Error {
  constructor(dir: string, detail: string) {
    super(`fixture set missing: ${dir} (${detail})`);
    this.name = 'FixtureSetMissingError';
  }
}

const DOC_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.pdf', '.webp', '.tif', '.tiff', '.bmp', '.gif', '.heic'];

/** Manifest entries the loader understands: an id, or an object with `id` and optionally `file`/`truth`. */
type ManifestEntry = string | { id?: unknown; file?: unknown; truth?: unknown; [k: string]: unknown };

function manifestEntries(manifest: unknown): ManifestEntry[] {
  if (Array.isArray(manifest)) return manifest as ManifestEntry[];
  if (manifest && typeof manifest === 'object') {
    const m = manifest as Record<string, unknown>;
    for (const key of ['documents', 'docs', 'items', 'files', 'entries']) {
      if (Array.isArray(m[key])) return m[key] as ManifestEntry[];
    }
  }
  throw new Error('manifest.json lists no documents (expected an array or { documents: [...] })');
}

/** The truth files of a set, in manifest order (or sorted by name when there is no manifest). */
export function loadSet(dir: string, limit?: number): EvalDoc[] {
  const root = path.resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new FixtureSetMissingError(root, 'no such folder');
  }
  const manifestPath = path.join(root, 'manifest.json');
  let pairs: { id: string; truthPath: string; file?: string }[];
  if (existsSync(manifestPath)) {
    const entries = manifestEntries(JSON.parse(readFileSync(manifestPath, 'utf8')));
    pairs = entries.map((e) => {
      const id = typeof e === 'string' ? e : String(e.id ?? '');
      if (!id) throw new Error(`manifest.json entry without an id: ${JSON.stringify(e).slice(0, 200)}`);
      const truthRel = typeof e === 'object' && typeof e.truth === 'string' ? e.truth : `${id}.truth.json`;
      const file = typeof e === 'object' && typeof e.file === 'string' ? e.file : undefined;
      return { id, truthPath: path.join(root, truthRel), ...(file ? { file } : {}) };
    });
  } else {
    const truths = readdirSync(root)
      .filter((n) => n.endsWith('.truth.json'))
      .sort();
    if (!truths.length) throw new FixtureSetMissingError(root, 'no manifest.json and no *.truth.json');
    pairs = truths.map((n) => ({ id: n.slice(0, -'.truth.json'.length), truthPath: path.join(root, n) }));
  }
  if (!pairs.length) throw new FixtureSetMissingError(root, 'manifest.json lists no documents');

  const names = readdirSync(root);
  const docs: EvalDoc[] = [];
  for (const p of pairs.slice(0, limit && limit > 0 ? limit : undefined)) {
    if (!existsSync(p.truthPath)) throw new Error(`truth file missing for ${p.id}: ${p.truthPath}`);
    const truth = JSON.parse(readFileSync(p.truthPath, 'utf8')) as TruthDoc;
    if (!truth.expected?.read) throw new Error(`truth of ${p.id} has no expected.read`);
    const fileName = p.file ?? truth.file ?? findDocFile(names, p.id);
    if (!fileName) throw new Error(`document file missing for ${p.id} in ${root}`);
    const file = path.join(root, fileName);
    if (!existsSync(file)) throw new Error(`document file missing for ${p.id}: ${file}`);
    docs.push({
      id: p.id,
      file,
      truth: { ...truth, id: truth.id ?? p.id, tier: String(truth.tier ?? 'unknown') },
    });
  }
  return docs;
}

function findDocFile(names: string[], id: string): string | undefined {
  return names.find((n) => {
    const ext = path.extname(n).toLowerCase();
    return n.slice(0, -ext.length) === id && DOC_EXTENSIONS.includes(ext);
  });
}
