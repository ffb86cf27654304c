// tsc compiles only .ts: copy the data files (lexicons, phrase lists) next to the compiled code. YAML data is
// written as JSON too, which the program reads instead (src/data-file.ts): JSON.parse is far faster than YAML.
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const DATA = /\.(ya?ml|json)$/;
function copyData(from, to) {
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (statSync(src).isDirectory()) copyData(src, dst);
    else if (DATA.test(name)) {
      cpSync(src, dst);
      if (/\.ya?ml$/.test(name)) writeFileSync(dst.replace(/\.ya?ml$/, '.json'), JSON.stringify(parse(readFileSync(src, 'utf8'))));
    }
  }
}
copyData('src', 'bin');
