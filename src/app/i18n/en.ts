// English UI strings. `id.ts` must have exactly the same keys (the type checker enforces it).
// Placeholders are written {name} and filled by t(key, { name }).
// Sections: add new keys to the section of your area (keeps parallel edits apart).

export const en = {
  // --- app shell
  'app.title': 'KITAS / KITAP reader',
  'app.tagline': 'Reads Indonesian residence permits on this device. Nothing is uploaded.',
  'app.fields': 'Fields',
  'app.skip': 'Skip to content',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.id': 'Bahasa Indonesia',

  // --- engine badge
  'engine.starting': 'Engines starting…',
  'engine.startingTitle': 'Loading the text detector and recognizer',
  'engine.ready': 'Engine:',
  'engine.startedIn': 'Started in {s} s',
  'engine.readyTitle': 'Ready',
  'engine.failed': 'Engines failed',

  // --- drop zone
  'drop.region': 'Open a document',
  'drop.text': 'Drop a KITAS or KITAP here: a photo or scan (.png, .jpg) or the e-ITAS PDF.',
  'drop.choose': 'Choose a file…',
  'drop.another': 'Open another file…',
  'drop.hint': 'or drop a file here',
  'drop.input': 'Document file',

  // --- progress
  'progress.region': 'Reading progress',
  'progress.reading': 'Reading {name}',
  'progress.overall': 'Overall progress',
  'progress.cancel': 'Cancel',
  'stage.init': 'Starting engines',
  'stage.decode': 'Opening the file',
  'stage.locate': 'Finding the document',
  'stage.detect': 'Finding text',
  'stage.recognize': 'Reading text',
  'stage.assemble': 'Assembling fields',
  'stage.preview': 'Preparing pages',

  // --- notices from reading
  'read.cancelled': 'Reading cancelled.',
  'read.failed': 'The file could not be read: {message}',

  // --- result summary
  'summary.region': 'Result',
  'summary.SUCCESS': 'Read',
  'summary.NO_FILE': 'No file',
  'summary.FILE_INVALID_FORMAT': 'Unsupported file',
  'summary.FAILED': 'Failed',
  'summary.document': 'Document',
  'summary.layout': 'Layout',
  'summary.textFrom': 'Text from',
  'summary.pdfText': 'PDF text',
  'summary.ocr': 'OCR',
  'summary.pages': 'Pages',
  'summary.engine': 'Engine',
  'summary.time': 'Time',
  'summary.startup': 'start-up',
  'summary.warning': 'Warning',
  'summary.invalid': 'Invalid',

  // --- viewer
  'viewer.region': 'Document image',
  'viewer.noImage': 'No page image to show for this result.',
  'viewer.pages': 'Pages',
  'viewer.prev': 'Previous page',
  'viewer.next': 'Next page',
  'viewer.pageOf': 'Page {n} of {count}',
  'viewer.pageAlt': 'Page {n} of {name}',
  'viewer.image': 'image',
  'viewer.empty': 'empty',
  'viewer.boxLabel': '{field}: {value}, confidence {confidence}',

  // --- field form
  'form.caption': 'Fields read from the document',
  'form.field': 'Field',
  'form.value': 'Value (read as)',
  'form.confidence': 'Confidence',
  'form.cropAlt': '{field} cropped from the document',
  'form.notFound': 'Not found',
  'form.revert': 'Revert',
  'form.revertLabel': 'Revert {field} to the value read',
  'form.readAs': 'Read as:',
  'form.low': 'Low confidence: please check.',

  // --- export bar
  'export.noEdits': 'No edits',
  'export.edits1': '1 field edited',
  'export.editsN': '{n} fields edited',
  'export.json': 'Export JSON',
  'export.copy': 'Copy',
  'export.copied': 'Copied',
  'export.copyFailed': 'Copy failed',
  'export.print': 'Print',
  'export.send': 'Send',
  'export.sent': 'Sent',
  'export.sendFailed': 'Sending failed: {message}',

  // --- field titles
  'field.office_region': 'Office region',
  'field.office_name': 'Office name',
  'field.office_address': 'Office address',
  'field.document_type': 'Document type',
  'field.photo': 'Photo',
  'field.permit_number': 'Permit number',
  'field.stay_permit_index': 'Stay permit index',
  'field.stay_multiple_entries_permit_expiry': 'Multiple re-entry permit expiry',
  'field.niora': 'NIORA',
  'field.full_name': 'Full name',
  'field.place_of_birth': 'Place of birth',
  'field.date_of_birth': 'Date of birth',
  'field.passport_number': 'Passport number',
  'field.passport_expiry': 'Passport expiry',
  'field.nationality': 'Nationality',
  'field.gender': 'Gender',
  'field.address': 'Address',
  'field.occupation': 'Occupation',
  'field.status': 'Permit status',
  'field.issued_date': 'Issued date',
  'field.issued_place': 'Issued place',
  'field.stay_entries_permit_expiry': 'Single re-entry permit expiry',
  'field.guarantor_name': 'Guarantor name',
  'field.sign': 'Signature',

  // --- settings, privacy and history (pwa/kiosk/history owner)
  'nav.read': 'Read',
  'nav.settings': 'Settings',
  'nav.history': 'History',
  'settings.title': 'Settings',
  'settings.kiosk': 'Kiosk mode',
  'settings.kioskHelp':
    'Full screen, large buttons, no history; the document is wiped after export or after a period without use.',
  'settings.idle': 'Wipe after (seconds without use)',
  'settings.history': 'Keep a history of read documents on this device',
  'settings.retention': 'Keep history for (days)',
  'settings.omitImages': 'Leave the photo and signature out of exports',
  'settings.offline': 'Offline use',
  'settings.offlineReady': 'Ready to work without a network.',
  'settings.offlinePending': 'Preparing offline use…',
  'settings.offlineNone': 'Offline use is not available in this browser or on this address.',
  'privacy.title': 'Privacy',
  'privacy.default':
    'By default nothing you read is kept: closing or reloading the page discards the document and its data. Only your language and settings are remembered on this device.',
  'privacy.images':
    'The face photo and the signature are sensitive personal data under Indonesia’s Personal Data Protection Law (UU 27/2022). Export or keep them only when you need them.',
  'history.title': 'History',
  'history.notice':
    'History is on. For each document read, this device keeps the extracted fields, your corrections, the file name and the time, in this browser’s storage (IndexedDB) only, for {days} days. Nothing is sent anywhere. The photo and signature are kept only if exports include them.',
  'history.off': 'History is off: nothing is kept after the page is closed.',
  'history.search': 'Search by name or permit number',
  'history.empty': 'No documents in the history.',
  'history.noMatch': 'No documents match.',
  'history.when': 'Read at',
  'history.name': 'Name',
  'history.permit': 'Permit number',
  'history.file': 'File',
  'history.actions': 'Actions',
  'history.export': 'Export JSON',
  'history.exportLabel': 'Export {name} as JSON',
  'history.delete': 'Delete',
  'history.deleteLabel': 'Delete {name} from the history',
  'history.purge': 'Delete all history',
  'history.purged': 'History deleted.',
  'history.count': '{n} documents',

  // --- kiosk
  'kiosk.start': 'Place the permit in front of the camera or choose a file',
  'kiosk.idle': 'Wiping in {s} s',
  'kiosk.done': 'Done',
  'kiosk.wiped': 'The document and its data were wiped.',
  'kiosk.exit': 'Exit kiosk mode',
  'kiosk.fullscreen': 'Touch anywhere to start',

  // --- review / batch / export (other engineer: add keys below this line)
} as const;

export type MessageKey = keyof typeof en;
export type Dictionary = Record<MessageKey, string>;
