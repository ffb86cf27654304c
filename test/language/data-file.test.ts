import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readDataFile } from '../../src/data-file.js';

function dataFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? dataFiles(path) : /\.ya?ml$/u.test(name) ? [path] : [];
  });
}

describe('readDataFile', () => {
  it('reads the compiled JSON twin when there is one, and the YAML otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-data-'));
    writeFileSync(join(dir, 'words.yml'), 'words: [from, yaml]\n');
    expect(readDataFile(pathToFileURL(join(dir, 'words.yml')))).toEqual({ words: ['from', 'yaml'] });
    writeFileSync(join(dir, 'words.json'), '{"words":["from","json"]}');
    expect(readDataFile(pathToFileURL(join(dir, 'words.yml')))).toEqual({ words: ['from', 'json'] });
  });

  it('the build wrote every YAML data file of src/ as JSON with the same content into bin/', () => {
    const files = dataFiles('src');
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const json = join('bin', relative('src', file)).replace(/\.ya?ml$/u, '.json');
      expect(JSON.parse(readFileSync(json, 'utf8')), json).toEqual(parse(readFileSync(file, 'utf8')));
    }
  });
});
