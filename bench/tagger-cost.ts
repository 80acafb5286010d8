/**
 * npx tsx bench/tagger-cost.ts [CORPUS_DIR]: what the wink-nlp tagger costs on a generated corpus
 * (run `npm run bench` once to write bench/out/corpus-1000): every sentence tagged, the lexical
 * gate alone, and only the sentences the gate lets through.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readArticle } from '../src/pipeline/article';
import { splitSentences } from '../src/pipeline/sentences';
import { tagSentence } from '../src/pipeline/tokens';
import { getEventLexicon, mayHaveEventHead } from '../src/pipeline/events';
const dir = process.argv[2] ?? 'bench/out/corpus-1000';
const lex = getEventLexicon();
const sents: Array<[string, number, number]> = [];
let bytes = 0;
for (const f of readdirSync(dir)) {
  const t = readFileSync(`${dir}/${f}`, 'utf8');
  bytes += t.length;
  const a = readArticle(t, false);
  for (const s of splitSentences(a.work)) sents.push([a.work, s.start, s.end]);
}
for (const [w, s, e] of sents.slice(0, 2000)) tagSentence(w, s, e); // warm up
let t0 = performance.now();
for (const [w, s, e] of sents) tagSentence(w, s, e);
const all = performance.now() - t0;
t0 = performance.now();
const pass = sents.filter(([w, s, e]) => mayHaveEventHead(lex, w.slice(s, e)));
const gate = performance.now() - t0;
t0 = performance.now();
for (const [w, s, e] of pass) tagSentence(w, s, e);
const gated = performance.now() - t0;
console.log(
  JSON.stringify({
    MB: (bytes / 1e6).toFixed(2),
    sentences: sents.length,
    pass: pass.length,
    tagAllMs: Math.round(all),
    gateMs: Math.round(gate),
    tagPassMs: Math.round(gated),
    tagMBs: (bytes / 1e6 / (all / 1000)).toFixed(2),
  }),
);
