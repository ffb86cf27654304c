// Where a config file is found: like ESLint and textlint, the first of these names in the working directory,
// else in its parent, and so on up to the root.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** In order of preference within one directory. */
export const CONFIG_FILES = ['heard.config.json', '.heardrc.json', '.heardrc.yaml', '.heardrc.yml'] as const;

/** The nearest config file from `cwd` upwards, or undefined when there is none. */
export function findConfigFile(cwd: string, stopAt?: string): string | undefined {
  let dir = resolve(cwd);
  const stop = stopAt === undefined ? undefined : resolve(stopAt);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}
