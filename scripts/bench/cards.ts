// Share cards per second of CPU time (the process's user + system time, which other work on a busy machine
// disturbs less than the wall clock): each edition's card rendered again and again, warm (fonts loaded once),
// for two seconds per edition, best of three rounds. `npm run bench` prints it; run alone with
// `sh scripts/with-node.sh node scripts/bench/cards.ts`.
import { CardRenderer } from '../../site/card-renderer.ts';
import { cardText, type CardText } from '../../site/card.ts';

/** Headlines as long as the editions' (the render's cost grows with the glyphs drawn). */
const CARDS: readonly CardText[] = [
  cardText({ dir: 'ltr', script: 'Latn' }, 'News in your language', 'Russia, Iran’s Putin and Raisi back closer ties in Kremlin meeting', {
    text: '19 January 2022',
  }),
  cardText({ dir: 'rtl', script: 'Arab' }, 'اخبار به زبان شما', 'پوتین و رئیسی در دیدار خود در کرملین از گسترش روابط دو کشور حمایت کردند', {
    text: '۲۹ دی ۱۴۰۰',
    secondary: '۱۹ ژانویهٔ ۲۰۲۲',
  }),
  cardText(
    { dir: 'ltr', script: 'Cyrl' },
    'Новости на вашем языке',
    'Путин и Раиси на встрече в Кремле высказались за сближение России и Ирана',
    { text: '19 января 2022 г.' },
  ),
];

/** Cards per second for each card, best of `rounds` rounds of `seconds` each. */
export async function cardsPerSecond(seconds = 2, rounds = 3): Promise<{ script: string; perSecond: number }[]> {
  const renderer = await CardRenderer.fromPackages();
  return CARDS.map((card) => {
    let best = 0;
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      let count = 0;
      while (performance.now() - start < seconds * 1000) {
        renderer.render(card);
        count++;
      }
      const used = process.cpuUsage(cpu);
      best = Math.max(best, count / ((used.user + used.system) / 1e6));
    }
    return { script: card.family, perSecond: best };
  });
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const { script, perSecond } of await cardsPerSecond()) console.log(`${script}: ${perSecond.toFixed(1)} cards/s`);
