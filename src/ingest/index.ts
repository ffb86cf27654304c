// The input adapters by name, and format detection.
import { extname } from 'node:path';
import { contactLensAdapter, transcribeAdapter } from './amazon.js';
import { ccaiAdapter } from './ccai.js';
import { csvAdapter } from './csv.js';
import { jsonAdapter } from './json.js';
import { srtAdapter } from './srt.js';
import { textAdapter } from './text.js';
import type { InputAdapter, InputFormat } from './types.js';
import { vttAdapter } from './vtt.js';

export const adapters: Record<InputFormat, InputAdapter> = {
  text: textAdapter,
  csv: csvAdapter,
  json: jsonAdapter,
  'contact-lens': contactLensAdapter,
  transcribe: transcribeAdapter,
  ccai: ccaiAdapter,
  vtt: vttAdapter,
  srt: srtAdapter,
};

/**
 * Formats whose content is unmistakable, checked before the extension: vendor JSON is saved as .json like
 * heard's own, and exports are often renamed (.txt, no extension). Contact Lens before Transcribe: both have
 * a Transcript array, only Contact Lens lists Participants.
 */
const BY_CONTENT: InputFormat[] = ['contact-lens', 'transcribe', 'ccai', 'vtt', 'srt'];
/** Sniffing order when neither the content nor the extension decided: the strictest shapes first. */
const SNIFF_ORDER: InputFormat[] = ['json', 'csv', 'text'];

/** The format for a file from its extension (.txt .log .csv .tsv .json .jsonl .ndjson .vtt .srt), if known. */
export function formatFromExtension(file: string): InputFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '') return undefined;
  return (Object.values(adapters) as InputAdapter[]).find((a) => a.extensions.includes(ext))?.id;
}

/** The format of a file: by unmistakable content, else by extension, else by sniffing, else plain text. */
export function detectFormat(file: string, text: string): InputFormat {
  return (
    BY_CONTENT.find((f) => adapters[f].sniff(text)) ??
    formatFromExtension(file) ??
    SNIFF_ORDER.find((f) => adapters[f].sniff(text)) ??
    'text'
  );
}

export { readInputs } from './read.js';
export type { IngestOptions, InputAdapter, InputFormat, Notice } from './types.js';
