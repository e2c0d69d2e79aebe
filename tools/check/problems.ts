/** What the locale check reports: one line per problem, naming the file and the segment. */

export type Severity = 'error' | 'warning';

export interface Problem {
  readonly severity: Severity;
  /** Path of the file, relative to the project root. */
  readonly file: string;
  /** The segment (or glossary name, or interface string) the problem is in, if it is in one. */
  readonly segment?: string;
  readonly message: string;
}

/** `<file>: <segment id>: <problem>`, the form editors and CI logs link to. */
export function formatProblem(problem: Problem): string {
  const where = problem.segment === undefined ? problem.file : `${problem.file}: ${problem.segment}`;
  return `${where}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`;
}

/** Collects problems about one file. */
export class ProblemList {
  readonly items: Problem[] = [];

  error(file: string, segment: string | undefined, message: string): void {
    this.items.push(segment === undefined ? { severity: 'error', file, message } : { severity: 'error', file, segment, message });
  }

  warning(file: string, segment: string | undefined, message: string): void {
    this.items.push(segment === undefined ? { severity: 'warning', file, message } : { severity: 'warning', file, segment, message });
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}
