// One writer at a time: a lock file naming its holder (pid, host, command), created whole or not at all.
// A lock whose holder died on this host is broken; a live holder's is waited for, a bounded time, then the
// waiter refuses, naming the holder. Synchronous, as the tools are: no timer keeps a lock alive, so a busy
// machine never makes a live holder's lock look stale (proper-lockfile judges staleness by mtime, refreshed
// by a timer the event loop must run).
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { ToolFailure } from './failure.ts';

/** Who holds a lock. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** The command line of the holder, as a person would recognise it. */
  readonly command: string;
  /** When it took the lock (ISO 8601). */
  readonly since: string;
}

export interface LockOptions {
  /** How long to wait for a lock a live process holds, in milliseconds. */
  readonly waitMs: number;
  /** How long to sleep between two looks at the lock, in milliseconds. */
  readonly pollMs: number;
}

export const DEFAULT_LOCK_OPTIONS: LockOptions = { waitMs: 60_000, pollMs: 25 };

/** The environment variable that sets how long a tool waits for the lock, in seconds. */
export const LOCK_WAIT_VARIABLE = 'I18N_LOCK_WAIT';

/** The lock options of this process: the defaults, with `I18N_LOCK_WAIT` (seconds) if it is set. */
export function lockOptions(env: NodeJS.ProcessEnv = process.env): LockOptions {
  const value = env[LOCK_WAIT_VARIABLE];
  if (value === undefined || value === '') return DEFAULT_LOCK_OPTIONS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new ToolFailure(`${LOCK_WAIT_VARIABLE}="${value}" is not a number of seconds (such as 60)`);
  return { ...DEFAULT_LOCK_OPTIONS, waitMs: seconds * 1000 };
}

/** Whether a process runs on this host: signal 0 tests it without touching it (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true; // unknown: never judged dead
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the holder of a lock or of a file it left is known to be dead: a process of this host that no longer runs. */
export function isDead(holder: { readonly pid: number; readonly host?: string }): boolean {
  if (holder.host !== undefined && holder.host !== hostname()) return false;
  return holder.pid !== process.pid && !isRunning(holder.pid);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Creates `path` holding `text`, whole, only if it does not exist: a link of a complete file (atomic, exclusive). */
function createExclusive(path: string, text: string): boolean {
  const draft = `${path}.${process.pid}.new`;
  writeFileSync(draft, text);
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** The holder a lock file names; `gone` if it was released meanwhile; a holder of pid 0 if it cannot be read. */
function readHolder(path: string): LockHolder | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    if (typeof holder.pid === 'number' && typeof holder.host === 'string') return holder;
  } catch {
    // not a lock these tools wrote
  }
  return { pid: 0, host: '?', command: `an unreadable lock file (${path})`, since: '?' };
}

const sameHolder = (a: LockHolder | 'gone', b: LockHolder) => a !== 'gone' && a.pid === b.pid && a.host === b.host && a.since === b.since;

/**
 * Removes a lock whose holder is dead, unless it changed since it was read. The look and the removal are made
 * under a second lock, so two waiters breaking one stale lock never remove the fresh lock one of them took.
 */
function breakStale(path: string, stale: LockHolder, me: LockHolder): void {
  const breaker = `${path}.break`;
  if (!createExclusive(breaker, JSON.stringify(me))) {
    const other = readHolder(breaker);
    if (other !== 'gone' && isDead(other)) rmSync(breaker, { force: true }); // it died breaking: its turn is over
    return;
  }
  try {
    if (sameHolder(readHolder(path), stale)) rmSync(path, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
}

const describeHolder = (h: LockHolder) => `${h.command} (pid ${h.pid} on ${h.host}, since ${h.since})`;

/** The locks this process holds, by path, with how many times each was taken (a lock is re-entrant). */
const held = new Map<string, { holder: LockHolder; depth: number }>();

/**
 * Runs `work` holding the lock at `path`. Waits while a live process holds it (at most `options.waitMs`),
 * then refuses with a `ToolFailure` naming the holder; breaks a lock whose holder died. Re-entrant within a
 * process; released when `work` returns or throws, and when the process exits.
 */
export function withLock<T>(path: string, command: string, work: () => T, options: LockOptions = lockOptions()): T {
  const mine = held.get(path);
  if (mine) {
    mine.depth++;
    try {
      return work();
    } finally {
      mine.depth--;
    }
  }
  const holder: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    if (createExclusive(path, `${JSON.stringify(holder)}\n`)) break;
    const other = readHolder(path);
    if (other === 'gone') continue;
    if (isDead(other)) {
      breakStale(path, other, holder);
      continue;
    }
    if (Date.now() >= deadline)
      throw new ToolFailure(
        `${path}: held by ${describeHolder(other)}; waited ${options.waitMs / 1000} s. Try again when it has finished (${LOCK_WAIT_VARIABLE}=<seconds> waits longer); if that process is gone, delete the file`,
      );
    sleep(options.pollMs);
  }
  const release = () => {
    if (held.get(path)?.holder !== holder) return;
    held.delete(path);
    if (sameHolder(readHolder(path), holder)) rmSync(path, { force: true });
  };
  held.set(path, { holder, depth: 1 });
  process.once('exit', release);
  try {
    return work();
  } finally {
    process.off('exit', release);
    release();
  }
}
