import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/pipeline';
import { GraphSchema } from '../../src/model/schema';

const SEEDS = join(import.meta.dirname, '../../seeds');

describe('the seeds graph', () => {
  const files = readdirSync(SEEDS)
    .sort()
    .map((file) => ({ file, content: new Uint8Array(readFileSync(join(SEEDS, file))) }));
  const graph = buildGraph(files);

  it('passes the schema and cites every quote verbatim', () => {
    expect(GraphSchema.safeParse(graph).success).toBe(true);
    const raw = new Map(files.map((f) => [f.file, new TextDecoder().decode(f.content)]));
    const fileOf = new Map(graph.articles.map((a) => [a.id, a.file]));
    for (const r of graph.relations) {
      for (const e of r.evidence)
        expect(raw.get(fileOf.get(e.articleId) ?? '')?.slice(e.start, e.end)).toBe(e.quote);
    }
  });

  it('is the same whatever the file order', () => {
    expect(JSON.stringify(buildGraph([...files].reverse()))).toBe(JSON.stringify(graph));
  });

  it('matches the reviewed golden graph', async () => {
    await expect(JSON.stringify(graph, null, 1) + '\n').toMatchFileSnapshot(
      'golden/seeds.graph.json',
    );
  });
});
