#!/usr/bin/env node
// `heard --version` answers before anything else is loaded (commander included): scripts call it in loops.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-v')) {
  const { VERSION } = await import('./version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  // V8 first runs a regular expression through a bytecode interpreter and compiles it to machine code later. For
  // heard's long phrase patterns the bytecode step is the slow one (about 300 ms on a small file, against 50 ms
  // for compiling them straight away), so they are compiled at once. Set before any pattern runs; workers share it.
  (await import('node:v8')).setFlagsFromString('--no-regexp-tier-up');
  const { main } = await import('./cli/main.js');
  await main(process.argv);
}
