// Plain-text tables of an evaluation report.

import type { EvalReport, GroupStats, Rate } from './evaluate';

export function pct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined ? '-' : `${(x * 100).toFixed(digits)}%`;
}

export function fixed(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined ? '-' : x.toFixed(digits);
}

function rateCell(r: Rate): string {
  return r.n ? `${pct(r.rate)} (${r.ok}/${r.n})` : '-';
}

/** A markdown table; cells are padded so it also reads as plain text. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

function tierRow(name: string, g: GroupStats): string[] {
  return [
    name,
    String(g.docs),
    rateCell(g.exact_match),
    rateCell(g.false_positive),
    fixed(g.cer),
    rateCell(g.polygon_iou50),
    rateCell(g.photo),
    rateCell(g.all_fields_right),
    rateCell(g.negatives_ok),
    pct(g.confidence.high.precision),
    pct(g.confidence.high.share),
    fixed(g.confidence.ece),
  ];
}

/** Tiers whose docs carry a quality report (photos, frames), in report order. */
function qualityTiers(report: EvalReport): [string, GroupStats][] {
  return Object.entries(report.per_tier).filter(([, g]) => g.readable_docs + g.flagged_docs > 0);
}

function qualityRow(name: string, g: GroupStats): string[] {
  const w = g.flagged_confident_wrong;
  return [
    name,
    String(g.docs),
    String(g.readable_docs),
    rateCell(g.exact_match_readable),
    String(g.flagged_docs),
    g.flagged_docs ? `${w.ok}/${w.n} reads` : '-',
    String(g.close_enough_docs),
    rateCell(g.exact_match_close_enough),
    g.too_small_docs ? `${g.too_small_confident_wrong.ok}/${g.too_small_confident_wrong.n} reads` : '-',
  ];
}

export function formatReport(report: EvalReport): string {
  const out: string[] = [];
  out.push(`Set: ${report.set}   backend: ${report.backend ?? '-'}   docs: ${report.overall.docs}`);
  if (report.overall.errors) out.push(`Errors (exceptions thrown by readDocument): ${report.overall.errors}`);
  out.push('');
  out.push(
    'Per tier (exact = normalized exact match on non-empty truth; FP = non-empty read on empty truth)',
  );
  out.push(
    table(
      [
        'tier',
        'docs',
        'exact',
        'FP',
        'CER',
        'poly IoU>=.5',
        'photo',
        'all fields right',
        'negatives ok',
        'P@conf>=.9',
        'share>=.9',
        'ECE',
      ],
      [...Object.entries(report.per_tier).map(([t, g]) => tierRow(t, g)), tierRow('ALL', report.overall)],
    ),
  );
  const withQuality = qualityTiers(report);
  if (withQuality.length) {
    out.push('');
    out.push(
      "Frame quality (readable = quality check names neither 'too_small' nor 'blurry'; flagged ones " +
        "should carry no wrong read at confidence >= 0.9; close enough = it does not name 'too_small', " +
        'the frames the webcam target is set on)',
    );
    out.push(
      table(
        [
          'tier',
          'docs',
          'readable',
          'exact (readable)',
          'flagged (too_small/blurry)',
          'wrong at conf>=.9 on flagged',
          'close enough',
          'exact (close enough)',
          'wrong at conf>=.9 on too_small',
        ],
        withQuality.map(([t, g]) => qualityRow(t, g)),
      ),
    );
  }
  out.push('');
  const tiers = Object.keys(report.per_tier);
  out.push(
    'Per field: exact match (overall, then per tier), false positives, CER, polygon IoU>=0.5 (overall)',
  );
  out.push(
    table(
      ['field', 'exact', ...tiers, 'FP', 'CER', 'poly'],
      Object.entries(report.overall.per_field).map(([name, f]) => [
        name,
        rateCell(f.exact),
        ...tiers.map((t) => {
          const r = report.per_tier[t]!.per_field[name]!.exact;
          return r.n ? pct(r.rate, 0) : '-';
        }),
        f.false_positive.ok ? `${f.false_positive.ok}/${f.false_positive.n}` : '0',
        fixed(f.cer),
        rateCell(f.polygon_iou50),
      ]),
    ),
  );
  out.push('');
  const c = report.overall.confidence;
  out.push(`Confidence trust (all ${c.reads} non-empty reads; right = equals truth)`);
  out.push(
    table(
      ['bucket', 'reads', 'accuracy', 'mean conf'],
      c.buckets.map((b) => [
        `[${b.lo}, ${b.hi}${b.closed ? ']' : ')'}`,
        String(b.n),
        b.n ? `${pct(b.accuracy)} (${b.correct}/${b.n})` : '-',
        fixed(b.mean_confidence),
      ]),
    ),
  );
  out.push(
    `conf >= ${c.high.threshold}: precision ${pct(c.high.precision)} (${c.high.correct}/${c.high.n}), ` +
      `share of non-empty reads ${pct(c.high.share)}; ECE (10 bins) ${fixed(c.ece)}`,
  );
  const failing = report.docs.filter((d) => d.error || d.negative_ok === false);
  if (failing.length) {
    out.push('');
    out.push(
      'Documents with errors or wrongly accepted negatives: ' +
        failing
          .map((d) => `${d.id}${d.error ? ` (${d.error})` : ` (${d.status}, ${d.nonempty_reads} fields)`}`)
          .join('; '),
    );
  }
  return out.join('\n');
}
