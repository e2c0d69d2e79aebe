import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `site.config.json`: how the build lays the site out on the platform. Every field is optional. */
export interface SiteConfig {
  readonly assets: {
    /** Files Workers Static Assets take per version: 20,000 (free plan), 100,000 (paid). */
    readonly fileLimit: number;
  };
  /** The archive tier: articles past the boundary are served from an R2 bucket by the worker, not as static assets. */
  readonly archive: {
    /** Whether there is an archive tier at all (an R2 bucket bound to the worker as `ARCHIVE`). */
    readonly enabled: boolean;
    /** Articles published more than this many days before the newest one go to the archive. */
    readonly afterDays?: number;
    /** At most this many static files: the oldest articles beyond it go to the archive. */
    readonly staticFiles?: number;
  };
}

export const DEFAULT_CONFIG: SiteConfig = {
  assets: { fileLimit: 20_000 },
  archive: { enabled: false },
};

export const CONFIG_FILE = 'site.config.json';

/** A problem with `site.config.json`: the build stops and names it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** Reads `site.config.json` at `root` (the defaults where there is none), naming any field that is wrong. */
export function readConfig(root: string): SiteConfig {
  const path = join(root, CONFIG_FILE);
  if (!existsSync(path)) return DEFAULT_CONFIG;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${CONFIG_FILE}: not valid JSON (${(error as Error).message})`);
  }
  const object = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const file = object(data);
  if (!file) throw new ConfigError(`${CONFIG_FILE}: must be a JSON object`);
  for (const key of Object.keys(file))
    if (key !== 'assets' && key !== 'archive') throw new ConfigError(`${CONFIG_FILE}: unknown key "${key}" (assets, archive)`);
  const assets = object(file.assets ?? {});
  const archive = object(file.archive ?? {});
  if (!assets) throw new ConfigError(`${CONFIG_FILE}: assets must be an object`);
  if (!archive) throw new ConfigError(`${CONFIG_FILE}: archive must be an object`);
  const fileLimit = assets.fileLimit ?? DEFAULT_CONFIG.assets.fileLimit;
  if (!isCount(fileLimit))
    throw new ConfigError(`${CONFIG_FILE}: assets.fileLimit must be a whole number of files (20000 free, 100000 paid)`);
  if (archive.enabled !== undefined && typeof archive.enabled !== 'boolean')
    throw new ConfigError(`${CONFIG_FILE}: archive.enabled must be true or false`);
  if (archive.afterDays !== undefined && !(isCount(archive.afterDays) || archive.afterDays === 0))
    throw new ConfigError(`${CONFIG_FILE}: archive.afterDays must be a whole number of days`);
  if (archive.staticFiles !== undefined && !isCount(archive.staticFiles))
    throw new ConfigError(`${CONFIG_FILE}: archive.staticFiles must be a whole number of files`);
  if (archive.enabled === true && archive.afterDays === undefined && archive.staticFiles === undefined)
    throw new ConfigError(`${CONFIG_FILE}: archive.enabled needs a boundary: archive.afterDays, archive.staticFiles, or both`);
  return {
    assets: { fileLimit },
    archive: {
      enabled: archive.enabled === true,
      ...(archive.afterDays === undefined ? {} : { afterDays: archive.afterDays as number }),
      ...(archive.staticFiles === undefined ? {} : { staticFiles: archive.staticFiles as number }),
    },
  };
}
