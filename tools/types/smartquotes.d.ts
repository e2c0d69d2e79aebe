// The part of smartquotes' API this project uses (the package ships no types).
declare module 'smartquotes' {
  const smartquotes: {
    /** The text with typewriter quotes and apostrophes turned into typographic ones. */
    string(text: string): string;
  };
  export default smartquotes;
}
