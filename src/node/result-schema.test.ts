// The versioned output schema (schema/kitas-result.v1.schema.json) against what we really produce:
// a page image read by readDocument with the Node engines, a reviewed record, a failure, and a
// record of a multi-permit PDF. The seed's sample response differs from our output only where the
// schema's description says (no page_index on issued_date/issued_place).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { createNodeEngines, repoRoot, type NodeEngines } from '../engine/node/engines';
import { readDocument } from '../core/read-document';
import { readDocumentAll } from '../core/read-all';
import { reviewedResult } from '../core/export/review';
import { FIELD_NAMES, REASONS, failureResult, type KitasResult } from '../core/schema';

const TODAY = new Date('2026-01-15T00:00:00Z');
const SCHEMA_FILE = path.join(repoRoot, 'schema/kitas-result.v1.schema.json');
const SAMPLE_FILE = path.join(repoRoot, '../shared/seed/sample-response.json');

let validate: ValidateFunction;
let engines: NodeEngines;
let pageResult: KitasResult;

function errors(value: unknown): ErrorObject[] {
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

beforeAll(async () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  ajv.addFormat('date-time', (s: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s),
  );
  validate = ajv.compile(schema);
  engines = await createNodeEngines({ threads: 2 });
  const bytes = new Uint8Array(readFileSync(path.join(repoRoot, 'e2e/fixtures/page.png')));
  pageResult = await readDocument(bytes, engines, { today: TODAY });
});

afterAll(async () => {
  await engines?.close();
});

describe('output JSON Schema v1', () => {
  it('is a draft 2020-12 schema listing all 24 fields', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as {
      $schema: string;
      properties: { read: { required: string[] } };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.read.required).toEqual([...FIELD_NAMES]);
  });

  it('accepts what readDocument makes of the page fixture', () => {
    expect(pageResult.status).toBe('SUCCESS');
    expect(pageResult.read.full_name.value).not.toBe('');
    expect(errors(pageResult)).toEqual([]);
    // Round-tripped through JSON, as a client receives it.
    expect(errors(JSON.parse(JSON.stringify(pageResult)))).toEqual([]);
  });

  it('accepts a reviewed record with its audit', () => {
    const reviewed = reviewedResult({
      machine: pageResult,
      current: pageResult,
      edits: { full_name: 'EDITED HOLDER', date_of_birth: '31-02-1990' },
      reviewedAt: new Date('2026-01-15T09:30:00Z').toISOString(),
      today: TODAY,
    });
    expect(reviewed.meta?.review).toBeDefined();
    expect(errors(reviewed)).toEqual([]);
  });

  it('accepts failures and the records of a multi-permit PDF', async () => {
    for (const r of [
      failureResult('NO_FILE', REASONS.noFile),
      failureResult('FILE_INVALID_FORMAT', REASONS.invalidFormat),
      failureResult('FAILED', 'The PDF is password-protected.'),
    ])
      expect(errors(r)).toEqual([]);
    const pdf = new Uint8Array(readFileSync(path.join(repoRoot, 'e2e/fixtures/permit.pdf')));
    const [record] = await readDocumentAll(pdf, engines, { today: TODAY });
    expect(record?.meta?.record).toBeDefined();
    expect(errors(record)).toEqual([]);
  });

  it('rejects what is not our shape', () => {
    const bad = (mutate: (r: KitasResult) => void) => {
      const r = structuredClone(pageResult);
      mutate(r);
      return errors(r).map((e) => `${e.instancePath} ${e.keyword}`);
    };
    expect(bad((r) => (r.read.full_name.polygon = r.read.full_name.polygon.slice(0, 3)))).toContain(
      '/read/full_name/polygon oneOf',
    );
    expect(bad((r) => delete (r.read as Partial<KitasResult['read']>).niora)).toContain('/read required');
    expect(bad((r) => ((r.read as Record<string, unknown>).extra = r.read.niora))).toContain(
      '/read additionalProperties',
    );
    expect(bad((r) => ((r as { status: string }).status = 'OK'))).toContain('/status enum');
    expect(bad((r) => (r.read.gender.confidence = 1.5))).toContain('/read/gender/confidence maximum');
    expect(
      bad((r) => delete (r.read.issued_date as Partial<KitasResult['read']['issued_date']>).page_index),
    ).toContain('/read/issued_date required');
    expect(bad((r) => delete (r.meta as Partial<NonNullable<KitasResult['meta']>>).document_class)).toContain(
      '/meta required',
    );
  });

  it.runIf(existsSync(SAMPLE_FILE))(
    'describes the reference sample except its documented difference (runs where ../shared/seed is beside the repo, as in CI)',
    () => {
      const sample = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as unknown;
      const found = errors(sample).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);
      expect(found.sort()).toEqual([
        '/read/issued_date required {"missingProperty":"page_index"}',
        '/read/issued_place required {"missingProperty":"page_index"}',
      ]);
    },
  );
});
