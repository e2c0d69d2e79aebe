import { env } from 'cloudflare:workers';
import type { Hono } from 'hono';
import { createSiteApp } from '../../site/app.tsx';
import type { Catalog } from '../../site/content.ts';
import type { EditionFonts } from '../../site/style.ts';
// Written by the build (npm test builds first): each edition's web font faces, as the built pages name them.
import fonts from '../../site/generated/fonts.json';
import { checkProject } from '../../tools/check/check.ts';
import { projectFiles } from './project-files.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

const checked = checkProject(projectFiles).catalog;
if (!checked) throw new Error('the project files fail the check: run npm run i18n:check');

/** The catalog of the landed files, as the build reads it. */
export const catalog: Catalog = checked;

/** The origin the build uses (wrangler.toml [vars]), so pages rendered here are the built ones. */
export const ORIGIN = env.SITE_ORIGIN;

/** A copy of the real catalog, changed by `edit`: a fixture that differs from the landed files in one place. */
export function catalogWith(edit: (copy: Mutable<Catalog>) => void): Catalog {
  const copy = structuredClone(catalog) as Mutable<Catalog>;
  edit(copy);
  return copy;
}

/** The site app over the real catalog, or over a changed copy of it. */
/** Each edition's web fonts, as the last build subset them. */
export const FONTS = fonts as EditionFonts;

export const siteApp = (edit?: (copy: Mutable<Catalog>) => void): Hono =>
  createSiteApp({ catalog: edit ? catalogWith(edit) : catalog, origin: ORIGIN, fonts: fonts as EditionFonts });

export const SLUG = 'putin-raisi-kremlin-meeting';
