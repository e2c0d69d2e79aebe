import type { Position } from '../check/problems.ts';

/** A file that is not an exchange file this project can read, and where the problem is. */
export class ExchangeFormatError extends Error {
  override name = 'ExchangeFormatError';
  readonly position: Position | undefined;

  constructor(message: string, position?: Position) {
    super(message);
    this.position = position;
  }
}
