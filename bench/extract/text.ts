/**
 * Sentences the benchmark pages are written from: article prose per language, and the kind of text that
 * sits around articles on real pages (comments, promos, footers), kept apart so a page's chrome never
 * repeats its article word for word.
 */

export const PROSE: Record<string, string[]> = {
  en: [
    'The council published the figures on Tuesday, three weeks later than promised.',
    'Researchers at the university followed more than two thousand households for six years.',
    'Most of the growth came from small firms that had never exported before.',
    'Critics argue that the model ignores how people actually change their habits.',
    'The first prototype was built from spare parts in a rented garage.',
    'By the end of the decade the river had shifted almost a kilometre to the east.',
    'Nobody on the committee expected the vote to be so close.',
    'The archive holds letters, maps and ledgers going back to the seventeenth century.',
    'Engineers replaced the old pumps with quieter ones that use half the power.',
    'Teachers say the new timetable leaves little room for reading aloud.',
    'In interviews, farmers described the drought as the worst in living memory.',
    'The study found no link between screen time and sleep among older teenagers.',
    'A second trial, with a larger group, is planned for next spring.',
    'Prices rose fastest in the northern suburbs, where new lines opened last year.',
    'The museum will reopen in March after a two-year restoration.',
    'Her notebooks record every experiment, including the ones that failed.',
    'The bridge was designed to carry trams, although none ever ran across it.',
    'Officials declined to say how many applications had been rejected.',
    'The software translates the handwritten forms into searchable text.',
    'Volunteers counted birds at forty sites along the coast.',
    'The company says the recall affects about twelve thousand vehicles.',
    'Local historians believe the mill was built on the site of an older chapel.',
    'Rents have doubled since the factory closed and the flats were converted.',
    'The orchestra rehearsed in the empty hall for three days before the premiere.',
  ],
  de: [
    'Die Stadtverwaltung hat die Zahlen am Dienstag mit drei Wochen Verspätung veröffentlicht.',
    'Forscher der Universität haben mehr als zweitausend Haushalte sechs Jahre lang begleitet.',
    'Der größte Teil des Wachstums kam von kleinen Betrieben, die zuvor nie exportiert hatten.',
    'Kritiker bemängeln, dass das Modell die tatsächlichen Gewohnheiten der Menschen übersieht.',
    'Bis zum Ende des Jahrzehnts hatte sich der Fluss fast einen Kilometer nach Osten verlagert.',
    'Im Archiv liegen Briefe, Karten und Rechnungsbücher aus dem siebzehnten Jahrhundert.',
    'Die Ingenieure ersetzten die alten Pumpen durch leisere, die nur halb so viel Strom brauchen.',
    'Lehrerinnen sagen, der neue Stundenplan lasse kaum Zeit zum Vorlesen.',
    'Eine zweite Studie mit einer größeren Gruppe ist für das kommende Frühjahr geplant.',
    'Das Museum soll im März nach zweijähriger Restaurierung wieder öffnen.',
  ],
  es: [
    'El ayuntamiento publicó las cifras el martes, tres semanas más tarde de lo prometido.',
    'Investigadores de la universidad siguieron a más de dos mil hogares durante seis años.',
    'La mayor parte del crecimiento procede de pequeñas empresas que nunca habían exportado.',
    'Los críticos sostienen que el modelo ignora cómo cambian realmente los hábitos de la gente.',
    'A finales de la década el río se había desplazado casi un kilómetro hacia el este.',
    'El archivo conserva cartas, mapas y libros de cuentas del siglo diecisiete.',
    'Los agricultores describieron la sequía como la peor que recuerdan.',
    'Un segundo ensayo, con un grupo más amplio, está previsto para la próxima primavera.',
    'El museo reabrirá en marzo tras una restauración de dos años.',
    'Los alquileres se han duplicado desde que cerró la fábrica y se reformaron los pisos.',
  ],
  ru: [
    'Городская администрация опубликовала данные во вторник, на три недели позже обещанного.',
    'Исследователи университета наблюдали за более чем двумя тысячами семей в течение шести лет.',
    'Большая часть роста пришлась на небольшие компании, которые раньше никогда не экспортировали.',
    'Критики утверждают, что модель не учитывает, как люди на самом деле меняют привычки.',
    'К концу десятилетия река сместилась почти на километр к востоку.',
    'В архиве хранятся письма, карты и счётные книги с семнадцатого века.',
    'Инженеры заменили старые насосы на более тихие, потребляющие вдвое меньше энергии.',
    'Второе испытание с более широкой группой запланировано на следующую весну.',
    'Музей откроется в марте после двухлетней реставрации.',
    'Арендная плата удвоилась с тех пор, как закрылась фабрика.',
  ],
  fr: [
    'La mairie a publié les chiffres mardi, avec trois semaines de retard.',
    'Des chercheurs de l’université ont suivi plus de deux mille foyers pendant six ans.',
    'L’essentiel de la croissance vient de petites entreprises qui n’avaient jamais exporté.',
    'Les critiques estiment que le modèle ignore la façon dont les gens changent leurs habitudes.',
    'À la fin de la décennie, la rivière s’était déplacée de près d’un kilomètre vers l’est.',
    'Les archives conservent des lettres, des cartes et des registres du dix-septième siècle.',
    'Un second essai, avec un groupe plus large, est prévu au printemps prochain.',
    'Le musée rouvrira en mars après deux ans de restauration.',
  ],
  ja: [
    '市は火曜日、約束より三週間遅れて統計を公表した。',
    '大学の研究者は二千を超える世帯を六年間にわたって追跡した。',
    '成長の大部分は、これまで輸出をしたことのない中小企業によるものだった。',
    '批判的な専門家は、このモデルが人々の実際の行動の変化を無視していると指摘する。',
    '十年が終わるころには、川は東へ一キロ近く移動していた。',
    '資料館には十七世紀までさかのぼる手紙や地図、帳簿が保管されている。',
    'より大きな集団を対象とした二回目の試験が来年の春に予定されている。',
    '博物館は二年間の修復を終えて三月に再開する。',
  ],
};

/** Text that surrounds articles: comments, promos, newsletter boxes, footers, cookie notices. */
export const CHROME = {
  comments: [
    'Great piece, but I think you missed the point about funding entirely.',
    'I grew up near there and can confirm the flooding was far worse than reported at the time.',
    'Does anyone know where the full dataset can be downloaded? The link in the article is broken.',
    'This is exactly why we need better public transport in smaller towns, not just the capital.',
    'Interesting, although the headline is a bit misleading compared to what the study says.',
    'My grandfather worked at that factory for thirty years and never mentioned any of this.',
  ],
  promos: [
    'Ten hidden beaches you have to visit this summer',
    'Why your houseplants keep dying, according to experts',
    'The best budget laptops of the year, tested and ranked',
    'Inside the kitchen of the city’s most talked-about restaurant',
    'What the markets are telling us about next year',
    'Celebrities who quietly left social media',
  ],
  newsletter:
    'Get the best of our journalism in your inbox every morning. Sign up for our free newsletter and never miss a story. You can unsubscribe at any time.',
  cookie:
    'We use cookies and similar technologies to improve your experience, measure audiences and show you personalised advertising. By clicking accept you agree to our use of cookies as described in our cookie policy.',
  footer:
    'Copyright 2025 Example Media Group. All rights reserved. Registered in England and Wales. Terms of use, privacy policy, accessibility statement, contact us, advertise with us, careers.',
  bio: 'Alex writes about cities, transport and the places where people actually live. Before joining us, Alex spent ten years as a local reporter and still believes every story starts at the bus stop.',
};

/** A small deterministic random source, so the pages are the same on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `n` paragraphs of 2–4 sentences from the language's prose, in an order fixed by `seed`. */
export function paragraphs(lang: string, n: number, seed: number): string[] {
  const pool = PROSE[lang] ?? PROSE['en']!;
  const rnd = seeded(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = 2 + Math.floor(rnd() * 3);
    const sentences = Array.from({ length: k }, () => pool[Math.floor(rnd() * pool.length)]!);
    out.push(sentences.join(lang === 'ja' ? '' : ' '));
  }
  return out;
}
