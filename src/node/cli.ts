import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { readDocument } from '../core/read-document';
import type { KitasResult } from '../core/schema';
import { createNodeEngines, type NodeEngines } from '../engine/node/engines';

const USAGE = `Usage:
  kitas-ocr read FILE... [--out DIR] [--today YYYY-MM-DD]
      Reads KITAS/KITAP images (.png, .jpg, .jpeg) or PDFs. With one file and no --out, prints the
      result JSON to stdout; with --out, writes DIR/<name>.json for every input.
  kitas-ocr serve [--port N] [--host H]
      Serves POST /ocr/v1/kitas-kitap on this machine (see README).
  kitas-ocr --help`;

export interface ParsedReadArgs {
  files: string[];
  out: string | null;
  today: Date | undefined;
}

export function parseReadArgs(args: string[]): ParsedReadArgs | string {
  const files: string[] = [];
  let out: string | null = null;
  let today: Date | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out' || a === '-o') {
      const v = args[++i];
      if (!v) return '--out needs a directory';
      out = v;
    } else if (a === '--today') {
      const v = args[++i];
      if (!v || Number.isNaN(Date.parse(v))) return '--today needs a date like 2026-01-31';
      today = new Date(`${v}T00:00:00Z`);
    } else if (a.startsWith('-')) {
      return `unknown option ${a}`;
    } else files.push(a);
  }
  if (!files.length) return 'no input files';
  if (files.length > 1 && !out) return 'several files need --out DIR';
  return { files, out, today };
}

export async function readFiles(
  parsed: ParsedReadArgs,
  engines: NodeEngines,
  onResult?: (file: string, result: KitasResult) => Promise<void> | void,
): Promise<void> {
  for (const file of parsed.files) {
    let bytes: Uint8Array | null;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch {
      bytes = null;
    }
    const result = bytes
      ? await readDocument(bytes, engines, {
          fileName: path.basename(file),
          ...(parsed.today ? { today: parsed.today } : {}),
        })
      : {
          status: 'NO_FILE' as const,
          reason: `Cannot open ${file}`,
          read: (await import('../core/schema')).emptyRead(),
        };
    await onResult?.(file, result);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === 'serve') {
    const { serveCommand } = await import('./serve-command');
    return serveCommand(rest);
  }
  if (command !== 'read') {
    process.stderr.write(`kitas-ocr: unknown command '${command}'\n${USAGE}\n`);
    return 2;
  }
  const parsed = parseReadArgs(rest);
  if (typeof parsed === 'string') {
    process.stderr.write(`kitas-ocr read: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  const engines = await createNodeEngines();
  try {
    if (!parsed.out) {
      await readFiles(parsed, engines, (_file, result) => {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      });
      return 0;
    }
    await mkdir(parsed.out, { recursive: true });
    const bar = new cliProgress.SingleBar(
      { format: 'kitas-ocr {bar} {value}/{total} {file}', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(parsed.files.length, 0, { file: '' });
    const outDir = parsed.out;
    await readFiles(parsed, engines, async (file, result) => {
      const name = path.basename(file).replace(/\.[^.]+$/, '');
      await writeFile(path.join(outDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
      bar.increment(1, { file: path.basename(file) });
    });
    bar.stop();
    return 0;
  } finally {
    await engines.close();
  }
}
