#!/usr/bin/env node
// npm run schema: regenerate schema/heard.config.schema.json from the zod schema (src/config/schema.ts).
// test/config/schema.test.ts fails when the published file and the schema disagree.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { configJsonSchema } = await import(pathToFileURL(join(ROOT, 'bin', 'config', 'schema.js')).href);
const file = join(ROOT, 'schema', 'heard.config.schema.json');
writeFileSync(file, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${file}\n`);
