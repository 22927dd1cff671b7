import type { TextFieldName } from './schema';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Digits and separators of a numeric date; a date printed with a month name needs letters too. */
export const DATE_DIGITS = '0123456789-./ ';

/** Characters each strictly formatted field can hold (tesseract's whitelist for focused re-reads). */
export const FIELD_CHARSETS: Partial<Record<TextFieldName, string>> = {
  niora: ALNUM,
  permit_number: ALNUM,
  passport_number: ALNUM,
  stay_permit_index: `${ALNUM} `,
  gender: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ- ',
  date_of_birth: DATE_DIGITS,
  passport_expiry: DATE_DIGITS,
  stay_entries_permit_expiry: DATE_DIGITS,
  stay_multiple_entries_permit_expiry: DATE_DIGITS,
};

/** The whitelist for re-reading `field` whose first read was `text` (null: no restriction). */
export function charsetFor(field: TextFieldName, text: string): string | undefined {
  const charset = FIELD_CHARSETS[field];
  if (charset === DATE_DIGITS && /[A-Za-z]{3}/.test(text)) return undefined;
  return charset;
}
