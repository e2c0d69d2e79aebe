/** What the tools report: one line per problem, `file:line:column: segment: problem`. */

export type Severity = 'error' | 'warning';

/** 1-based line and column, as editors count them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Problem {
  readonly severity: Severity;
  /** Path of the file, relative to the project root (or as the user named an exchange file). */
  readonly file: string;
  /** The segment (or glossary name, or interface string) the problem is in, if it is in one. */
  readonly segment?: string;
  /** Where in the file: the segment's value, or the place a syntax error was found; 1:1 for the whole file. */
  readonly position?: Position;
  readonly message: string;
}

const START: Position = { line: 1, column: 1 };

// C0 and C1 controls, bidi embeddings, overrides, isolates and marks, and the invisible format characters: a
// file's text printed raw could erase a line, fake another, or reverse one on a terminal.
const UNPRINTABLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** Text as a terminal may show it: every control or invisible format character as `\u{…}`. */
export function printable(text: string): string {
  return text
    .replace(UNPRINTABLE, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}}`)
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
}

/** `<file>:<line>:<column>: <segment id>: <problem>`, the form editors and CI logs link to. */
export function formatProblem(problem: Problem): string {
  const { line, column } = problem.position ?? START;
  const where = `${printable(problem.file)}:${line}:${column}`;
  const segment = problem.segment === undefined ? '' : `${printable(problem.segment)}: `;
  return `${where}: ${segment}${problem.severity === 'warning' ? 'warning: ' : ''}${printable(problem.message)}`;
}

/** The problems of a run of the check, placed where they are once each file's positions are known. */
export class ProblemList {
  readonly #items: Problem[] = [];
  readonly #positions = new Map<string, ReadonlyMap<string, Position>>();
  readonly #ends = new Map<string, Position>();

  readonly #lazy = new Map<string, () => void>();

  /** Where each segment of `file` starts, and where its object ends (where a missing segment belongs). */
  locate(file: string, positions: ReadonlyMap<string, Position>, end?: Position): void {
    this.#positions.set(file, positions);
    if (end) this.#ends.set(file, end);
  }

  /** As `locate`, found only if a problem of `file` needs a place (a file read fast, without its syntax tree). */
  locateLater(file: string, find: () => { positions: ReadonlyMap<string, Position>; end?: Position | undefined }): void {
    this.#lazy.set(file, () => {
      const { positions, end } = find();
      this.locate(file, positions, end);
    });
  }

  error(file: string, segment: string | undefined, message: string, position?: Position): void {
    this.#add('error', file, segment, message, position);
  }

  warning(file: string, segment: string | undefined, message: string, position?: Position): void {
    this.#add('warning', file, segment, message, position);
  }

  /** A problem found elsewhere (another check of the same files), as it is. */
  add(problem: Problem): void {
    this.#items.push(problem);
  }

  #add(severity: Severity, file: string, segment: string | undefined, message: string, position?: Position): void {
    this.#items.push({
      severity,
      file,
      ...(segment === undefined ? {} : { segment }),
      ...(position ? { position } : {}),
      message,
    });
  }

  /** Every problem, placed: its own position, else its segment's in its file, else the end of the file's object. */
  get items(): readonly Problem[] {
    return this.#items.map((p) => this.#place(p));
  }

  /** The problems since `mark` (a `size`), placed. */
  itemsSince(mark: number): Problem[] {
    return this.#items.slice(mark).map((p) => this.#place(p));
  }

  #place(p: Problem): Problem {
    if (p.position) return p;
    if (p.segment === undefined) return p;
    const later = this.#lazy.get(p.file);
    if (later) {
      this.#lazy.delete(p.file);
      later();
    }
    const position = this.#positions.get(p.file)?.get(p.segment) ?? this.#ends.get(p.file);
    return position ? { ...p, position } : p;
  }

  get hasErrors(): boolean {
    return this.#items.some((p) => p.severity === 'error');
  }

  /** How many problems so far: a mark to ask `hasErrorsSince` about. */
  get size(): number {
    return this.#items.length;
  }

  hasErrorsSince(mark: number): boolean {
    for (let i = mark; i < this.#items.length; i++) if (this.#items[i]!.severity === 'error') return true;
    return false;
  }
}
