// The project's data files (lexicons, role words, greetings) are YAML in src/, for people to read and edit; the
// build turns each into JSON beside the compiled code (scripts/copy-assets.mjs), because parsing the YAML at every
// start cost about a fifth of a small run. Tests, which run the TypeScript sources, read the YAML. The YAML
// parser itself is loaded only when some YAML is read (a test, or a .heardrc.yaml).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The parsed content of the data file `url` (a .yml URL): its compiled .json twin when there is one. */
export function readDataFile(url: URL): unknown {
  const json = new URL(url.href.replace(/\.ya?ml$/u, '.json'));
  if (json.href !== url.href && existsSync(json)) return JSON.parse(readFileSync(json, 'utf8'));
  return parseYaml(readFileSync(url, 'utf8'));
}

/** YAML text parsed, the parser loaded on first use only: it costs tens of milliseconds at start-up. */
export function parseYaml(text: string, options?: import('yaml').ParseOptions & import('yaml').DocumentOptions): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text, options);
}
