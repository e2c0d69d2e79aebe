// Copies the Persian font (Vazirmatn, from the npm registry) into public/, the worker's static assets, under a
// path that names its version, so browsers may keep it for a year. Only the Arabic-script subset is served.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_FILES, FONT_PATH, VAZIRMATN_VERSION } from '../src/style.ts';
import { ROOT } from './project-files.ts';
import { writeAtomic } from './write-atomic.ts';

const pkg = join(ROOT, 'node_modules', 'vazirmatn');
const installed = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
if (installed !== VAZIRMATN_VERSION) {
  console.error(`fonts: vazirmatn ${installed} is installed but src/style.ts names ${VAZIRMATN_VERSION}; make them agree`);
  process.exit(1);
}
const publicDir = join(ROOT, 'public');
rmSync(join(publicDir, 'fonts'), { recursive: true, force: true });
const target = join(publicDir, FONT_PATH);
mkdirSync(target, { recursive: true });
for (const file of Object.values(FONT_FILES)) copyFileSync(join(pkg, 'misc', 'Non-Latin', 'fonts', 'webfonts', file), join(target, file));
copyFileSync(join(pkg, 'OFL.txt'), join(target, 'OFL.txt'));
writeAtomic(
  join(publicDir, '_headers'),
  `/fonts/*\n  Cache-Control: public, max-age=31536000, immutable\n  X-Content-Type-Options: nosniff\n`,
);
console.log(`fonts: Vazirmatn ${installed} (Arabic script) in public${FONT_PATH}`);
