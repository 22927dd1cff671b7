// The portrait e-ITAS / e-ITAP page in structural variants.
import { HEADER_LINES, DOCUMENT_TITLES } from '../../src/core/labels';
import { faceSvg, signatureSvg, emblemSvg, qrSvg } from './art';
import { OFFICIAL_TITLES } from './data';
import { esc, FONTS, jiggle, Labels, Marks } from './html';
import type { LabelKey, LabelMode } from './html';
import { formatDate, isoDmy } from './identity';
import type { Identity } from './identity';
import type { Rng } from './rng';
import type { DocSpec } from './spec';

export const PAGE_VARIANTS = ['classic', 'stacked', 'bilingual', 'two-column'] as const;
export type PageVariant = (typeof PAGE_VARIANTS)[number];

interface Row {
  label: string;
  value: string;
}

export function pageSpec(r: Rng, id: Identity, variant: PageVariant = r.pick(PAGE_VARIANTS)): DocSpec {
  const m = new Marks();
  const labels = new Labels(r);
  const font = r.pick(FONTS);
  const ink = r.pick(['#000000', '#111111', '#1b1b28', '#202020']);
  const accent = r.pick(['#000000', '#0b2f6b', '#1a1a1a', '#123a5a', '#3a1a1a']);
  const paper = r.pick(['#ffffff', '#ffffff', '#fdfdf8', '#fbfcff']);
  const fontPx = r.float(12.5, 14.5);
  const ds = id.dateStyle;
  const labelMode: LabelMode =
    variant === 'bilingual'
      ? 'stacked'
      : variant === 'stacked'
        ? r.pick(['inline', 'indonesian'])
        : r.pick(['inline', 'inline', 'indonesian']);
  const colon = variant === 'classic' || variant === 'two-column' ? r.bool(0.85) : false;
  const photoRight = variant === 'stacked' ? true : variant === 'two-column' ? r.bool(0.5) : false;
  const combinedBirth = variant === 'bilingual' ? r.bool(0.3) : r.bool(0.75);
  const lab = (k: LabelKey) => labels.html(k, labelMode);

  // Top block (next to the photo): NIORA, permit number, re-entry expiry, stay permit index.
  const top: Row[] = [
    { label: lab('niora'), value: m.text('niora', id.niora) },
    { label: lab('permit_number'), value: m.text('permit_number', id.permitNumber) },
  ];
  if (id.multipleExpiry)
    top.push({
      label: lab('stay_multiple_entries_permit_expiry'),
      value: m.text(
        'stay_multiple_entries_permit_expiry',
        formatDate(id.multipleExpiry, ds),
        isoDmy(id.multipleExpiry),
      ),
    });
  if (id.singleExpiry)
    top.push({
      label: lab('stay_entries_permit_expiry'),
      value: m.text('stay_entries_permit_expiry', formatDate(id.singleExpiry, ds), isoDmy(id.singleExpiry)),
    });
  if (id.stayPermitIndex)
    top.push({
      label: lab('stay_permit_index'),
      value: m.text('stay_permit_index', id.stayPermitIndex, id.stayPermitIndex.replace(/\s+/g, '')),
    });
  const topRows = jiggle(r, top, r.int(0, 1));

  // Personal block.
  const birth: Row[] = combinedBirth
    ? [
        {
          label: lab('place_date_of_birth'),
          value: `${m.text('place_of_birth', id.placeOfBirth)}, ${m.text('date_of_birth', formatDate(id.dob, id.dobStyle), isoDmy(id.dob))}`,
        },
      ]
    : [
        { label: lab('place_of_birth'), value: m.text('place_of_birth', id.placeOfBirth) },
        {
          label: lab('date_of_birth'),
          value: m.text('date_of_birth', formatDate(id.dob, id.dobStyle), isoDmy(id.dob)),
        },
      ];
  const passport: Row[] = [
    { label: lab('passport_number'), value: m.text('passport_number', id.passportNumber) },
    {
      label: lab('passport_expiry'),
      value: m.text('passport_expiry', formatDate(id.passportExpiry, ds), isoDmy(id.passportExpiry)),
    },
  ];
  const natGender: Row[] = jiggle(
    r,
    [
      { label: lab('nationality'), value: m.text('nationality', id.nationality) },
      { label: lab('gender'), value: m.text('gender', id.genderPrinted, id.gender) },
    ],
    r.int(0, 1),
  );
  const groups: Row[][] = r.bool(0.7) ? [birth, passport, natGender] : [birth, natGender, passport];
  const personal: Row[] = [
    { label: lab('full_name'), value: m.text('full_name', id.fullName) },
    ...groups.flat(),
  ];
  const rest: Row[] = [
    { label: lab('address'), value: m.text('address', id.address) },
    { label: lab('occupation'), value: m.text('occupation', id.occupation) },
    { label: lab('status'), value: m.text('status', id.status) },
  ];
  if (id.guarantor)
    rest.push({ label: lab('guarantor_name'), value: m.text('guarantor_name', id.guarantor) });
  const restRows = jiggle(r, rest, r.int(0, 1));

  // Header.
  const ministry = r.bool(0.5) ? HEADER_LINES.slice(r.int(0, 1)) : [];
  const emblem = r.bool(0.5) ? `<div class="emb">${emblemSvg(r, 60, accent)}</div>` : '';
  const title = r.bool(0.85) ? DOCUMENT_TITLES[id.kind][0] : DOCUMENT_TITLES[id.kind][2];
  const header = `
    <div class="hdr">
      ${emblem}
      ${ministry.map((l) => `<div class="min">${esc(l)}</div>`).join('')}
      <div class="off">${m.text('office_region', id.office.region)}</div>
      <div class="off">${m.text('office_name', id.officeName)}</div>
      <div class="off">${m.text('office_address', id.office.address)}</div>
      <div class="ttl">${m.text('document_type', title)}</div>
    </div>`;

  const photo = m.image(
    'photo',
    faceSvg(r.fork('face'), 120, 150, id.gender, id.issuedDate.y - id.dob.y),
    '',
    'photo',
  );

  const sep = colon ? '<span class="col">:</span>' : '';
  const table = (rows: Row[], cls = '') =>
    variant === 'stacked'
      ? `<div class="grid2 ${cls}">${rows.map((x) => `<div class="cell"><div class="lab">${x.label}</div><div class="val">${x.value}</div></div>`).join('')}</div>`
      : `<div class="tbl ${cls}">${rows.map((x) => `<div class="lab">${x.label}</div>${colon ? `<div>${sep}</div>` : ''}<div class="val">${x.value}</div>`).join('')}</div>`;

  let main: string;
  if (variant === 'two-column') {
    const all = [...personal, ...restRows];
    const half = Math.ceil(all.length / 2) + (r.bool(0.5) ? 1 : 0);
    main = `<div class="two" data-block>${table(all.slice(0, half), 'half')}${table(all.slice(half), 'half')}</div>`;
  } else if (variant === 'stacked') {
    main = `<div data-block>${table([...personal, ...restRows])}</div>`;
  } else {
    main = `<div data-block>${table([...personal, ...restRows], 'wide')}</div>`;
  }

  const topBlock = `<div class="top ${photoRight ? 'rev' : ''}">${photo}<div class="topinfo">${table(topRows, 'narrow')}</div></div>`;
  const sig = signatureSvg(r.fork('official-sign'), 180, 60, r.pick(['#0b1d5e', '#111111']));
  const footer = `
    <div class="foot ${r.bool(0.2) ? 'left' : ''}" data-block>
      ${r.bool(0.6) ? `<div class="qr">${qrSvg(r.fork('qr'))}</div>` : ''}
      <div class="sign">
        <div>${m.text('issued', `${id.issuedPlace}, ${formatDate(id.issuedDate, ds)}`, `${id.issuedPlace}|${isoDmy(id.issuedDate)}`)}</div>
        <div class="otitle">${esc(r.pick(OFFICIAL_TITLES))}</div>
        <div class="osig">${sig}</div>
        <div class="oname">${esc(id.officialName)}</div>
        ${r.bool(0.6) ? `<div class="onip">${esc(id.officialNip)}</div>` : ''}
      </div>
    </div>
    ${r.bool(0.5) ? `<div class="note">${esc(r.pick(['Dokumen ini telah ditandatangani secara elektronik.', 'This document is valid without a wet signature.', 'Izin tinggal ini dapat diverifikasi melalui laman resmi Direktorat Jenderal Imigrasi.']))}</div>` : ''}`;

  const watermark = r.bool(0.35) ? `<div class="wm">${emblemSvg(r.fork('wm'), 300, accent)}</div>` : '';
  const border = r.bool(0.3) ? `border: ${r.pick(['1px', '2px', '3px double'])} solid ${accent};` : '';
  const labW = variant === 'bilingual' ? r.float(13, 15) : r.float(12, 15);
  const css = `
    .sheet { font-family: '${font}'; color: ${ink}; background: ${paper}; }
    .frame { position: absolute; inset: 2.6em 3.6em 2.6em 3.6em; ${border} padding: ${border ? '1.2em 1.4em' : '0'}; }
    .wm { position: absolute; left: 50%; top: 45%; width: 22em; height: 22em; margin: -11em 0 0 -11em; opacity: 0.06; }
    .hdr { text-align: center; line-height: 1.35; }
    .emb { width: 3.6em; height: 3.6em; margin: 0 auto 0.4em; }
    .min { font-size: 0.85em; font-weight: bold; color: ${accent}; }
    .off { font-weight: bold; font-size: ${r.float(1.0, 1.1).toFixed(2)}em; }
    .ttl { font-weight: bold; font-size: ${r.float(1.25, 1.45).toFixed(2)}em; margin: 1.1em 0 ${r.float(1.2, 2).toFixed(2)}em; letter-spacing: 0.02em; ${r.bool(0.3) ? 'text-decoration: underline;' : ''} }
    .top { display: flex; gap: 3em; align-items: flex-start; margin: 0 1.2em 1.8em; }
    .top.rev { flex-direction: row-reverse; justify-content: space-between; }
    .photo { width: 8.6em; height: 10.9em; flex: none; border: 1px solid #999; }
    .topinfo { flex: 1; padding-top: 1.2em; }
    .tbl { display: grid; grid-template-columns: ${labW.toFixed(1)}em ${colon ? '0.9em ' : ''}1fr; column-gap: 0.5em; row-gap: ${r.float(0.25, 0.55).toFixed(2)}em; align-items: baseline; }
    .tbl.narrow { grid-template-columns: ${(labW * 0.9).toFixed(1)}em ${colon ? '0.9em ' : ''}auto; }
    .tbl.wide { margin: 0 1.2em; }
    .two { display: flex; gap: 2em; margin: 0 0.6em; }
    .two .tbl { flex: 1; grid-template-columns: ${(labW * 0.72).toFixed(1)}em ${colon ? '0.9em ' : ''}1fr; }
    .grid2 { display: grid; grid-template-columns: 1fr 1fr; column-gap: 2em; row-gap: 0.8em; margin: 0 1.2em; }
    .grid2.narrow { grid-template-columns: 1fr; row-gap: 0.6em; }
    .grid2 .lab { font-size: 0.78em; color: #555; }
    .grid2 .val { font-weight: ${r.bool(0.5) ? 'bold' : 'normal'}; }
    .lab { font-size: 0.92em; }
    .stk { display: inline-flex; flex-direction: column; line-height: 1.15; }
    .stk .en { font-style: italic; font-size: 0.85em; color: #444; }
    .val { font-weight: ${variant === 'stacked' ? 'bold' : r.bool(0.3) ? 'bold' : 'normal'}; }
    .foot { position: absolute; right: 0.5em; bottom: 4em; display: flex; gap: 3em; align-items: flex-end; }
    .foot.left { right: auto; left: 50%; }
    .qr { width: 6em; height: 6em; }
    .sign { text-align: center; min-width: 16em; line-height: 1.3; }
    .osig { width: 12em; height: 4em; margin: 0.2em auto; }
    .oname { font-weight: bold; text-decoration: underline; }
    .onip, .otitle { font-size: 0.9em; }
    .note { position: absolute; left: 0; right: 0; bottom: 0.5em; text-align: center; font-size: 0.72em; color: #666; }`;
  const body = `${watermark}<div class="frame">${header}${topBlock}${main}${footer}</div>`;
  return {
    kind: id.kind,
    layout: 'page',
    variant,
    widthMm: 210,
    heightMm: 297,
    css,
    body,
    fontPx,
    marks: m,
  };
}
