// The landscape ID-1 KITAS/KITAP plastic card in structural variants.
import { DOCUMENT_TITLES } from '../../src/core/labels';
import { emblemSvg, faceSvg, guillocheSvg, signatureSvg } from './art';
import { FONTS, jiggle, Labels, Marks } from './html';
import type { LabelKey, LabelMode } from './html';
import { formatDate, isoDmy } from './identity';
import type { Identity } from './identity';
import type { Rng } from './rng';
import type { DocSpec } from './spec';

export const CARD_CSS_SCALE = 1.5625;

export const CARD_VARIANTS = ['photo-left', 'photo-right-above', 'bilingual-stack'] as const;
export type CardVariant = (typeof CARD_VARIANTS)[number];

const PALETTES: readonly (readonly string[])[] = [
  ['#dfeef7', '#b9d8ec', '#5a8fb8', '#7fb0d0'],
  ['#f4e9d8', '#e8cfa6', '#b5835a', '#c79a6a'],
  ['#e6f2e4', '#c4e0bf', '#5d9457', '#86b37f'],
  ['#f3e3ea', '#e3bfd0', '#a5627f', '#c28aa2'],
  ['#ecebf7', '#cfcdee', '#6a66b0', '#8e8bc8'],
];

interface Row {
  label: string;
  value: string;
}

export function cardSpec(r: Rng, id: Identity, variant: CardVariant = r.pick(CARD_VARIANTS)): DocSpec {
  const m = new Marks();
  const labels = new Labels(r);
  const font = r.pick(FONTS.filter((f) => f !== 'Liberation Serif' || r.bool(0.5)));
  const palette = r.pick(PALETTES);
  const ink = r.pick(['#000000', '#101018', '#1a1a1a']);
  const accent = r.pick(['#0b2f6b', '#7a1020', '#1a1a1a', palette[2]!]);
  const fontPx = r.float(7.6, 8.6);
  const ds = id.dateStyle;
  const labelMode: LabelMode =
    variant === 'bilingual-stack'
      ? 'stacked'
      : variant === 'photo-right-above'
        ? r.pick(['inline', 'indonesian'])
        : r.pick(['inline', 'indonesian']);
  const colon = variant === 'photo-left' ? r.bool(0.8) : false;
  const lab = (k: LabelKey) => labels.html(k, labelMode);

  const rows: Row[] = [];
  rows.push({ label: lab('full_name'), value: m.text('full_name', id.fullName) });
  if (r.bool(0.6)) {
    rows.push({
      label: lab('place_date_of_birth'),
      value: `${m.text('place_of_birth', id.placeOfBirth)}, ${m.text('date_of_birth', formatDate(id.dob, id.dobStyle), isoDmy(id.dob))}`,
    });
  } else {
    rows.push({ label: lab('place_of_birth'), value: m.text('place_of_birth', id.placeOfBirth) });
    rows.push({
      label: lab('date_of_birth'),
      value: m.text('date_of_birth', formatDate(id.dob, id.dobStyle), isoDmy(id.dob)),
    });
  }
  const mid: Row[] = [
    { label: lab('nationality'), value: m.text('nationality', id.nationality) },
    { label: lab('gender'), value: m.text('gender', id.genderPrinted, id.gender) },
    { label: lab('passport_number'), value: m.text('passport_number', id.passportNumber) },
  ];
  if (r.bool(0.5))
    mid.push({
      label: lab('passport_expiry'),
      value: m.text('passport_expiry', formatDate(id.passportExpiry, ds), isoDmy(id.passportExpiry)),
    });
  rows.push(...jiggle(r, mid, r.int(0, 2)));
  const extra: Row[] = [];
  if (r.bool(0.5)) extra.push({ label: lab('address'), value: m.text('address', id.address) });
  if (r.bool(0.6)) extra.push({ label: lab('occupation'), value: m.text('occupation', id.occupation) });
  if (r.bool(0.5)) extra.push({ label: lab('status'), value: m.text('status', id.status) });
  if (id.guarantor && r.bool(0.25))
    extra.push({ label: lab('guarantor_name'), value: m.text('guarantor_name', id.guarantor) });
  rows.push(...extra);

  const ids: Row[] = [];
  if (r.bool(0.7)) ids.push({ label: lab('niora'), value: m.text('niora', id.niora) });
  if (id.stayPermitIndex && r.bool(0.5))
    ids.push({
      label: lab('stay_permit_index'),
      value: m.text('stay_permit_index', id.stayPermitIndex, id.stayPermitIndex.replace(/\s+/g, '')),
    });
  if (id.multipleExpiry)
    ids.push({
      label: lab('stay_multiple_entries_permit_expiry'),
      value: m.text(
        'stay_multiple_entries_permit_expiry',
        formatDate(id.multipleExpiry, ds),
        isoDmy(id.multipleExpiry),
      ),
    });
  else if (id.singleExpiry)
    ids.push({
      label: lab('stay_entries_permit_expiry'),
      value: m.text('stay_entries_permit_expiry', formatDate(id.singleExpiry, ds), isoDmy(id.singleExpiry)),
    });

  const permitLarge = variant !== 'photo-left' || r.bool(0.5);
  const permitHtml = permitLarge ? `<div class="pno">${m.text('permit_number', id.permitNumber)}</div>` : '';
  if (!permitLarge)
    ids.unshift({ label: lab('permit_number'), value: m.text('permit_number', id.permitNumber) });

  const title = DOCUMENT_TITLES[id.kind][1];
  const header = `<div class="hdr ${variant === 'photo-right-above' ? 'lefthdr' : ''}">
      <div class="emb">${emblemSvg(r.fork('emb'), 40, accent)}</div>
      <div class="ht"><div class="ri">REPUBLIK INDONESIA</div><div class="ttl">${m.text('document_type', title)}</div></div>
    </div>`;

  const photo = m.image(
    'photo',
    faceSvg(r.fork('face'), 120, 150, id.gender, id.issuedDate.y - id.dob.y),
    '',
    'photo',
  );
  const sign = m.image('sign', signatureSvg(r.fork('holder-sign'), 160, 50), '', 'sig');

  const issued = r.bool(0.6)
    ? `<div class="iss">${m.text('issued', `${id.issuedPlace}, ${formatDate(id.issuedDate, ds)}`, `${id.issuedPlace}|${isoDmy(id.issuedDate)}`)}</div>`
    : '';
  const officeLine = r.bool(0.4) ? `<div class="offc">${m.text('office_name', id.officeName)}</div>` : '';

  const sep = colon ? '<span>:</span>' : '';
  const table = (list: Row[]) =>
    variant === 'photo-right-above'
      ? `<div class="grid2">${list.map((x) => `<div class="cell"><div class="lab">${x.label}</div><div class="val">${x.value}</div></div>`).join('')}</div>`
      : `<div class="tbl">${list.map((x) => `<div class="lab">${x.label}</div>${colon ? `<div>${sep}</div>` : ''}<div class="val">${x.value}</div>`).join('')}</div>`;

  const all = variant === 'bilingual-stack' ? [...rows, ...ids] : [...ids, ...rows];
  const left = `<div class="pcol">${photo}${variant === 'photo-left' ? sign : ''}</div>`;
  const fields = `<div class="fcol">${permitHtml}${table(all)}</div>`;
  const layout =
    variant === 'photo-right-above'
      ? `<div class="body">${fields}<div class="pcol">${photo}${sign}</div></div>`
      : `<div class="body">${left}${fields}</div>`;
  const bottom =
    variant === 'bilingual-stack'
      ? `<div class="bot">${officeLine}${issued}<div class="sigw">${sign}</div></div>`
      : `<div class="bot">${officeLine}${issued}</div>`;

  const bg = guillocheSvg(r.fork('guilloche'), 506, 319, palette);
  const css = `
    .sheet { font-family: '${font}'; color: ${ink}; }
    .bg { position: absolute; inset: 0; }
    .content { position: absolute; inset: 0.9em 1.3em 0.8em 1.3em; display: flex; flex-direction: column; }
    .hdr { display: flex; align-items: center; justify-content: center; gap: 0.8em; }
    .hdr.lefthdr { justify-content: flex-start; }
    .emb { width: 3.2em; height: 3.2em; flex: none; }
    .ht { text-align: center; line-height: 1.25; }
    .lefthdr .ht { text-align: left; }
    .ri { font-size: 0.95em; font-weight: bold; letter-spacing: 0.08em; color: ${accent}; }
    .ttl { font-size: 1.35em; font-weight: bold; color: ${accent}; }
    .body { display: flex; gap: 1.3em; margin-top: 0.8em; flex: 1; min-height: 0; }
    .pcol { display: flex; flex-direction: column; gap: 0.6em; flex: none; }
    .photo { width: 10.5em; height: 13.2em; border: 1px solid #666; }
    .sig { width: 10.5em; height: 3.4em; }
    .sigw .sig { width: 11em; height: 3.2em; }
    .fcol { flex: 1; min-width: 0; }
    .pno { font-size: 1.5em; font-weight: bold; letter-spacing: 0.04em; margin-bottom: 0.3em; font-family: 'DejaVu Sans Mono', monospace; }
    .tbl { display: grid; grid-template-columns: ${r.float(10, 13).toFixed(1)}em ${colon ? '0.7em ' : ''}1fr; column-gap: 0.4em; row-gap: 0.22em; align-items: baseline; }
    .grid2 { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1em; row-gap: 0.35em; }
    .grid2 .lab { font-size: 0.78em; color: #333; }
    .lab { font-size: 0.9em; color: #222; }
    .stk { display: inline-flex; flex-direction: column; line-height: 1.1; }
    .stk .en { font-style: italic; font-size: 0.85em; }
    .val { font-weight: bold; }
    .bot { display: flex; justify-content: space-between; align-items: flex-end; gap: 1em; font-size: 0.9em; }
    .iss { margin-left: auto; }
    .offc { font-size: 0.85em; }`;
  const body = `<div class="bg">${bg}</div><div class="content">${header}${layout}${bottom}</div>`;
  return {
    kind: id.kind,
    layout: 'card',
    variant,
    // ID-1 (85.6 x 54 mm) laid out at 1.5625x so that type sizes stay sane in CSS px (506 x 319).
    widthMm: 85.6 * CARD_CSS_SCALE,
    heightMm: 54 * CARD_CSS_SCALE,
    css,
    body,
    fontPx,
    rounded: true,
    marks: m,
  };
}
