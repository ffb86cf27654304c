// The config from the command line, as a user runs the built binary: heard init, --config / --print-config,
// config errors (exit 2), thresholds from the config (flags win), heard rules and heard calibrate.
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'heard.js');
const TEAM = join(ROOT, 'fixtures/config/team/.heardrc.yaml');
const CHAT = join(ROOT, 'fixtures/config/team/chat.txt');
const GOLD = join(ROOT, 'fixtures/config/gold.jsonl');

function heard(args: string[], cwd = ROOT): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined }, timeout: 60_000 });
}

let tmp: string;

beforeAll(() => {
  if (!existsSync(BIN)) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'heard-config-cli-'));
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('heard init', () => {
  it('writes .heardrc.yaml, refuses to overwrite it without --force, and the file loads cleanly', () => {
    const dir = mkdtempSync(join(tmp, 'init-'));
    const first = heard(['init'], dir);
    expect([first.status, first.stdout, first.stderr]).toEqual([0, 'heard: wrote .heardrc.yaml\n', '']);
    const again = heard(['init', '--yaml'], dir);
    expect([again.status, again.stderr]).toEqual([2, 'heard: .heardrc.yaml already exists; use --force to overwrite it\n']);
    expect(heard(['init', '--force'], dir).status).toBe(0);
    const printed = heard(['analyze', '--print-config'], dir);
    expect(printed.status, printed.stderr).toBe(0);
    const defaults = JSON.parse(heard(['analyze', '--print-config'], tmp).stdout) as { hash: string; file?: string };
    expect(defaults.file).toBeUndefined();
    expect(JSON.parse(printed.stdout)).toMatchObject({ hash: defaults.hash, file: '.heardrc.yaml' });
  });

  it('--json writes heard.config.json with a $schema pointer, which loads cleanly', () => {
    const dir = mkdtempSync(join(tmp, 'init-json-'));
    expect(heard(['init', '--json'], dir).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'heard.config.json'), 'utf8')).$schema).toMatch(/heard\.config\.schema\.json$/u);
    const printed = heard(['analyze', '--print-config'], dir);
    expect([printed.status, JSON.parse(printed.stdout).file]).toEqual([0, 'heard.config.json']);
  });
});

describe('--config and --print-config', () => {
  it('--print-config prints the effective settings, merged over the defaults', () => {
    const run = heard(['analyze', '--print-config', '--config', TEAM]);
    expect(run.status, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as { hash: string; file: string; settings: { moves: { solution: unknown; acknowledgement: unknown }; autoFail: string[] } };
    expect(printed.file).toBe('fixtures/config/team/.heardrc.yaml');
    expect(printed.settings.moves.solution).toEqual({ enabled: true, weight: 0.6 });
    expect(printed.settings.moves.acknowledgement).toEqual({ enabled: true, weight: 0.35 });
    expect(printed.settings.autoFail).toEqual(['missing:solution']);
  });

  it('a config error exits 2 with one line per problem, before any input is read', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ autofail: [], late: { credit: 2 } }));
    const run = heard(['analyze', CHAT, '--config', bad, '--format', 'json']);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(`heard: config file ${bad} is invalid (2 problems)\n  late.credit: must be <= 1, got 2\n  autofail: unknown key; did you mean "autoFail"?\n`);
  });

  it('a missing --config file exits 2', () => {
    const run = heard(['analyze', CHAT, '--config', 'nope.yaml']);
    expect([run.status, run.stderr]).toEqual([2, 'heard: config file nope.yaml does not exist\n']);
  });

  it('analyze without paths is still a usage error', () => {
    expect(heard(['analyze']).status).toBe(2);
  });

  it('the report records the config; the team rubric changes the judgement, its roles and its threshold apply', () => {
    const plain = heard(['analyze', CHAT, '--format', 'json', '--config', join(tmp, 'none.json')]);
    expect(plain.status).toBe(2);
    const withDefaults = heard(['analyze', CHAT, '--format', 'json'], tmp);
    expect(withDefaults.status).toBe(0);
    const team = heard(['analyze', CHAT, '--format', 'json', '--config', TEAM]);
    // failUnder 95 from the config: exit 1.
    expect(team.status, team.stderr).toBe(1);
    expect(team.stderr).toContain('below --fail-under 95');
    const before = JSON.parse(withDefaults.stdout);
    const after = JSON.parse(team.stdout);
    expect(before.config.file).toBeUndefined();
    expect(after.config).toMatchObject({ file: 'fixtures/config/team/.heardrc.yaml', settings: { autoFail: ['missing:solution'] } });
    expect(after.config.hash).not.toBe(before.config.hash);
    expect(before.conversations[0].moves.acknowledgement).toBe('missing');
    expect(after.conversations[0].moves.acknowledgement).toBe('present');
    // "Concierge Anna" is the agent through the team's role word.
    expect(after.conversations[0].agent).toBe('Anna');
    // The command-line flag wins over the config's threshold.
    expect(heard(['analyze', CHAT, '--format', 'json', '--config', TEAM, '--fail-under', '10']).status).toBe(0);
  });
});

describe('heard rules', () => {
  it('lists every move and flag with its phrases and weights', () => {
    const run = heard(['rules', '--lang', 'en'], tmp);
    expect(run.status, run.stderr).toBe(0);
    for (const id of ['acknowledgement', 'paraphrase', 'solution', 'open_question', 'apology', 'negative_language', 'canned']) {
      expect(run.stdout).toMatch(new RegExp(`^${id}  \\(`, 'mu'));
    }
    expect(run.stdout).toContain('weight 0.35');
    expect(run.stdout).toContain('sorry-to-hear');
  });

  it('--move shows the configured phrases of one move, marked as the config\'s', () => {
    const run = heard(['rules', '--move', 'acknowledgement', '--config', TEAM]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('+ thanks for bearing with us');
    expect(run.stdout).not.toMatch(/^solution {2}\(/mu);
  });

  it('--lang zh lists the Chinese phrases', () => {
    const run = heard(['rules', '--lang', 'zh', '--move', 'apology'], tmp);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\p{Script=Han}/u);
  });
});

describe('heard calibrate', () => {
  it('prints per-label P/R/F1 and kappa, and quotes the disagreeing turns', () => {
    const run = heard(['calibrate', '--gold', GOLD, '--show-errors', 'acknowledgement'], tmp);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^acknowledgement +1\.00 +0\.33 +0\.50 +0\.20 /mu);
    expect(run.stdout).toContain('[FN] G-1 turn 1');
    expect(run.stdout).toContain('agent:    Thanks for bearing with us. I will refund the extra charge today.');
  });

  it('the team config brings heard in line with its analysts; --min-kappa gates CI', () => {
    const tuned = heard(['calibrate', '--gold', GOLD, '--config', TEAM, '--min-kappa', '0.9']);
    expect(tuned.status, tuned.stderr).toBe(0);
    expect(tuned.stdout).toMatch(/^acknowledgement +1\.00 +1\.00 +1\.00 +1\.00 /mu);
    const drift = heard(['calibrate', '--gold', GOLD, '--min-kappa', '0.9'], tmp);
    expect(drift.status).toBe(1);
    expect(drift.stderr).toContain('acknowledgement kappa 0.20 is below --min-kappa 0.9');
  });

  it('--json carries the config record', () => {
    const run = heard(['calibrate', '--gold', GOLD, '--json'], tmp);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.config.hash).toMatch(/^[0-9a-f]{16}$/u);
    expect(out.files[0].cs.labels.find((l: { label: string }) => l.label === 'acknowledgement').kappa).toBeCloseTo(0.2, 2);
  });

  it('a missing gold file exits 2', () => {
    expect(heard(['calibrate', '--gold', 'nope.jsonl']).status).toBe(2);
  });
});
