// Expected failures: what a translator or an operator can fix, said in one line with what to do. Anything
// else is a bug of the tools and keeps its stack trace.

/** A failure the user can fix: its message is one line, naming the file and what to do. */
export class ToolFailure extends Error {
  override name = 'ToolFailure';
}

/** What each expected system error means, and what to do about it. */
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied: make it readable and writable for you',
  EPERM: 'not permitted: make it writable for you',
  EROFS: 'on a read-only file system',
  ENOSPC: 'the disk is full: free some space',
  EDQUOT: 'your disk quota is used up: free some space',
  EMFILE: 'too many open files: close some programs',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'a loop of symbolic links',
  EBUSY: 'busy: another program holds it',
};

/** The code of a system error Node raised (`ENOENT`…), if it is one this module knows. */
export function systemErrorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && Object.hasOwn(SYSTEM_ERRORS, code) ? code : undefined;
}

/** `path: what happened (CODE)`, for a system error raised on `path`; undefined for anything else. */
export function describeSystemError(error: unknown, path?: string): string | undefined {
  const code = systemErrorCode(error);
  if (!code) return undefined;
  const where = path ?? (error as NodeJS.ErrnoException).path;
  return `${where ? `${where}: ` : ''}${SYSTEM_ERRORS[code]} (${code})`;
}

/** A system error as a ToolFailure, with `then` (what it means for the command) after it; anything else as it is. */
export function asToolFailure(error: unknown, then: string, path?: string): unknown {
  const described = describeSystemError(error, path);
  return described ? new ToolFailure(`${described}; ${then}`) : error;
}
