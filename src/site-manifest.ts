/** What the worker knows of the site: the build writes it (src/generated/site.ts) from the checked files. */
export interface SiteManifest {
  /** The language every edition is translated from, and the last resort of negotiation. */
  readonly sourceLocale: string;
  /** Every edition built into the static assets, published or draft. */
  readonly editions: readonly string[];
  /** The editions negotiation offers and `?lang=` accepts, in the order ties are broken. */
  readonly published: readonly string[];
  /** The archive tier's version: a hash of every object the build put in it (none where there is no archive tier). */
  readonly archiveVersion?: string;
}
