// The reference API's KITAS/KITAP object (../shared/seed/kitas-kitap-api.txt), field for field.
// The reference keys never change shape; anything of ours goes under `meta`.

export const TEXT_FIELDS = [
  'office_region',
  'office_name',
  'office_address',
  'document_type',
  'permit_number',
  'stay_permit_index',
  'stay_multiple_entries_permit_expiry',
  'stay_entries_permit_expiry',
  'niora',
  'full_name',
  'place_of_birth',
  'date_of_birth',
  'passport_number',
  'passport_expiry',
  'nationality',
  'gender',
  'address',
  'occupation',
  'status',
  'guarantor_name',
  'issued_date',
  'issued_place',
] as const;

export const IMAGE_FIELDS = ['photo', 'sign'] as const;

export type TextFieldName = (typeof TEXT_FIELDS)[number];
export type ImageFieldName = (typeof IMAGE_FIELDS)[number];
export type FieldName = TextFieldName | ImageFieldName;

/** Order of the sample response; also the order the UI lists fields in. */
export const FIELD_NAMES: readonly FieldName[] = [
  'office_region',
  'office_name',
  'office_address',
  'document_type',
  'photo',
  'permit_number',
  'stay_permit_index',
  'stay_multiple_entries_permit_expiry',
  'niora',
  'full_name',
  'place_of_birth',
  'date_of_birth',
  'passport_number',
  'passport_expiry',
  'nationality',
  'gender',
  'address',
  'occupation',
  'status',
  'issued_date',
  'issued_place',
  'stay_entries_permit_expiry',
  'guarantor_name',
  'sign',
];

export const DATE_FIELDS: readonly TextFieldName[] = [
  'date_of_birth',
  'issued_date',
  'passport_expiry',
  'stay_entries_permit_expiry',
  'stay_multiple_entries_permit_expiry',
];

export type Point = [number, number];
/** 4 points clockwise from the top-left of the text, or [] when absent. */
export type Polygon = Point[];

export interface TextField {
  value: string;
  value_original: string;
  /** Probability that `value` is exactly right, 0..1. */
  confidence: number;
  /** The recognizer's own score, 0..1. */
  confidence_text: number;
  polygon: Polygon;
  page_index: number;
}

export interface ImageField {
  /** Base64 PNG without a data: prefix, or '' when absent. */
  value: string;
  confidence: number;
  polygon: Polygon;
  page_index: number;
  // The reference's empty `sign` carries these too; kept optional so both shapes type-check.
  value_original?: string;
  confidence_text?: number;
}

export type KitasRead = { [K in TextFieldName]: TextField } & { [K in ImageFieldName]: ImageField };

export type Status = 'SUCCESS' | 'NO_FILE' | 'FILE_INVALID_FORMAT' | 'FAILED';

export const REASONS = {
  success: 'File successfully read.',
  someInvalid: 'File successfully read. Some fields are invalid.',
  noFile: 'No file in request body',
  invalidFormat: 'Failed to process invalid file format. Please upload the correct file format',
} as const;

export type DocumentClass = 'KITAS' | 'KITAP' | 'OTHER';

export interface FieldIssue {
  field: FieldName;
  /** Machine-readable code, e.g. 'format', 'date_order', 'unreadable'. */
  code: string;
  message: string;
}

export interface ResultMeta {
  document_class: DocumentClass;
  layout: 'page' | 'card' | 'unknown';
  /** Where the text came from, per page read (`pages_read`): the PDF's text layer or OCR of pixels. */
  sources: ('text_layer' | 'ocr')[];
  /** Indexes of the pages that were read (a permit found in a text layer spares the other pages). */
  pages_read?: number[];
  page_count: number;
  /** Sizes of each page in output pixels (image as displayed; PDF pages at 150 DPI). */
  page_sizes: { width: number; height: number }[];
  invalid_fields: FieldIssue[];
  warnings: FieldIssue[];
  backend: string;
  versions: { app: string; detector: string; recognizer: string };
  timings_ms: Record<string, number>;
  [extra: string]: unknown;
}

export interface KitasResult {
  status: Status;
  reason: string;
  read: KitasRead;
  meta?: ResultMeta;
}

export function emptyTextField(pageIndex = 0): TextField {
  return {
    value: '',
    value_original: '',
    confidence: 0,
    confidence_text: 0,
    polygon: [],
    page_index: pageIndex,
  };
}

export function emptyImageField(pageIndex = 0): ImageField {
  return { value: '', confidence: 0, polygon: [], page_index: pageIndex };
}

export function emptyRead(): KitasRead {
  const read: Partial<KitasRead> = {};
  for (const name of TEXT_FIELDS) read[name] = emptyTextField();
  for (const name of IMAGE_FIELDS) read[name] = emptyImageField();
  return read as KitasRead;
}

export function isImageField(name: FieldName): name is ImageFieldName {
  return name === 'photo' || name === 'sign';
}

/** A result with every field empty: what NO_FILE, FILE_INVALID_FORMAT and FAILED carry. */
export function failureResult(status: Exclude<Status, 'SUCCESS'>, reason: string): KitasResult {
  return { status, reason, read: emptyRead() };
}
