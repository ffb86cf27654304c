// The input adapters by name, and format detection.
import { extname } from 'node:path';
import { csvAdapter } from './csv.js';
import { jsonAdapter } from './json.js';
import { textAdapter } from './text.js';
import type { InputAdapter, InputFormat } from './types.js';

export const adapters: Record<InputFormat, InputAdapter> = {
  text: textAdapter,
  csv: csvAdapter,
  json: jsonAdapter,
};

/** Sniffing order when the extension says nothing: the strictest shapes first. */
const SNIFF_ORDER: InputFormat[] = ['json', 'csv', 'text'];

/** The format for a file from its extension (.txt .log .csv .tsv .json .jsonl .ndjson), if known. */
export function formatFromExtension(file: string): InputFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '') return undefined;
  return (Object.values(adapters) as InputAdapter[]).find((a) => a.extensions.includes(ext))?.id;
}

/** The format of a file: by extension, else by sniffing its content, else plain text. */
export function detectFormat(file: string, text: string): InputFormat {
  return formatFromExtension(file) ?? SNIFF_ORDER.find((f) => adapters[f].sniff(text)) ?? 'text';
}

export { readInputs } from './read.js';
export type { IngestOptions, InputAdapter, InputFormat } from './types.js';
