// Job titles: the words they are made of, English and Indonesian, and the repair of a word read
// one glyph off one of them.
import { levenshtein } from '../fuzzy';
import { STAY_PURPOSES } from './statuses';

/**
 * Words of job titles, English and Indonesian, that no other field of a permit prints. (PELAJAR,
 * PENELITI, INVESTOR and the like are purposes of stay too, so they place nothing.)
 */
export const JOB_WORDS: ReadonlySet<string> = new Set([
  'ENGINEER',
  'INSINYUR',
  'TECHNICIAN',
  'TEKNISI',
  'ADVISOR',
  'ADVISER',
  'PENASIHAT',
  'DIREKTUR',
  'DIRECTOR',
  'MANAGER',
  'MANAJER',
  'SUPERVISOR',
  'CHEF',
  'KOKI',
  'TEACHER',
  'GURU',
  'DOSEN',
  'LECTURER',
  'KONSULTAN',
  'CONSULTANT',
  'SPECIALIST',
  'SPESIALIS',
  'OFFICER',
  'STAF',
  'STAFF',
  'ANALYST',
  'ANALIS',
  'ACCOUNTANT',
  'AKUNTAN',
  'PILOT',
  'DOCTOR',
  'DOKTER',
  'NURSE',
  'PERAWAT',
  'PASTOR',
  'PENDETA',
  'MISIONARIS',
  'KOMISARIS',
  'COMMISSIONER',
  'ARCHITECT',
  'ARSITEK',
  'DESIGNER',
  'DESAINER',
  'PROGRAMMER',
  'OPERATOR',
  'COORDINATOR',
  'KOORDINATOR',
  'INSTRUCTOR',
  'INSTRUKTUR',
  'PELATIH',
  'COACH',
  'PENSIUNAN',
  'RETIRED',
  'WIRASWASTA',
  'KARYAWAN',
  'PEGAWAI',
  'EXECUTIVE',
  'EKSEKUTIF',
  'PRESIDENT',
  'PRESIDEN',
  'CEO',
  'CFO',
  'CTO',
  'FOREMAN',
  'MANDOR',
]);
const JOB_PHRASES = ['PEMEGANG SAHAM', 'IBU RUMAH TANGGA', 'HEAD OF'];

export function isJobTitle(line: string): boolean {
  const t = line.trim();
  if (!/^[A-Z][A-Z .,&/()-]+$/.test(t) || /^(?:PT|CV)\.?\s/.test(t)) return false;
  if (t.split(/[\s,/()-]+/).some((w) => JOB_WORDS.has(w.replace(/\.$/, '')))) return true;
  return JOB_PHRASES.some((p) => t.startsWith(p) || (t.length >= p.length - 2 && levenshtein(t, p) <= 2));
}

/**
 * An occupation read with one of its words a glyph off a job word ("ENGINLER", "KONSUITAN") takes
 * that word, where it is long enough (7 letters or more) to be near exactly one of them.
 */
export function snapJobWords(occupation: string): string {
  return joinSplitWords(occupation).replace(/[A-Z]{7,}/g, (word) => {
    if (JOB_WORDS.has(word)) return word;
    const near = [...JOB_WORDS].filter((j) => j.length >= 7 && levenshtein(word, j) === 1);
    return near.length === 1 ? near[0]! : word;
  });
}

/** Whole words an occupation may be: job words and the one-word purposes of stay (MAHASISWA). */
const OCCUPATION_WORDS: ReadonlySet<string> = new Set([
  ...JOB_WORDS,
  ...STAY_PURPOSES.filter((p) => !p.includes(' ')),
]);

/**
 * Two words read where one is printed ("MAHA SISWA" at 0.96: the recognizer took a wide letter gap
 * for a space) are joined when together they make a known word of seven letters or more and neither
 * is one alone.
 */
function joinSplitWords(occupation: string): string {
  const words = occupation.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1];
    const joined = b === undefined ? '' : a + b;
    const split =
      /^[A-Z]{2,}$/.test(a) &&
      /^[A-Z]{2,}$/.test(b ?? '') &&
      joined.length >= 7 &&
      OCCUPATION_WORDS.has(joined) &&
      !OCCUPATION_WORDS.has(a) &&
      !OCCUPATION_WORDS.has(b!);
    out.push(split ? joined : a);
    if (split) i++;
  }
  return out.join(' ');
}
