import type { ProjectFiles, SourceFile } from '../../tools/check/check.ts';
import editions from '../../locales/editions.json?raw';

// The real content/ and locales/ files, bundled as text by Vite so the check can read them inside workerd.
const content = import.meta.glob<string>('../../content/*.json', { query: '?raw', import: 'default', eager: true });
const locales = import.meta.glob<string>('../../locales/*/*.json', { query: '?raw', import: 'default', eager: true });

const files = (found: Record<string, string>): SourceFile[] =>
  Object.entries(found).map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, ''), text }));

/** The project's files as the check reads them. */
export const projectFiles: ProjectFiles = {
  editions: { path: 'locales/editions.json', text: editions },
  content: files(content),
  locales: files(locales),
};
