// Documents that are not KITAS/KITAP: an Indonesian KTP, an SKTT letter, a passport data page with a
// valid synthetic MRZ, an invoice and a receipt. The reader must not return them as a permit.
import { faceSvg, signatureSvg, emblemSvg, guillocheSvg } from './art';
import { COMPANY_WORDS, COUNTRIES, OFFICES } from './data';
import { esc, FONTS, Marks } from './html';
import { formatDate, indonesianName, makeIdentity, residentialAddress } from './identity';
import type { Rng } from './rng';
import type { DocSpec } from './spec';

export const NEGATIVE_KINDS = ['KTP', 'SKTT', 'PASSPORT', 'INVOICE', 'RECEIPT', 'PHOTO'] as const;
export type NegativeKind = (typeof NEGATIVE_KINDS)[number];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function row(label: string, value: string): string {
  return `<div class="l">${esc(label)}</div><div>:</div><div class="v">${esc(value)}</div>`;
}

export function ktpSpec(r: Rng): DocSpec {
  const office = r.pick(OFFICES);
  const [kel, kec, kota] = r.pick(office.areas);
  const gender = r.bool() ? 'LAKI-LAKI' : 'PEREMPUAN';
  const dob = { y: r.int(1960, 2004), m: r.int(1, 12), d: r.int(1, 28) };
  const nik = `${r.int(11, 94)}${r.digits(4)}${pad(gender === 'PEREMPUAN' ? dob.d + 40 : dob.d)}${pad(dob.m)}${pad(dob.y % 100)}${r.digits(4)}`;
  const css = `
    .sheet { font-family: 'Liberation Sans', 'DejaVu Sans'; color: #111; }
    .bg { position: absolute; inset: 0; }
    .c { position: absolute; inset: 0.8em 1.2em; }
    .h { text-align: center; font-weight: bold; font-size: 1.15em; line-height: 1.25; }
    .g { display: grid; grid-template-columns: 11em 0.8em 1fr; font-size: 0.92em; row-gap: 0.08em; margin-top: 0.5em; width: 72%; }
    .v { font-weight: bold; }
    .ph { position: absolute; right: 0.2em; top: 4.2em; width: 9.5em; height: 12em; }
    .sg { position: absolute; right: 0; bottom: 0; width: 10em; text-align: center; font-size: 0.8em; }
    .sg .s { height: 3em; }`;
  const body = `<div class="bg">${guillocheSvg(r, 506, 319, ['#cfe3f7', '#a9cdef', '#6b9bc9', '#8fb4dc'])}</div><div class="c">
    <div class="h">PROVINSI ${esc(office.region.replace('KANTOR WILAYAH ', ''))}<br>${esc(kota.replace('KAB. ', 'KABUPATEN '))}</div>
    <div class="g">${row('NIK', nik)}${row('Nama', indonesianName(r))}${row('Tempat/Tgl Lahir', `${kota.replace(/^(KOTA|KAB\.) /, '')}, ${formatDate(dob, 'dash')}`)}${row('Jenis Kelamin', gender)}${row('Alamat', residentialAddress(r, office).split(', ')[0]!)}${row('RT/RW', `${pad(r.int(1, 15), 3)}/${pad(r.int(1, 12), 3)}`)}${row('Kel/Desa', kel)}${row('Kecamatan', kec)}${row('Agama', r.pick(['ISLAM', 'KRISTEN', 'KATOLIK', 'HINDU', 'BUDDHA']))}${row('Status Perkawinan', r.pick(['KAWIN', 'BELUM KAWIN']))}${row('Pekerjaan', r.pick(['KARYAWAN SWASTA', 'WIRASWASTA', 'PELAJAR/MAHASISWA', 'PEGAWAI NEGERI SIPIL']))}${row('Kewarganegaraan', 'WNI')}${row('Berlaku Hingga', 'SEUMUR HIDUP')}</div>
    <div class="ph">${faceSvg(r.fork('face'), 120, 150, gender === 'LAKI-LAKI' ? 'M' : 'F')}</div>
    <div class="sg">${esc(kota.replace(/^(KOTA|KAB\.) /, ''))}<br>${formatDate({ y: r.int(2012, 2024), m: r.int(1, 12), d: r.int(1, 28) }, 'dash')}<div class="s">${signatureSvg(r, 160, 50)}</div></div>
  </div>`;
  return {
    kind: 'KTP',
    layout: 'negative',
    variant: 'ktp',
    widthMm: 85.6 * 1.5625,
    heightMm: 54 * 1.5625,
    css,
    body,
    fontPx: 8.2,
    rounded: true,
    marks: new Marks(),
  };
}

export function skttSpec(r: Rng): DocSpec {
  const id = makeIdentity(r, { kind: 'KITAS' });
  const [kel, kec, kota] = r.pick(id.office.areas);
  const font = r.pick(FONTS);
  const css = `
    .sheet { font-family: '${font}'; color: #111; background: #fff; }
    .c { position: absolute; inset: 3em 4.5em; }
    .kop { display: flex; gap: 1.2em; align-items: center; border-bottom: 3px double #000; padding-bottom: 0.6em; }
    .kop .e { width: 4.5em; height: 4.5em; }
    .kop .t { flex: 1; text-align: center; font-weight: bold; line-height: 1.35; }
    h1 { text-align: center; font-size: 1.3em; margin: 1.5em 0 0.2em; text-decoration: underline; }
    .no { text-align: center; margin-bottom: 1.6em; }
    p { text-align: justify; line-height: 1.5; }
    .g { display: grid; grid-template-columns: 16em 1em 1fr; row-gap: 0.3em; margin: 1em 2em; }
    .sg { position: absolute; right: 0; bottom: 4em; text-align: center; width: 18em; line-height: 1.4; }
    .sg .s { height: 4em; width: 12em; margin: 0 auto; }`;
  const body = `<div class="c">
    <div class="kop"><div class="e">${emblemSvg(r, 60, '#000')}</div><div class="t">PEMERINTAH ${esc(kota.replace('KAB.', 'KABUPATEN'))}<br>DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL<br><span style="font-weight:normal;font-size:0.85em">Jl. ${esc(r.pick(['Merdeka', 'Pemuda', 'Veteran', 'Pahlawan']))} No. ${r.int(1, 99)}</span></div></div>
    <h1>SURAT KETERANGAN TEMPAT TINGGAL</h1>
    <div class="no">Nomor: 474.${r.int(1, 9)}/${r.digits(4)}/SKTT/${id.issuedDate.y}</div>
    <p>Yang bertanda tangan di bawah ini menerangkan bahwa orang asing tersebut di bawah ini:</p>
    <div class="g">${row('Nama Lengkap', id.fullName)}${row('Jenis Kelamin', id.gender === 'M' ? 'LAKI-LAKI' : 'PEREMPUAN')}${row('Tempat / Tanggal Lahir', `${id.placeOfBirth}, ${formatDate(id.dob, 'dash')}`)}${row('Kewarganegaraan', id.nationality)}${row('Nomor Paspor', id.passportNumber)}${row('Nomor KITAS', id.permitNumber)}${row('Alamat', `${id.address}`)}${row('Kelurahan / Kecamatan', `${kel} / ${kec}`)}</div>
    <p>telah terdaftar sebagai penduduk orang asing pemegang Izin Tinggal Terbatas. Surat keterangan ini berlaku sampai dengan ${formatDate(id.permitExpiry, 'long-id')}.</p>
    <div class="sg">${esc(id.issuedPlace)}, ${formatDate(id.issuedDate, 'long-id')}<br>KEPALA DINAS<div class="s">${signatureSvg(r, 180, 60)}</div><b><u>${esc(indonesianName(r))}</u></b></div>
  </div>`;
  return {
    kind: 'SKTT',
    layout: 'negative',
    variant: 'sktt',
    widthMm: 210,
    heightMm: 297,
    css,
    body,
    fontPx: 13,
    marks: new Marks(),
  };
}

function mrzCheck(s: string): string {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const v = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * w[i % 3]!;
  }
  return String(sum % 10);
}

/** TD3 machine-readable zone (2 x 44) with correct check digits. */
export function passportMrz(p: {
  iso3: string;
  surname: string;
  given: string;
  number: string;
  nationality: string;
  dob: string;
  sex: string;
  expiry: string;
}): [string, string] {
  const name = `${p.surname.replace(/[^A-Z ]/g, '').replace(/ /g, '<')}<<${p.given.replace(/[^A-Z ]/g, '').replace(/ /g, '<')}`;
  const l1 = `P<${p.iso3}${name}`.padEnd(44, '<').slice(0, 44);
  const num = p.number.padEnd(9, '<').slice(0, 9);
  const personal = ''.padEnd(14, '<');
  const body = `${num}${mrzCheck(num)}${p.nationality}${p.dob}${mrzCheck(p.dob)}${p.sex}${p.expiry}${mrzCheck(p.expiry)}${personal}${mrzCheck(personal)}`;
  const composite = `${num}${mrzCheck(num)}${p.dob}${mrzCheck(p.dob)}${p.expiry}${mrzCheck(p.expiry)}${personal}${mrzCheck(personal)}`;
  return [l1, `${body}${mrzCheck(composite)}`];
}

export function passportSpec(r: Rng): DocSpec {
  const c = r.pick(COUNTRIES.filter((x) => x.iso3.length === 3 && /^[A-Z]{3}$/.test(x.iso3)));
  const gender = r.bool() ? 'M' : 'F';
  const surname = r.pick(c.family);
  const given = r.pick(c.given[gender]);
  const dob = { y: r.int(1955, 2003), m: r.int(1, 12), d: r.int(1, 28) };
  const issue = { y: r.int(2016, 2024), m: r.int(1, 12), d: r.int(1, 28) };
  const exp = { y: issue.y + 10, m: issue.m, d: issue.d };
  const number = c.passport(r);
  const yymmdd = (d: { y: number; m: number; d: number }) => `${pad(d.y % 100)}${pad(d.m)}${pad(d.d)}`;
  const [l1, l2] = passportMrz({
    iso3: c.iso3,
    surname,
    given,
    number,
    nationality: c.iso3,
    dob: yymmdd(dob),
    sex: gender,
    expiry: yymmdd(exp),
  });
  const f = (l: string, v: string) =>
    `<div class="f"><div class="l">${esc(l)}</div><div class="v">${esc(v)}</div></div>`;
  const css = `
    .sheet { font-family: 'DejaVu Sans'; color: #1a1a1a; }
    .bg { position: absolute; inset: 0; }
    .c { position: absolute; inset: 1.2em 1.6em; }
    .h { display: flex; justify-content: space-between; font-weight: bold; font-size: 1.1em; }
    .b { display: flex; gap: 1.6em; margin-top: 0.8em; }
    .ph { width: 11em; height: 14em; flex: none; }
    .gr { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 0.4em 1.2em; flex: 1; align-content: start; }
    .f .l { font-size: 0.7em; color: #555; }
    .f .v { font-weight: bold; }
    .mrz { position: absolute; left: 0; right: 0; bottom: 0.3em; font-family: 'DejaVu Sans Mono'; font-size: 1.32em; letter-spacing: 0.06em; line-height: 1.35; white-space: pre; }`;
  const body = `<div class="bg">${guillocheSvg(r, 472, 333, ['#f0eadf', '#e2d6c0', '#a88f6a', '#c9b48e'])}</div><div class="c">
    <div class="h"><span>PASSPORT</span><span>${esc(c.printed[0]!)}</span></div>
    <div class="b"><div class="ph">${faceSvg(r.fork('face'), 120, 150, gender)}</div><div class="gr">
      ${f('Type', 'P')}${f('Code', c.iso3)}${f('Passport No.', number)}
      ${f('Surname', surname)}${f('Given names', given)}${f('Nationality', c.printed[0]!)}
      ${f('Date of birth', formatDate(dob, 'short-en'))}${f('Sex', gender)}${f('Place of birth', r.pick(c.cities))}
      ${f('Date of issue', formatDate(issue, 'short-en'))}${f('Date of expiry', formatDate(exp, 'short-en'))}${f('Authority', 'MINISTRY OF FOREIGN AFFAIRS')}
    </div></div>
    <div class="mrz">${esc(l1)}\n${esc(l2)}</div>
  </div>`;
  return {
    kind: 'PASSPORT',
    layout: 'negative',
    variant: 'passport-td3',
    widthMm: 125 * 1.0,
    heightMm: 88,
    css,
    body,
    fontPx: 8.6,
    marks: new Marks(),
  };
}

export function invoiceSpec(r: Rng): DocSpec {
  const company = `PT ${r.shuffle(COMPANY_WORDS).slice(0, 2).join(' ')}`;
  const items = Array.from({ length: r.int(3, 8) }, () => {
    const qty = r.int(1, 20);
    const price = r.int(5, 900) * 1000;
    return {
      name: r.pick([
        'Jasa konsultasi',
        'Sewa peralatan',
        'Kabel NYY 4x16',
        'Lisensi perangkat lunak',
        'Biaya pengiriman',
        'Pemeliharaan AC',
        'Kertas A4 80gsm',
      ]),
      qty,
      price,
    };
  });
  const total = items.reduce((s, i) => s + i.qty * i.price, 0);
  const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;
  const css = `
    .sheet { font-family: '${r.pick(FONTS)}'; color: #222; background: #fff; }
    .c { position: absolute; inset: 3.5em 4em; }
    h1 { font-size: 2.2em; margin: 0 0 0.3em; color: ${r.pick(['#1a3d6d', '#333', '#7a1f2b'])}; }
    table { width: 100%; border-collapse: collapse; margin-top: 2em; }
    td, th { border-bottom: 1px solid #ccc; padding: 0.4em; text-align: left; }
    .r { text-align: right; }`;
  const body = `<div class="c"><h1>INVOICE</h1><div><b>${esc(company)}</b><br>${esc(r.pick(OFFICES).address)}<br>NPWP ${r.digits(2)}.${r.digits(3)}.${r.digits(3)}.${r.digits(1)}-${r.digits(3)}.${r.digits(3)}</div>
    <div style="margin-top:1.5em">No. Invoice: INV/${r.int(2019, 2025)}/${r.digits(5)}<br>Tanggal: ${formatDate({ y: r.int(2019, 2025), m: r.int(1, 12), d: r.int(1, 28) }, 'long-id')}</div>
    <table><tr><th>Deskripsi</th><th class="r">Qty</th><th class="r">Harga</th><th class="r">Jumlah</th></tr>${items.map((i) => `<tr><td>${esc(i.name)}</td><td class="r">${i.qty}</td><td class="r">${rp(i.price)}</td><td class="r">${rp(i.qty * i.price)}</td></tr>`).join('')}
    <tr><td colspan="3" class="r"><b>Total</b></td><td class="r"><b>${rp(total)}</b></td></tr></table></div>`;
  return {
    kind: 'OTHER',
    layout: 'negative',
    variant: 'invoice',
    widthMm: 210,
    heightMm: 297,
    css,
    body,
    fontPx: 13,
    marks: new Marks(),
  };
}

export function receiptSpec(r: Rng): DocSpec {
  const items = Array.from({ length: r.int(4, 12) }, () => ({
    name: r.pick([
      'AQUA 600ML',
      'INDOMIE GRG',
      'ROTI TAWAR',
      'KOPI KAPAL API',
      'TELUR 1KG',
      'SUSU UHT 1L',
      'GULA PASIR',
    ]),
    price: r.int(3, 60) * 500,
  }));
  const total = items.reduce((s, i) => s + i.price, 0);
  const css = `
    .sheet { font-family: 'DejaVu Sans Mono'; color: #222; background: #fdfdfb; }
    .c { position: absolute; inset: 1.5em 1.2em; white-space: pre; line-height: 1.35; }`;
  const line = (a: string, b: string) => `${a.padEnd(22, ' ')}${b.padStart(10, ' ')}`;
  const body = `<div class="c">${esc(['      TOKO SERBA ADA', `   ${r.pick(OFFICES).city.toUpperCase()}`, '--------------------------------', ...items.map((i) => line(i.name, i.price.toLocaleString('id-ID'))), '--------------------------------', line('TOTAL', total.toLocaleString('id-ID')), line('TUNAI', (Math.ceil(total / 50000) * 50000).toLocaleString('id-ID')), '', `${formatDate({ y: 2024, m: r.int(1, 12), d: r.int(1, 28) }, 'slash')} ${pad(r.int(7, 21))}:${pad(r.int(0, 59))}`, '    TERIMA KASIH'].join('\n'))}</div>`;
  return {
    kind: 'OTHER',
    layout: 'negative',
    variant: 'receipt',
    widthMm: 80,
    heightMm: 60 + items.length * 6,
    css,
    body,
    fontPx: 11,
    marks: new Marks(),
  };
}

export function negativeSpec(r: Rng, kind: Exclude<NegativeKind, 'PHOTO'>): DocSpec {
  switch (kind) {
    case 'KTP':
      return ktpSpec(r);
    case 'SKTT':
      return skttSpec(r);
    case 'PASSPORT':
      return passportSpec(r);
    case 'INVOICE':
      return invoiceSpec(r);
    case 'RECEIPT':
      return receiptSpec(r);
  }
}
