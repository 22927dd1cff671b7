import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The committed regression set (filled by the generator). */
export const DEFAULT_SET = path.join(REPO_ROOT, 'scripts/eval/fixtures/regression');
export const BASELINE_PATH = path.join(REPO_ROOT, 'scripts/eval/baseline.json');
