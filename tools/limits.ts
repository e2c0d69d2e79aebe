// The sizes the tools accept: far above any real article, far below what would stall the check or the build.
// TRANSLATING.md ("Limits") states them for translators; the check and the import refuse what passes them.

/** Characters (code points) one segment's text may have: ten times the longest paragraph of a news article. */
export const MAX_SEGMENT_LENGTH = 4000;

/** Bytes a locale file (`locales/<locale>/<name>.json`, or its sidecar) may have. */
export const MAX_LOCALE_FILE_BYTES = 1024 * 1024;

/** Bytes an exchange file (XLIFF or PO) may have: the export of a few hundred articles. */
export const MAX_EXCHANGE_FILE_BYTES = 16 * 1024 * 1024;

/** How deep an exchange file's XML elements may nest (an XLIFF file needs 6 or 7). */
export const MAX_XML_DEPTH = 32;

/** `1.5 MiB`, for a message about a size. */
export const mebibytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
