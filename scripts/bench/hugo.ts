// The same newsroom as a Hugo site, for a build time measured beside ours: every article in every edition as a
// page (its text taken from our JSON edition, so the words are the same), an HTML page and a JSON output each,
// paginated home pages of 20, an RSS feed per language and the sitemap, as Hugo makes them.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEdition } from '../../site/editions.ts';

interface JsonEdition {
  readonly slug: string;
  readonly published: { readonly date: string };
  readonly blocks: readonly { readonly type: string; readonly segments: readonly { readonly text: string }[] }[];
}

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html><html lang="{{ .Site.Language.Lang }}" dir="{{ .Site.Language.LanguageDirection | default "ltr" }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}</head><body><header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a><nav>{{ range .Translations }}<a href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a> {{ end }}</nav></header><main>{{ block "main" . }}{{ end }}</main></body></html>`,
  '_default/single.html': `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.standfirst }}</p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time>{{ .Content }}</article>{{ end }}`,
  '_default/single.json': `{{ dict "title" .Title "date" (.Date.Format "2006-01-02") "content" .Plain | jsonify }}`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Site.Title }}</h1>{{ $p := .Paginate .Site.RegularPages }}<ul>{{ range $p.Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Params.standfirst }}</p></li>{{ end }}</ul>{{ with $p.Prev }}<a rel="prev" href="{{ .URL }}">newer</a>{{ end }}{{ with $p.Next }}<a rel="next" href="{{ .URL }}">older</a>{{ end }}{{ end }}`,
};

/** Writes a Hugo site at `dir` from the JSON editions the build left in `publicDir`. Returns the pages it has. */
export function writeHugoSite(dir: string, publicDir: string, locales: readonly string[], slugs: readonly string[]): number {
  rmSync(dir, { recursive: true, force: true });
  const languages = locales
    .map(
      (l, i) =>
        `[languages.${l}]\nweight = ${i + 1}\ntitle = "News"\ncontentDir = "content/${l}"\nlanguageDirection = "${describeEdition(l, { state: 'published' }).dir}"\n`,
    )
    .join('\n');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'hugo.toml'),
    `baseURL = "https://news.example.org/"\ndefaultContentLanguage = "en"\ndefaultContentLanguageInSubdir = true\npaginate = 20\ndisableKinds = ["taxonomy", "term"]\n[outputs]\npage = ["HTML", "JSON"]\nhome = ["HTML", "RSS"]\n${languages}`,
  );
  for (const [file, text] of Object.entries(LAYOUTS)) {
    mkdirSync(join(dir, 'layouts', file, '..'), { recursive: true });
    writeFileSync(join(dir, 'layouts', file), text);
  }
  let pages = 0;
  for (const locale of locales) {
    mkdirSync(join(dir, 'content', locale), { recursive: true });
    for (const slug of slugs) {
      const edition = JSON.parse(readFileSync(join(publicDir, locale, `${slug}.json`), 'utf8')) as JsonEdition;
      const text = (type: string) => edition.blocks.find((b) => b.type === type)?.segments[0]?.text ?? '';
      const body = edition.blocks
        .filter((b) => b.type === 'paragraph' || b.type === 'subheading')
        .map((b) => `${b.type === 'subheading' ? '## ' : ''}${b.segments.map((s) => s.text).join(' ')}`)
        .join('\n\n');
      const front = { title: text('headline'), date: edition.published.date, standfirst: text('standfirst'), slug };
      writeFileSync(join(dir, 'content', locale, `${slug}.md`), `${JSON.stringify(front, null, 2)}\n\n${body}\n`);
      pages++;
    }
  }
  return pages;
}
