// tsc compiles only .ts: copy the data files (lexicons, phrase lists) next to the compiled code.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DATA = /\.(ya?ml|json)$/;
function copyData(from, to) {
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (statSync(src).isDirectory()) copyData(src, dst);
    else if (DATA.test(name)) cpSync(src, dst);
  }
}
copyData('src', 'bin');
