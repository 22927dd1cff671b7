// The permit's status names the purpose of stay, from the categories Indonesian immigration grants
// limited and permanent stay for: work (TKA BID. <sector>: tenaga kerja asing, bidang = foreign
// worker in the field of ...), investment, family, retirement, study, research, religious work,
// former citizens, a change of status. A read one or two glyphs off exactly one of these names
// ("WVESTOR", "PELAIAR", "TKA BID. PEKTAMBANGAN") takes its spelling; anything else is kept as read:
// the list is a guide for misreads, not a whitelist.
import { nearestWithin } from '../fuzzy';

export const STAY_PURPOSES: readonly string[] = [
  'BEKERJA',
  'INVESTOR',
  'PENANAM MODAL',
  'PENYATUAN KELUARGA',
  'IKUT SUAMI',
  'IKUT ISTRI',
  'IKUT ORANG TUA',
  'LANSIA',
  'WISATAWAN LANJUT USIA',
  'PELAJAR',
  'MAHASISWA',
  'PENELITI',
  'ROHANIWAN',
  'EKS WNI',
  'ALIH STATUS',
  'ALIH STATUS ITAS',
  'ALIH STATUS ITAP',
  'RUMAH KEDUA',
  'REPATRIASI',
];

/** Fields of work a foreign worker's status names ("TKA BID. PERTAMBANGAN"). */
export const WORK_SECTORS: readonly string[] = [
  'PERDAGANGAN',
  'PERINDUSTRIAN',
  'PERTAMBANGAN',
  'PENDIDIKAN',
  'KESEHATAN',
  'PARIWISATA',
  'KONSTRUKSI',
  'PERHUBUNGAN',
  'KEUANGAN',
  'PERTANIAN',
  'PERIKANAN',
  'KELAUTAN',
  'ENERGI',
  'KOMUNIKASI',
  'TELEKOMUNIKASI',
  'JASA',
  'MANUFAKTUR',
  'MINYAK DAN GAS',
  'OLAHRAGA',
  'KESENIAN',
  'TEKNOLOGI INFORMASI',
];

/** Edits a name of this length may be off by: one up to six letters, two beyond. */
function reach(name: string): number {
  return name.length < 4 ? 0 : name.length <= 6 ? 1 : 2;
}

/** The status with a misread purpose or work sector put back (see the file's head). */
export function snapStayPurpose(status: string): string {
  const work = /^TKA BID\. (.+)$/.exec(status);
  if (work) {
    const sector = nearestWithin(work[1]!, WORK_SECTORS, reach(work[1]!));
    return sector ? `TKA BID. ${sector}` : status;
  }
  return nearestWithin(status, STAY_PURPOSES, reach(status)) ?? status;
}
