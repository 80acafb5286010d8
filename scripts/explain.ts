// Debug aid: prints, per sentence of one article, the mentions and relations the pipeline finds.
// usage: npx tsx scripts/explain.ts FILE [substring]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readArticle } from '../src/pipeline/article';
import { splitSentences } from '../src/pipeline/sentences';
import { findMentions, noteDiscourse, type Discourse } from '../src/pipeline/mentions';
import { extractRelations, relationTrace } from '../src/pipeline/relations';
import { getLexicon } from '../src/pipeline/lexicon';
import { tagSentence } from '../src/pipeline/tokens';

const [file, filter] = process.argv.slice(2);
if (!file) throw new Error('usage: explain FILE');
const text = readFileSync(file, 'utf8');
const traced: string[] = [];
relationTrace.log = (line) => traced.push(line);
const lex = getLexicon();
const a = readArticle(text, /\.html?$/u.test(file));
console.log(
  basename(file),
  'title:',
  a.title,
  '| outlet:',
  a.outlet,
  '| published:',
  a.published,
  a.publishedSource,
);
const discourse: Discourse = { lists: [], lastOfType: new Map() };
const orgs = new Map();
const aliases = new Map<string, string>();
let targets: string[] = [];
let topic: string[] | null = null;
for (const s of splitSentences(a.work)) {
  const ms = findMentions(a.work, s.start, s.end, lex, a.published, discourse, orgs, aliases);
  const typeOf = (id: string) => lex.actors.get(id)?.type ?? 'organization';
  const r = extractRelations(a.work, s.start, s.end, ms, {
    priorAttackTargets: targets,
    actorTypeOf: typeOf,
    topic,
  });
  topic = r.topic;
  if (r.attackTargets.length) targets = r.attackTargets;
  noteDiscourse(discourse, ms, typeOf, a.work);
  const trace = traced.splice(0);
  if (filter && !s.text.includes(filter)) continue;
  for (const line of trace) console.log('  ·', line);
  console.log('\n>', s.text.slice(0, 300));
  console.log(
    '  mentions:',
    ms
      .map((m) => `${m.surface}=${m.actorIds.join('+')}${m.kind === 'place' ? '(place)' : ''}`)
      .join(', '),
  );
  for (const x of r.relations)
    console.log(`  ${x.source} -[${x.type}/${x.polarity} "${x.trigger}"]-> ${x.target}`);
  if (r.suppressed) console.log('  suppressed:', r.suppressed);
  if (process.env.TAGS)
    console.log(
      '  tags:',
      tagSentence(a.work, s.start, s.end)
        .map((t) => `${t.text}/${t.pos}${t.lemma !== t.lower ? '/' + t.lemma : ''}`)
        .join(' '),
    );
}
