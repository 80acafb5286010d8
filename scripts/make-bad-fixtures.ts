/**
 * Bad and hostile inputs for the robustness tests. The small ones are committed under
 * tests/fixtures/bad/ (`npx tsx scripts/make-bad-fixtures.ts` rewrites them); the big ones (a
 * 20 MB article, 5,000 small articles, a 100,000-character run) are written to a temporary
 * folder at test time by `writeBigFixtures`, never committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A real 1x1 PNG. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const PACT = 'Russia and Mali signed a defence pact in Bamako on Tuesday.';

/** The small fixtures: [file name, bytes]. */
export function smallFixtures(): Array<[string, Uint8Array]> {
  const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
  const body = (title: string) =>
    `date 2025-04-10\n${title}\n\n${PACT} France cut ties with Niger after the coup.\n`;
  const utf16 = (text: string, bigEndian: boolean) => {
    const le = Buffer.from(text, 'utf16le');
    if (bigEndian) le.swap16();
    return new Uint8Array(
      Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]),
    );
  };
  const duplicate = utf8(
    'date 2025-03-02\nECOWAS and Burkina Faso\n\nECOWAS cut ties with Burkina Faso after months of talks.\n',
  );
  const named: Record<string, Uint8Array> = {
    'empty.txt': new Uint8Array(),
    'whitespace.txt': utf8('   \n\t\n  \r\n   \n'),
    'image.txt': new Uint8Array(PNG_1X1),
    'invalid-utf8.txt': new Uint8Array(
      Buffer.concat([
        Buffer.from('date 2025-04-10\nInvalid bytes in Ségou\n\n', 'utf8'),
        Buffer.from([0xc3, 0x28, 0xff, 0x80]),
        Buffer.from(` ${PACT}\n`, 'utf8'),
      ]),
    ),
    'latin1.txt': new Uint8Array(
      Buffer.from(
        'date 2025-04-10\nLatin-1 from an old editor\n\nOfficials in C\xf4te d\x92Ivoire said Wagner attacked villages in Mali.\n',
        'latin1',
      ),
    ),
    'utf16le-bom.txt': utf16(body('UTF-16 little-endian with a BOM'), false),
    'utf16be-bom.txt': utf16(body('UTF-16 big-endian with a BOM'), true),
    'utf16le-no-bom.txt': new Uint8Array(
      Buffer.from(body('UTF-16 little-endian without a BOM'), 'utf16le'),
    ),
    'utf8-bom.txt': new Uint8Array(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body('UTF-8 with a BOM'))]),
    ),
    'crlf.txt': utf8(body('Windows line ends').replace(/\n/g, '\r\n')),
    'page.html': utf8(
      [
        '<!doctype html>',
        '<html><head><title>Sahel pact</title>',
        '<style>body { color: red } .Niger { display: none }</style>',
        '<script>var actors = ["France", "Niger"]; document.write("France attacked Niger.");</script>',
        '</head><body>',
        '<nav><a href="/">Home</a> | <a href="/niger">Niger</a> | <a href="/france">France</a></nav>',
        '<header><p>France attacked Niger in the menu.</p></header>',
        '<main><article><h1>Moscow and Bamako seal a pact</h1>',
        '<p>date 2025-04-10</p>',
        `<p>${PACT}</p>`,
        '<p>The agreement &amp; its annex were published the same day.</p>',
        '</article></main>',
        '<aside><p>ECOWAS attacked Wagner in a sidebar.</p></aside>',
        '<footer><p>Copyright France Niger 2025.</p></footer>',
        '<script>console.log("Wagner attacked Mali.")</script>',
        '</body></html>',
      ].join('\n'),
    ),
    'french.txt': utf8(
      'date 2025-04-10\nLa Russie et le Mali\n\nLa Russie et le Mali ont signé un pacte de défense à Bamako mardi. Les deux pays renforcent leur coopération.\n',
    ),
    'russian.txt': utf8(
      'date 2025-04-10\nРоссия и Мали\n\nРоссия и Мали подписали оборонный пакт в Бамако во вторник.\n',
    ),
    'boilerplate-names.txt': utf8(
      [
        'date 2025-04-10',
        'Rains arrive early this year',
        '',
        'Farmers in the region welcomed the early rains, which arrived two weeks ahead of the usual season.',
        'Agronomists expect a good harvest if the weather holds through the summer months.',
        '',
        'TRENDING',
        'Russia and Mali signed a defence pact.',
        'France cut ties with Niger.',
        'Wagner attacked villages in Burkina Faso.',
      ].join('\n'),
    ),
    'duplicate-a.txt': duplicate,
    'duplicate-b copy.txt': duplicate,
    'hostile-markup.txt': utf8(
      [
        'date 2025-04-10',
        'Hostile markup in the text',
        '',
        'Russia and Mali signed a defence pact <script>alert("x")</script> in Bamako on Tuesday.',
        'France attacked Niger <img src=x onerror=alert(1)> near the border on Monday.',
      ].join('\n'),
    ),
    '__proto__.txt': utf8(
      'date 2025-04-10\n__proto__ constructor toString\n\nThe __proto__ of constructor and hasOwnProperty met prototype. Russia and Mali signed a defence pact with __proto__ on Tuesday.\n',
    ),
    'constructor.txt': utf8(
      'date 2025-04-10\nconstructor\n\nconstructor attacked __proto__ on Monday. Niger cut ties with France over the constructor valueOf.\n',
    ),
    'hasOwnProperty.md': utf8(
      '# toString\n\nRussia met Mali in Moscow. valueOf attacked constructor.\n',
    ),
    'Côte d’Ivoire report é.txt': utf8(body('Accents and spaces in the name')),
    'file with  spaces.txt': utf8(body('Spaces in the name')),
    'notes.pdf': utf8('%PDF-1.4 not an article'),
  };
  // Bare '__proto__' cannot be an object literal key (it would set the prototype).
  return [
    ...Object.entries(named),
    ['__proto__', utf8('Russia and Mali signed a defence pact.\n')],
    ['constructor.html', utf8('<p>France attacked Niger on Monday.</p><p>constructor</p>')],
  ];
}

/** A 20 MB article: varied paragraphs with relations, plus repeated furniture lines. */
export function bigArticle(targetBytes = 20 * 1024 * 1024): string {
  const sentences = [
    PACT,
    'ECOWAS cut ties with Niger after the coup.',
    'Wagner fighters attacked villages near the border with Burkina Faso.',
    'France criticised the junta in Niamey for expelling its ambassador.',
    'Officials from Burkina Faso met their counterparts from Niger to discuss the alliance.',
  ];
  const parts = ['date 2025-04-10', 'A very long article', ''];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const p = `Paragraph ${i}. ${sentences[i % 5]} ${sentences[(i + 2) % 5]} The talks, number ${i}, continued for hours.`;
    parts.push(p);
    size += p.length + 1;
    if (i % 10 === 0) parts.push('Share', 'Read more: the full story here');
  }
  return parts.join('\n');
}

/** One 100,000-character run with no sentence end (words, then a long run of dots). */
export function runWithoutEnd(): string {
  const words = 'Russia and Mali signed a defence pact and then ' + 'word '.repeat(12_000);
  return (
    'date 2025-04-10\nNo sentence end\n\n' +
    (words + '.'.repeat(100_000 - words.length)) +
    ' and the story goes on\n'
  );
}

/** Writes the big fixtures into `dir` and returns the file names it wrote. */
export function writeBigFixtures(dir: string, options: { many?: number } = {}): string[] {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'big-20mb.txt'), bigArticle());
  writeFileSync(join(dir, 'run-100k.txt'), runWithoutEnd());
  const names = ['big-20mb.txt', 'run-100k.txt'];
  for (let i = 0; i < (options.many ?? 0); i++) {
    const name = `many-${String(i).padStart(4, '0')}.txt`;
    writeFileSync(join(dir, name), smallArticle(i));
    names.push(name);
  }
  return names;
}

/** The i-th of many small, distinct articles. */
export function smallArticle(i: number): string {
  const actors = ['Russia', 'Mali', 'Niger', 'France', 'ECOWAS', 'Burkina Faso'];
  const a = actors[i % actors.length] ?? 'Mali';
  const b = actors[(i + 1 + (i % 5)) % actors.length] ?? 'Niger';
  return `date 2025-04-${String((i % 28) + 1).padStart(2, '0')}\nReport ${i}\n\n${a} met ${b} in talks number ${i}.\n`;
}

/** Writes the small fixtures into `dir`. */
export function writeSmallFixtures(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of smallFixtures()) writeFileSync(join(dir, name), bytes);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeSmallFixtures(resolve(process.argv[2] ?? 'tests/fixtures/bad'));
}
