// --config and --print-config: the config file loaded for a command, its errors printed one per line (exit 2),
// and its thresholds folded into the flags the user did not give. Loaded lazily, inside actions, so zod is never
// read for --version or --help.
import type { Command } from 'commander';
import type { LoadedConfig } from '../../config/load.js';
import { EXIT, HeardError } from '../errors.js';

export interface ConfigFlags {
  /** --config FILE. */
  config?: string;
  /** --print-config. */
  printConfig?: boolean;
}

/** The config for this run: --config FILE, else the nearest heard.config.json / .heardrc.* from the cwd up. */
export async function loadConfigOrFail(file: string | false | undefined): Promise<LoadedConfig> {
  // false: --no-config, the defaults whatever file there is. With no file the schema is not needed.
  const found = file === undefined ? (await import('../../config/locate.js')).findConfigFile(process.cwd()) : file;
  if (found === undefined || found === false) return (await import('../../config/resolve.js')).defaultConfig();
  const { formatConfigError, loadConfig } = await import('../../config/load.js');
  const result = loadConfig({ file: found });
  if (!result.ok) throw new HeardError(formatConfigError(result.error), EXIT.fatal);
  return result.value;
}

/** The effective config as --print-config prints it: the record a report carries (hash, file, settings). */
export async function printableConfig(loaded: LoadedConfig): Promise<string> {
  const { configRecord } = await import('../../config/record.js');
  return `${JSON.stringify(configRecord(loaded.settings, loaded.file), null, 2)}\n`;
}

interface ThresholdFlags {
  failUnder?: number;
  failOnDrop?: number;
  minConversations: number;
}

/**
 * The config's thresholds where the command line says nothing (a flag given on the command line always wins;
 * commander's own defaults do not count as given).
 */
export function withConfigThresholds<F extends ThresholdFlags>(flags: F, loaded: LoadedConfig, command: Command): F {
  const given = (key: string): boolean => {
    const source = command.getOptionValueSource(key);
    return source !== undefined && source !== 'default';
  };
  const { failUnder, failOnDrop, minConversations } = loaded.settings.thresholds;
  const out = { ...flags };
  if (!given('failUnder') && failUnder !== null) out.failUnder = failUnder;
  if (!given('failOnDrop') && failOnDrop !== null) out.failOnDrop = failOnDrop;
  if (!given('minConversations')) out.minConversations = minConversations;
  return out;
}

/**
 * What `heard analyze` does with --config / --print-config before reading any input: undefined when the config
 * was printed (nothing more to do), else the flags with the settings and thresholds folded in.
 */
export async function configureAnalyze<F extends ThresholdFlags & ConfigFlags>(
  flags: F,
  command: Command,
): Promise<(F & { settings: LoadedConfig['settings']; configFile?: string }) | undefined> {
  const loaded = await loadConfigOrFail(flags.config);
  if (flags.printConfig) {
    process.stdout.write(await printableConfig(loaded));
    return undefined;
  }
  return { ...withConfigThresholds(flags, loaded, command), settings: loaded.settings, ...(loaded.file ? { configFile: loaded.file } : {}) };
}
