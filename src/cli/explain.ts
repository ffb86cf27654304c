// heard explain: one conversation (or every one in a file) annotated in the terminal. The file is a transcript,
// analysed now, or heard's own output (a JSON report or JSONL results), shown exactly as it was judged then.
import { analyseInputs } from './analyze.js';
import type { InputFlags } from './analyze.js';
import { HeardError } from './errors.js';
import { openOutput } from './output.js';
import { readText } from './publish.js';

export interface ExplainFlags extends InputFlags {
  conversation?: string;
  why?: boolean;
  color?: boolean;
}

export async function runExplain(file: string, flags: ExplainFlags): Promise<number> {
  const { parseHeardOutput } = await import('../report/load.js');
  const { formatExplain } = await import('../report/explain.js');
  const output = file === '-' ? undefined : parseHeardOutput(await readText(file, 'cannot read'));
  if (output?.kind === 'unreadable') throw new HeardError(`${file}: ${output.reason}`);
  const results = output ? (output.kind === 'report' ? output.report.conversations : output.conversations) : (await analyseInputs([file], flags)).results;
  const chosen = flags.conversation === undefined ? results : results.filter((r) => r.id === flags.conversation);
  if (!chosen.length) {
    const ids = results.map((r) => r.id);
    throw new HeardError(`no conversation ${flags.conversation} in ${file}; it has ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}`);
  }
  // Through the same output as reports, so `heard explain … | head` ends quietly on a closed pipe.
  const out = openOutput(undefined);
  const color = flags.color !== false && out.isTTY && !process.env.NO_COLOR;
  out.write(chosen.map((r) => formatExplain(r, { color, why: Boolean(flags.why) })).join('\n'));
  await out.close();
  return 0;
}
