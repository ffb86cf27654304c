// Used by scripts/bench.mjs where /usr/bin/time is missing: runs a command and reports its peak RSS, read from
// the kernel's high-water mark (/proc/PID/status VmHWM) while it runs; worker threads share the process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [command, ...rest] = process.argv.slice(2);
const child = spawn(command, rest, { stdio: 'inherit' });
let peak = 0;
const poll = setInterval(() => {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
    if (kb > peak) peak = kb;
  } catch {
    // not started yet, or gone
  }
}, 20);
child.on('close', (code) => {
  clearInterval(poll);
  process.stderr.write(`bench-rss-kb: ${peak}\n`);
  process.exit(code ?? 1);
});
