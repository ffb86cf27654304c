// heard init, the work: kept apart from the registration so the command list loads nothing.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILES, findConfigFile } from '../../config/locate.js';
import { STARTER_FILES, starterConfig } from '../../config/starter.js';
import { EXIT, HeardError } from '../errors.js';

export async function runInit(flags: { json?: boolean; force?: boolean }, cwd = process.cwd()): Promise<number> {
  const format = flags.json ? 'json' : 'yaml';
  const name = STARTER_FILES[format];
  const path = join(cwd, name);
  if (existsSync(path) && !flags.force) throw new HeardError(`${name} already exists; use --force to overwrite it`, EXIT.fatal);
  writeFileSync(path, starterConfig(format));
  process.stdout.write(`heard: wrote ${name}\n`);
  // Discovery takes the first name of CONFIG_FILES in a directory: say so when another file would win.
  const winner = findConfigFile(cwd);
  if (winner && winner !== path) {
    const rank = (p: string): number => CONFIG_FILES.findIndex((n) => p.endsWith(n));
    if (rank(winner) < rank(path)) process.stderr.write(`heard: note: ${winner} is found before ${name}; heard will read that one\n`);
  }
  return EXIT.ok;
}
