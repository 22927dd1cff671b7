import type { FieldName } from '../core/schema';

/** What the UI calls each field (the API's keys are shown beside them). */
export const FIELD_TITLES: Record<FieldName, string> = {
  office_region: 'Office region',
  office_name: 'Office name',
  office_address: 'Office address',
  document_type: 'Document type',
  photo: 'Photo',
  permit_number: 'Permit number',
  stay_permit_index: 'Stay permit index',
  stay_multiple_entries_permit_expiry: 'Multiple re-entry permit expiry',
  niora: 'NIORA',
  full_name: 'Full name',
  place_of_birth: 'Place of birth',
  date_of_birth: 'Date of birth',
  passport_number: 'Passport number',
  passport_expiry: 'Passport expiry',
  nationality: 'Nationality',
  gender: 'Gender',
  address: 'Address',
  occupation: 'Occupation',
  status: 'Permit status',
  issued_date: 'Issued date',
  issued_place: 'Issued place',
  stay_entries_permit_expiry: 'Single re-entry permit expiry',
  guarantor_name: 'Guarantor name',
  sign: 'Signature',
};

/** Fields below this confidence are flagged for review. */
export const LOW_CONFIDENCE = 0.9;

export function formatConfidence(c: number): string {
  return `${(c * 100).toFixed(1)}%`;
}
