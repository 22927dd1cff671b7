// Document-level checks on a finished read: formats, required fields and the order of dates.
// `invalid` issues make the result reason 'File successfully read. Some fields are invalid.';
// `warnings` are facts worth showing (an expired permit) that do not make a field wrong.
// Messages never quote field values: results and their issues may end up in logs.
import { classifyTitle } from './normalize/document-type';
import { compareDates, dmyFromDate, isStrictDmy } from './normalize/dates';
import {
  isValidNiora,
  isValidPassportNumber,
  isValidPermitNumber,
  isValidStayPermitIndex,
  PERMIT_PREFIX,
} from './normalize/identifiers';
import { DATE_FIELDS } from './schema';
import type { DocumentClass, FieldIssue, FieldName, KitasRead, TextFieldName } from './schema';

export interface ValidateOptions {
  /** The day expiries are checked against (its UTC calendar day). */
  today: Date;
  documentClass: DocumentClass;
}

export interface ValidationResult {
  invalid: FieldIssue[];
  warnings: FieldIssue[];
}

/**
 * Fields whose value the checks put in doubt (their confidence is capped): every invalid one, an
 * issue date after the day of reading and a holder over a hundred. Those two stay warnings, as a
 * device's clock can be wrong and a centenarian may hold a permit, but on the generated photos every
 * such read was a misread year (10-11-2027 for 2022 at 0.96; 17-09-1906 for 1986 at 0.93,
 * 21-04-1902 for 1962 at 0.91).
 */
export function doubtedFields({ invalid, warnings }: ValidationResult): FieldName[] {
  const doubtedWarnings = warnings.filter(
    (w) =>
      (w.field === 'issued_date' && w.code === 'future') ||
      (w.field === 'date_of_birth' && w.code === 'implausible'),
  );
  return [...new Set([...invalid, ...doubtedWarnings].map((issue) => issue.field))];
}

/** Fields a KITAS/KITAP read must have (besides a permit number or a NIORA). */
export const REQUIRED_FIELDS: readonly TextFieldName[] = [
  'document_type',
  'full_name',
  'date_of_birth',
  'nationality',
  'passport_number',
];

const STAY_EXPIRY_FIELDS = ['stay_multiple_entries_permit_expiry', 'stay_entries_permit_expiry'] as const;

/** The longest a stay permit runs from its issue (a second-home ITAS; a KITAP runs five years). */
const MAX_PERMIT_YEARS = 10;
/** An age at issue (or at reading) past which a date of birth is more likely a misread year. */
const MAX_HOLDER_AGE = 100;

/** dd-mm-yyyy `years` later (29 February to the 28th). */
function yearsAfter(dmy: string, years: number): string {
  const [d, m, y] = dmy.split('-');
  const day = d === '29' && m === '02' ? '28' : d;
  return `${day}-${m}-${Number(y) + years}`;
}

const FIELD_TITLES: Partial<Record<TextFieldName, string>> = {
  niora: 'NIORA',
  stay_multiple_entries_permit_expiry: 'Multiple re-entry permit expiry date',
  stay_entries_permit_expiry: 'Single re-entry permit expiry date',
  passport_expiry: 'Passport expiry date',
  issued_date: 'Issue date',
};

/** 'date_of_birth' -> 'Date of birth'. */
export function fieldTitle(field: TextFieldName): string {
  const title = FIELD_TITLES[field];
  if (title) return title;
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function validateRead(read: KitasRead, options: ValidateOptions): ValidationResult {
  const invalid: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const value = (field: TextFieldName): string => read[field].value.trim();
  const issue = (list: FieldIssue[], field: TextFieldName, code: string, message: string) =>
    list.push({ field, code, message });

  // Required fields.
  for (const field of REQUIRED_FIELDS) {
    if (!value(field)) issue(invalid, field, 'missing', `${fieldTitle(field)} was not read.`);
  }
  if (!value('permit_number') && !value('niora')) {
    issue(invalid, 'permit_number', 'missing', 'Neither the permit number nor the NIORA was read.');
  }

  // Dates: only well-formed ones take part in the order checks below.
  const dates: Partial<Record<TextFieldName, string>> = {};
  for (const field of DATE_FIELDS) {
    const v = value(field);
    if (!v) continue;
    if (isStrictDmy(v)) dates[field] = v;
    else issue(invalid, field, 'format', `${fieldTitle(field)} is not a valid dd-mm-yyyy date.`);
  }

  // Identifiers.
  const niora = value('niora');
  if (niora && !isValidNiora(niora)) {
    issue(invalid, 'niora', 'format', 'NIORA does not match the format: 1 digit, 4 letters, 5 digits.');
  }
  const permit = value('permit_number');
  if (permit) {
    if (!isValidPermitNumber(permit)) {
      issue(
        invalid,
        'permit_number',
        'format',
        'Permit number does not match the format: digit, letter, 2 digits, 2 letters, 4 digits, 2 letters.',
      );
    } else if (options.documentClass !== 'OTHER') {
      const prefix = PERMIT_PREFIX[options.documentClass];
      if (!permit.startsWith(prefix)) {
        issue(
          invalid,
          'permit_number',
          'document_class',
          `A ${options.documentClass} permit number starts with ${prefix}.`,
        );
      }
    }
  }
  const gender = value('gender');
  if (gender && gender !== 'M' && gender !== 'F') {
    issue(invalid, 'gender', 'format', 'Gender is neither M nor F.');
  }

  // Document type against the document class.
  const documentType = value('document_type');
  if (documentType) {
    if (options.documentClass === 'OTHER') {
      issue(invalid, 'document_type', 'document_class', 'The document is not a KITAS or KITAP.');
    } else {
      const titleClass = classifyTitle(documentType)?.documentClass;
      if (titleClass && titleClass !== options.documentClass) {
        issue(
          invalid,
          'document_type',
          'document_class',
          `Document type is a ${titleClass} title but the document was read as a ${options.documentClass}.`,
        );
      }
    }
  }

  // Order of dates.
  const today = dmyFromDate(options.today);
  const before = (a: string | undefined, b: string | undefined): boolean =>
    a !== undefined && b !== undefined && compareDates(a, b) < 0;
  const dob = dates.date_of_birth;
  const issued = dates.issued_date;
  const passportExpiry = dates.passport_expiry;
  if (before(today, dob)) {
    issue(invalid, 'date_of_birth', 'future', 'Date of birth is in the future.');
  }
  if (before(issued, dob)) {
    issue(invalid, 'date_of_birth', 'date_order', 'Date of birth is after the issue date.');
  }
  if (before(passportExpiry, dob)) {
    issue(invalid, 'passport_expiry', 'date_order', 'Passport expiry date is before the date of birth.');
  }
  for (const field of STAY_EXPIRY_FIELDS) {
    if (before(dates[field], issued)) {
      issue(invalid, field, 'date_order', `${fieldTitle(field)} is before the issue date.`);
    }
    // No stay permit runs longer than ten years (KITAP five, a second-home ITAS at most ten): a
    // later expiry is a misread year ("14-09-2073" for 2023).
    const from = issued ?? today;
    if (before(yearsAfter(from, MAX_PERMIT_YEARS), dates[field])) {
      issue(
        invalid,
        field,
        'implausible',
        `${fieldTitle(field)} is more than ${MAX_PERMIT_YEARS} years after the ${issued ? 'issue date' : 'day of reading'}.`,
      );
    }
  }

  // Warnings: expiries and plausibility.
  if (before(today, issued)) {
    issue(warnings, 'issued_date', 'future', 'Issue date is in the future.');
  }
  for (const field of STAY_EXPIRY_FIELDS) {
    if (before(dates[field], today)) issue(warnings, field, 'expired', 'The stay permit has expired.');
  }
  if (before(passportExpiry, today)) {
    issue(warnings, 'passport_expiry', 'expired', 'The passport has expired.');
  }
  if (dob && before(yearsAfter(dob, MAX_HOLDER_AGE), issued ?? today)) {
    issue(
      warnings,
      'date_of_birth',
      'implausible',
      `Date of birth is more than ${MAX_HOLDER_AGE} years before the ${issued ? 'issue date' : 'day of reading'}.`,
    );
  }
  const permitExpiries = STAY_EXPIRY_FIELDS.map((f) => dates[f]).filter((d): d is string => d !== undefined);
  const lastPermitExpiry = permitExpiries.sort(compareDates).at(-1);
  if (before(passportExpiry, lastPermitExpiry)) {
    issue(
      warnings,
      'passport_expiry',
      'passport_before_permit',
      'The passport expires before the stay permit.',
    );
  }
  const passport = value('passport_number');
  if (passport && isValidPassportNumber(passport, value('nationality')) === false) {
    issue(
      warnings,
      'passport_number',
      'format',
      "Passport number does not match the known formats of the holder's nationality.",
    );
  }
  const index = value('stay_permit_index');
  if (index && !isValidStayPermitIndex(index)) {
    issue(warnings, 'stay_permit_index', 'format', 'Stay permit index does not match a known format.');
  }

  return { invalid, warnings };
}
