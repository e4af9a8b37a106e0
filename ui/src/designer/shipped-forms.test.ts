/** @module Tests of the designer against the forms huiliu ships: each opens in the designer and saves back unchanged. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromJsonSchema, isUnsupported } from './from-json-schema';
import { toJsonSchema } from './to-json-schema';

const root = path.resolve(import.meta.dirname, '../../../workflows');
const shipped = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(path.join(root, d.name))
      .filter((f) => f.endsWith('.form.json'))
      .map((f) => path.join(root, d.name, f)),
  );

describe('the shipped forms in the designer', () => {
  it('finds the shipped forms', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(9);
  });

  it.each(shipped.map((f) => [path.basename(f), f]))(
    '%s opens and round-trips to the same JSON',
    (_, file) => {
      // given a shipped form
      const form = JSON.parse(readFileSync(file, 'utf8'));
      // when the designer reads it
      const model = fromJsonSchema(form.schema, form.uiSchema);
      // then it can edit it, and writing it back changes nothing (key order aside)
      if (isUnsupported(model)) throw new Error(JSON.stringify(model.unsupported, null, 2));
      const out = toJsonSchema(model);
      expect(out.schema).toEqual(form.schema);
      expect(out.uiSchema).toEqual(form.uiSchema ?? {});
    },
  );
});
