#!/usr/bin/env node
// `heard --version` answers before anything else is loaded (commander included): scripts call it in loops.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-v')) {
  const { VERSION } = await import('./version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./cli/main.js');
  await main(process.argv);
}
