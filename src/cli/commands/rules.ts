// heard rules: every move and flag, what triggers it, its phrases and weights, under the config in force.
import { Option } from 'commander';
import type { Command } from 'commander';
import { RULE_IDS } from '../../config/rule-ids.js';

interface RulesFlags {
  lang: 'en' | 'zh';
  move?: string;
  config?: string;
}


export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list every move and flag: what triggers it, the built-in and configured phrases, and the weights in force')
    .addOption(new Option('--lang <lang>', 'the language whose phrase lists to show').choices(['en', 'zh']).default('en'))
    .addOption(new Option('--move <id>', 'only this move, flag or customer-side list').choices(RULE_IDS))
    .option('--config <file>', 'config file (default: the nearest heard.config.json, .heardrc.json or .heardrc.yaml from here up)')
    .action(async (flags: RulesFlags) => {
      const { loadConfigOrFail } = await import('./config.js');
      const loaded = await loadConfigOrFail(flags.config);
      const { describeRules } = await import('../../config/rules.js');
      const source = loaded.file ? `${loaded.file}, config ${loaded.hash}` : `defaults, config ${loaded.hash}`;
      process.stdout.write(`heard rules (${source})\n\n${describeRules(loaded.settings, flags.lang, flags.move as never)}\n`);
    });
}
