/** Finding actors by any of their names. */
import type { Actor } from './schema';
import { actorNames } from './graphIndex';

export interface ActorMatch {
  actor: Actor;
  /** The name that matched, which may be an alias rather than the display name. */
  matchedName: string;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Actors whose name or an alias contains the query (accents and case ignored): names that
 * start with it first, then the rest, each group alphabetical.
 */
export function searchActors(actors: readonly Actor[], query: string, limit = 10): ActorMatch[] {
  const q = fold(query.trim());
  if (q === '') return [];
  const ranked: { match: ActorMatch; rank: number }[] = [];
  for (const actor of actors) {
    let best: { name: string; rank: number } | null = null;
    for (const name of actorNames(actor)) {
      const folded = fold(name);
      const at = folded.indexOf(q);
      if (at < 0) continue;
      const rank = folded === q ? 0 : at === 0 ? 1 : 2;
      if (best === null || rank < best.rank) best = { name, rank };
    }
    if (best) ranked.push({ match: { actor, matchedName: best.name }, rank: best.rank });
  }
  ranked.sort(
    (a, b) => a.rank - b.rank || a.match.actor.name.localeCompare(b.match.actor.name, 'en'),
  );
  return ranked.slice(0, limit).map((r) => r.match);
}
