import { join } from 'node:path';

/** Where a build writes: the static assets, the archive tier's pages beside them, and the build's cache. */
export interface BuildDirectories {
  /** The static assets (`public/`, or `BUILD_DIR`: the preview builds into a directory of its own). */
  readonly out: string;
  /** The archive tier's pages, for the R2 bucket: `public-archive/` beside `public/`. */
  readonly archive: string;
  /** The build's record of what each file was made from: safe to delete. */
  readonly cache: string;
}

/** The directories of a build of the project at `root` into `buildDir` (relative to it). */
export function buildDirectories(root: string, buildDir = 'public'): BuildDirectories {
  const out = join(root, buildDir);
  return { out, archive: `${out}-archive`, cache: join(root, '.cache', 'build') };
}
