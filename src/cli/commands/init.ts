// heard init: write a commented starter config (README, "Your rubric").
import { Option } from 'commander';
import type { Command } from 'commander';

interface InitFlags {
  yaml?: boolean;
  json?: boolean;
  force?: boolean;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a starter config with the defaults spelled out (.heardrc.yaml, or heard.config.json with --json)')
    .addOption(new Option('--yaml', 'write .heardrc.yaml, with comments (the default)').conflicts('json'))
    .addOption(new Option('--json', 'write heard.config.json, with a "$schema" pointer for editor completion'))
    .option('--force', 'overwrite an existing file')
    .action(async (flags: InitFlags) => {
      const { runInit } = await import('./init-run.js');
      process.exitCode = await runInit(flags);
    });
}
