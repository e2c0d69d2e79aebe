// The part of subset-font's API this project uses (the package ships no types).
declare module 'subset-font' {
  /** A subset of a TrueType/OpenType/WOFF font keeping the glyphs of `text`, by HarfBuzz's hb-subset (WebAssembly). */
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; preserveNameIds?: number[]; noLayoutClosure?: boolean },
  ): Promise<Uint8Array>;
}
