import { describe, expect, it } from 'vitest';
import { spaced } from '../html.ts';
import { siteApp, SLUG } from './catalog.ts';

const site = siteApp();
const page = async (locale: string) => spaced(await (await site.request(`/${locale}/${SLUG}`)).text());

describe('the editor’s note on the source’s slip (“who was elected in August”)', () => {
  const notes = [
    {
      locale: 'en',
      number: '1',
      label: 'Editor’s note 1',
      text: 'The original article said Ebrahim Raisi “was elected in August”: he won the presidential election on 18 June 2021 and took office in August 2021.',
      where: 'after its segment',
      before: 'data-segment="putin-hosted-raisi">[^]*?</span>',
    },
    {
      locale: 'fa',
      number: '۱',
      label: 'یادداشت ویراستار ۱',
      text: 'در متن اصلی آمده است که ابراهیم رئیسی «در ماه اوت انتخاب شد»؛ او در انتخابات ریاست‌جمهوری ۲۸ خرداد ۱۴۰۰ (۱۸ ژوئن ۲۰۲۱) پیروز شد',
      // Persian too puts it after the words the note is about (<note></note>), here before the comma that closes the clause.
      where: 'after «به ریاست‌جمهوری رسید»',
      before: 'data-segment="putin-hosted-raisi">[^<]*? مرداد امسال به ریاست‌جمهوری رسید',
    },
    {
      locale: 'ru',
      number: '1',
      label: 'Примечание редакции 1',
      text: 'В оригинальной публикации говорилось, что Эбрахим Раиси «был избран в августе». На самом деле он победил на президентских выборах 18 июня 2021 года',
      // Russian puts the marker after the words the note is about, before the stop (<note></note>).
      where: 'after «в августе»',
      before: 'data-segment="putin-hosted-raisi">[^<]*?в августе',
    },
  ];
  for (const { locale, number, label, text, where, before } of notes) {
    it(`${locale}: is marked ${where} by a superscript link named “${label}”, and shown at the end of the article`, async () => {
      const html = await page(locale);
      expect(html).toMatch(
        new RegExp(`${before}<sup class="note-ref"><a href="#note-1" id="note-ref-1" aria-label="${label}">${number}</a></sup>`),
      );
      const aside = /<aside class="notes" aria-labelledby="notes-title">(.*?)<\/aside>/.exec(html)?.[1] ?? '';
      expect(aside).toContain(`<li id="note-1"><span data-segment="note-raisi-elected">${text}`);
      expect(aside).toContain('<a href="#note-ref-1" class="note-back"');
      expect(html.indexOf('<aside class="notes"')).toBeGreaterThan(html.indexOf('data-segment="source-line"'));
    });
  }

  it('a translation may say where its marker goes (<note></note>): there, and not after the segment; the text elsewhere is without it', async () => {
    const app = siteApp(
      (c) =>
        (c.resources.ru![SLUG]!['putin-hosted-raisi'] = c.resources
          .ru![SLUG]!['putin-hosted-raisi']!.replace('<note></note>', '')
          .replace(/ в августе\./, ' в августе<note></note>.')),
    );
    const html = await (await app.request(`/ru/${SLUG}`)).text();
    expect(html).toMatch(/августе<sup class="note-ref"><a href="#note-1" id="note-ref-1" aria-label="[^"]+">1<\/a><\/sup>\. Двухдневный/);
    expect(html.match(/id="note-ref-1"/g)?.length).toBe(1);
    const edition = (await (await app.request(`/ru/${SLUG}.json`)).json()) as { blocks: { segments: { id: string; text: string }[] }[] };
    const segment = edition.blocks.flatMap((b) => b.segments).find((s) => s.id === 'putin-hosted-raisi')!;
    expect(segment.text).toMatch(/августе\. Двухдневный/);
  });

  it('is in the JSON edition, with the segment it is about', async () => {
    const edition = (await (await site.request(`/fa/${SLUG}.json`)).json()) as {
      notes: { id: string; on: string; text: string; lang: string }[];
    };
    expect(edition.notes).toEqual([
      expect.objectContaining({
        id: 'note-raisi-elected',
        on: 'putin-hosted-raisi',
        lang: 'fa',
        text: expect.stringContaining('۲۸\u00a0خرداد\u00a0۱۴۰۰'),
      }),
    ]);
  });
});

describe('the photograph that is not there', () => {
  for (const [locale, label] of [
    ['en', 'Photograph not reproduced here'],
    ['fa', 'عکس در اینجا بازنشر نشده است'],
    ['ru', 'Фотография здесь не воспроизводится'],
  ] as const) {
    it(`${locale}: the frame says it is not reproduced, visibly, and keeps the photo’s description as its accessible name`, async () => {
      const html = await page(locale);
      expect(html).toMatch(
        new RegExp(
          `<div class="photo-frame" role="img" aria-label="[^"]+"><span class="photo-absent" aria-hidden="true"><span data-segment="photo-not-reproduced">${label}</span></span></div>`,
        ),
      );
    });
  }
});

describe('how each language writes a list and a date', () => {
  it('Persian lists without a comma before «و»', async () => {
    expect(spaced(await (await site.request('/fa/')).text())).toContain('انگلیسی، فارسی و روسی');
  });

  it('Russian keeps «и» on the line of the last item (a no-break space)', async () => {
    expect(await (await site.request('/ru/')).text()).toContain('английский, персидский и\u00a0русский');
  });

  it('Russian keeps «г.» on the line of its year (a no-break space)', async () => {
    expect(await (await site.request(`/ru/${SLUG}`)).text()).toContain('<time datetime="2022-01-19">19\u00a0января 2022\u00a0г.</time>');
  });
});
