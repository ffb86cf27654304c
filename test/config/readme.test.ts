// The README's example config ("Your rubric") is a real one: it loads cleanly and does what the README says.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function exampleConfig(): unknown {
  const section = README.slice(README.indexOf('## Your rubric'));
  const block = /```yaml\n([\s\S]*?)```/u.exec(section);
  if (!block) throw new Error('no yaml block in "Your rubric"');
  return parse(block[1]!);
}

describe('README "Your rubric" example', () => {
  it('validates and sets what its comments say', () => {
    const result = validateConfig(exampleConfig());
    if (!result.ok) throw new Error(result.error.issues.join('\n'));
    const { settings } = result.value;
    expect(settings.moves.solution.weight).toBe(0.5);
    expect(settings.moves.acknowledgement.weight).toBe(0.35);
    expect(settings.moves.apology.enabled).toBe(false);
    expect(settings.autoFail).toEqual(['negative_language', 'missing:solution']);
    expect(settings.roles.agentColumn).toBe('Agent ID');
    expect(settings.language.dictionary.zh).toEqual(['荣耀手环', '鸿蒙系统']);
  });
});
