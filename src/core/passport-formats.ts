// Passport number formats per issuing country, keyed by the nationality as printed on KITAS/KITAP
// documents (English and Indonesian names are both printed, so both are keys). The synthetic
// generator draws numbers that match these; the reader can use them to validate or repair OCR.
// Formats are the common current ones of each country's ordinary passport, not exhaustive.

const CHINA = [/^[EG]\d{8}$/, /^E[A-Z]\d{7}$/];
const USA = [/^\d{9}$/, /^[A-Z]\d{8}$/];
const UK = [/^\d{9}$/];
const AUSTRALIA = [/^[A-Z]{1,2}\d{7}$/];
const JAPAN = [/^[A-Z]{2}\d{7}$/];
const KOREA = [/^M\d{8}$/, /^M\d{3}[A-Z]\d{4}$/];
const INDIA = [/^[A-Z]\d{7}$/];
// German passport numbers: C + 8 characters from digits and consonants (no vowels, no B/D/Q/S).
const GERMANY = [/^C[CFGHJKLMNPRTVWXYZ0-9]{8}$/];
// Dutch: 2 letters, 6 letters or digits, 1 digit; the letter O never occurs.
const NETHERLANDS = [/^[A-NP-Z]{2}[A-NP-Z0-9]{6}\d$/];
const FRANCE = [/^\d{2}[A-Z]{2}\d{5}$/];
const MALAYSIA = [/^[AHK]\d{8}$/];
const SINGAPORE = [/^[EK]\d{7}[A-Z]$/];
const PHILIPPINES = [/^P\d{7}[A-Z]$/, /^[A-Z]{2}\d{7}$/];
const THAILAND = [/^[A-Z]{1,2}\d{7}$/];
const VIETNAM = [/^[A-Z]\d{7,8}$/];
const RUSSIA = [/^\d{9}$/];
const CANADA = [/^[A-Z]{2}\d{6}$/];
const ITALY = [/^[A-Z]{2}\d{7}$/];
const SPAIN = [/^[A-Z]{3}\d{6}$/];
const TAIWAN = [/^\d{9}$/];
const SOUTH_AFRICA = [/^[A-Z]\d{8}$/];
const PAKISTAN = [/^[A-Z]{2}\d{7}$/];
const TURKEY = [/^[A-Z]\d{8}$/];
const NEW_ZEALAND = [/^[A-Z]{2}\d{6}$/];
const SWITZERLAND = [/^[A-Z]\d{7}$/];
const SAUDI_ARABIA = [/^[A-Z]\d{6,8}$/];
const BANGLADESH = [/^[A-Z]{1,2}\d{7}$/];

export const PASSPORT_FORMATS: Record<string, RegExp[]> = {
  CHINA,
  TIONGKOK: CHINA,
  'REPUBLIK RAKYAT TIONGKOK': CHINA,
  "PEOPLE'S REPUBLIC OF CHINA": CHINA,
  'UNITED STATES': USA,
  'UNITED STATES OF AMERICA': USA,
  USA,
  'AMERIKA SERIKAT': USA,
  'UNITED KINGDOM': UK,
  BRITISH: UK,
  INGGRIS: UK,
  'BRITANIA RAYA': UK,
  AUSTRALIA,
  JAPAN,
  JEPANG: JAPAN,
  'KOREA SELATAN': KOREA,
  'SOUTH KOREA': KOREA,
  'REPUBLIC OF KOREA': KOREA,
  KOREA,
  INDIA,
  GERMANY,
  JERMAN: GERMANY,
  NETHERLANDS,
  BELANDA: NETHERLANDS,
  FRANCE,
  PERANCIS: FRANCE,
  MALAYSIA,
  SINGAPORE,
  SINGAPURA: SINGAPORE,
  PHILIPPINES,
  FILIPINA: PHILIPPINES,
  THAILAND,
  VIETNAM,
  'VIET NAM': VIETNAM,
  RUSSIA,
  'RUSSIAN FEDERATION': RUSSIA,
  RUSIA: RUSSIA,
  CANADA,
  KANADA: CANADA,
  ITALY,
  ITALIA: ITALY,
  SPAIN,
  SPANYOL: SPAIN,
  TAIWAN,
  'SOUTH AFRICA': SOUTH_AFRICA,
  'AFRIKA SELATAN': SOUTH_AFRICA,
  PAKISTAN,
  TURKEY,
  TURKI: TURKEY,
  'NEW ZEALAND': NEW_ZEALAND,
  'SELANDIA BARU': NEW_ZEALAND,
  SWITZERLAND,
  SWISS: SWITZERLAND,
  'SAUDI ARABIA': SAUDI_ARABIA,
  'ARAB SAUDI': SAUDI_ARABIA,
  BANGLADESH,
};

/** True when `passport` fits one of the formats known for `nationality` (unknown nationality: true). */
export function passportMatchesNationality(passport: string, nationality: string): boolean {
  const formats = PASSPORT_FORMATS[nationality.trim().toUpperCase()];
  if (!formats) return true;
  return formats.some((re) => re.test(passport));
}
