// The JSON Schema published for editors (schema/heard.config.schema.json) is the zod schema's: regenerate it
// with `npm run schema` when this fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/config/schema.js';
import { starterConfig } from '../../src/config/starter.js';

const PUBLISHED = new URL('../../schema/heard.config.schema.json', import.meta.url);

describe('schema/heard.config.schema.json', () => {
  it('equals what the zod schema generates', () => {
    expect(JSON.parse(readFileSync(PUBLISHED, 'utf8'))).toEqual(configJsonSchema());
  });

  it('describes every top-level key of the starter config, and no others are allowed', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(JSON.parse(starterConfig('json'))).sort());
    expect(schema.additionalProperties).toBe(false);
  });
});
