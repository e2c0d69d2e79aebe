// The part of gettext-parser's API this project uses (the package ships no types).
declare module 'gettext-parser' {
  export interface PoEntry {
    msgctxt?: string;
    msgid: string;
    msgid_plural?: string;
    msgstr: string[];
    comments?: { translator?: string; reference?: string; extracted?: string; flag?: string; previous?: string };
  }
  export interface PoData {
    charset: string;
    headers: Record<string, string>;
    translations: Record<string, Record<string, PoEntry>>;
  }
  export const po: {
    parse(input: string | Uint8Array, options?: { defaultCharset?: string; validation?: boolean }): PoData;
    compile(
      data: PoData,
      options?: { foldLength?: number; sort?: boolean | ((a: PoEntry, b: PoEntry) => number) },
    ): { toString(encoding?: string): string };
  };
}
