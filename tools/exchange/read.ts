import type { ExchangeDocument } from './document.ts';
import { readPo } from './po.ts';
import { readXliff } from './xliff.ts';

/** An exchange file's document, XLIFF (1.2 or 2.0) or PO, whichever its text is. Throws `ExchangeFormatError`. */
export function readExchange(text: string): ExchangeDocument {
  return /^\s*(<\?xml|<xliff|<!)/.test(text) ? readXliff(text) : readPo(text);
}
