// Made-up results for the export tests (generated identities, no real person's data).
import { REASONS, emptyRead, type KitasResult, type ResultMeta, type TextFieldName } from '../schema';

export function fakeMeta(overrides: Partial<ResultMeta> = {}): ResultMeta {
  return {
    document_class: 'KITAS',
    layout: 'page',
    sources: ['ocr'],
    page_count: 1,
    page_sizes: [{ width: 1000, height: 1400 }],
    invalid_fields: [],
    warnings: [],
    backend: 'test',
    versions: { app: 'test', detector: 'test', recognizer: 'test' },
    timings_ms: {},
    ...overrides,
  };
}

export function fakeResult(values: Partial<Record<TextFieldName, string>>, confidence = 0.95): KitasResult {
  const read = emptyRead();
  let y = 100;
  for (const [name, value] of Object.entries(values) as [TextFieldName, string][]) {
    read[name] = {
      value,
      value_original: value,
      confidence,
      confidence_text: confidence,
      polygon: [
        [100, y],
        [300, y],
        [300, y + 20],
        [100, y + 20],
      ],
      page_index: 0,
    };
    y += 30;
  }
  return { status: 'SUCCESS', reason: REASONS.success, read, meta: fakeMeta() };
}
