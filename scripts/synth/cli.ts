// npm run synth -- --out DIR --n N [--layout page|card|both] [--tier digital,pdf,scan,photo,webcam]
//                  [--negatives K] [--seed S] [--tier-mode all|cycle] [--page-width 900|1240|mixed]
//                  [--words]   (also write <id>.words.json: each printed word's text and corners)
import { parseArgs } from 'node:util';
import { generateSet, TIERS } from './index';
import type { LayoutChoice, Tier } from './index';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    n: { type: 'string', default: '4' },
    layout: { type: 'string', default: 'both' },
    tier: { type: 'string', default: 'digital' },
    'tier-mode': { type: 'string', default: 'all' },
    negatives: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'page-width': { type: 'string', default: 'mixed' },
    quiet: { type: 'boolean', default: false },
    words: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function fail(msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
}

if (values.help || !values.out) {
  process.stdout.write(
    'usage: npm run synth -- --out DIR --n N [--layout page|card|both] [--tier digital,pdf,scan,photo,webcam]\n' +
      '                        [--negatives K] [--seed S] [--tier-mode all|cycle] [--page-width 900|1240|mixed] [--words]\n',
  );
  process.exit(values.help ? 0 : 2);
}
const tiers = values.tier.split(',').map((t) => t.trim()) as Tier[];
for (const t of tiers) if (!TIERS.includes(t)) fail(`unknown tier ${t} (known: ${TIERS.join(', ')})`);
if (!['page', 'card', 'both'].includes(values.layout)) fail(`unknown layout ${values.layout}`);
if (!['all', 'cycle'].includes(values['tier-mode'])) fail(`unknown tier mode ${values['tier-mode']}`);
const n = Number(values.n);
const negatives = Number(values.negatives);
if (!Number.isInteger(n) || n < 0 || !Number.isInteger(negatives) || negatives < 0)
  fail('--n and --negatives take integers >= 0');
const pw = values['page-width'] === 'mixed' ? 'mixed' : Number(values['page-width']);
if (pw !== 'mixed' && !(pw >= 400 && pw <= 3000)) fail('--page-width takes 400..3000 or mixed');

const t0 = Date.now();
const manifest = await generateSet({
  out: values.out,
  n,
  layout: values.layout as LayoutChoice,
  tiers,
  tierMode: values['tier-mode'] as 'all' | 'cycle',
  negatives,
  seed: values.seed,
  pageWidth: pw,
  words: values.words,
  log: values.quiet ? undefined : (m) => process.stdout.write(`${m}\n`),
});
const secs = (Date.now() - t0) / 1000;
process.stdout.write(
  `wrote ${manifest.count} documents to ${values.out} in ${secs.toFixed(1)} s (${(secs / Math.max(1, manifest.count)).toFixed(2)} s/doc)\n`,
);
