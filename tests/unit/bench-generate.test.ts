import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../bench/generate';
import { syntheticGraph } from '../../bench/explorer';
import { asciiSafe, fastVariant, getLexicon } from '../../src/pipeline/lexicon';

describe('bench corpus generator', () => {
  it('is deterministic and writes 15–30 sentence articles, most with a header date', () => {
    expect(generateArticle(42, 7)).toEqual(generateArticle(42, 7));
    const articles = Array.from({ length: 200 }, (_, i) => generateArticle(42, i).text);
    const dated = articles.filter((t) => /^ date \d{4}-\d{2}-\d{2} /u.test(t)).length;
    expect(dated).toBeGreaterThan(150);
    expect(dated).toBeLessThan(200);
  });

  it('makes synthetic explorer graphs that pass the schema', () => {
    const g = syntheticGraph(50, 200);
    expect(g.actors).toHaveLength(50);
    expect(g.relations).toHaveLength(200);
  });
});

describe('non-unicode twins of the collective patterns', () => {
  const texts = [
    'Mali cut ties with France and attacked JNIM positions on Friday.',
    'Russia’s “strategic partnership” with Niger — signed in Niamey — deepened.',
    'The juntas ſigned a defenſe pact; \u212Aremlin backing 😀 continued alongside ECOWAS.',
    'Burkina Faso expelled the French ambassador after sanctions were imposed.',
  ];
  it('match exactly like the unicode originals wherever they are used', () => {
    for (const t of getLexicon().collectives) {
      for (const text of texts) {
        const slow = [...text.matchAll(new RegExp(t.regex.source, 'giu'))].map((m) => [
          m.index,
          m[0],
        ]);
        const re = asciiSafe(text) ? t.fastRegex : t.regex;
        const fast = [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => [
          m.index,
          m[0],
        ]);
        expect(fast).toEqual(slow);
      }
    }
  });
  it('are not made for patterns that need unicode mode', () => {
    expect(fastVariant('\\p{Lu}\\w+', 'giu')).toBeNull();
    expect(fastVariant('caf\u00e9', 'giu')).toBeNull();
    expect(fastVariant('\\bties with\\b', 'giu')?.flags).toBe('gi');
  });
});
