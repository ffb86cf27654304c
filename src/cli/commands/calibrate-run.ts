// heard calibrate, the work: one analyzer under the config in force, every gold file through
// src/calibrate (evaluateFile, the metrics and the formatting `npm run eval` has always printed).
import { existsSync, statSync } from 'node:fs';
import { EXIT, HeardError } from '../errors.js';
import { loadConfigOrFail } from './config.js';
import type { CalibrateFlags } from './calibrate.js';

export async function runCalibrate(flags: CalibrateFlags): Promise<number> {
  for (const file of flags.gold) {
    if (!existsSync(file) || !statSync(file).isFile()) throw new HeardError(`--gold ${file}: no such file`, EXIT.fatal);
  }
  const loaded = await loadConfigOrFail(flags.config);
  const { createAnalyzer } = await import('../../analyze.js');
  const { evaluateFile, formatEvaluation } = await import('../../calibrate/run.js');
  const { checkTargets, formatTargets } = await import('../../calibrate/targets.js');
  const analyzer = await createAnalyzer({ settings: loaded.settings, configFile: loaded.file });
  const config = analyzer.config;
  const log = (s: string): void => void (flags.json ? process.stderr : process.stdout).write(s);
  log(`heard calibrate: ${flags.gold.length} gold file(s); config ${config.hash} (${config.file ?? 'defaults'})\n\n`);
  const results = [];
  for (const file of flags.gold) {
    const result = await evaluateFile(file, analyzer, {
      limit: flags.limit,
      ...(flags.showErrors ? { showErrors: flags.showErrors } : {}),
      ...(flags.maxLines !== undefined ? { maxLines: flags.maxLines } : {}),
    });
    results.push(result);
    if (!flags.json) process.stdout.write(`${formatEvaluation(result)}\n`);
  }
  // The project's quality targets name its evaluation sets; they are listed only when such a set was run.
  const checks = checkTargets(results);
  const applicable = checks.some((c) => c.status !== 'not_run');
  // --min-kappa: every turn label with a kappa (both sides saw it at least once) must reach it.
  const below = flags.minKappa === undefined ? [] : results.flatMap((r) => [...(r.cs?.labels ?? []), ...(r.esconv?.labels ?? [])].filter((l) => l.kappa !== null && l.kappa < flags.minKappa!).map((l) => `${r.name}: ${l.label} kappa ${l.kappa!.toFixed(2)} is below --min-kappa ${flags.minKappa}`));
  const code = below.length ? EXIT.threshold : EXIT.ok;
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ config, files: results, ...(applicable ? { targets: checks } : {}) }, null, 2)}\n`);
    for (const reason of below) process.stderr.write(`heard: ${reason}\n`);
    return code;
  }
  if (results.length > 1) process.stdout.write(`Time per file: ${results.map((r) => `${r.name} ${(r.elapsedMs / 1000).toFixed(1)} s`).join(', ')}\n\n`);
  if (flags.maxLines !== undefined) process.stdout.write(`(only the first ${flags.maxLines} conversations of each file: the numbers are partial)\n`);
  if (applicable) process.stdout.write(formatTargets(checks));
  for (const reason of below) process.stderr.write(`heard: ${reason}\n`);
  return code;
}
