/**
 * Actor mentions in a sentence: dictionary hits, leaders within their tenure, capitals only
 * where they act, collective phrases resolved to their members, and named organisations
 * found by their head noun ('… Campaign Network', '… Stiftung').
 */
import { asciiOnly, asciiSafe, type Entry, type Lexicon } from './lexicon';
import { discoverActors, type Span } from './discovery';
import type { ActorType } from '../model/schema';

export interface Mention {
  start: number;
  end: number;
  actorIds: string[];
  /** 'place': a capital or state named as a location; it fills an object slot only for triggers that take a place. */
  kind: 'actor' | 'place';
  surface: string;
  /** The names inside a mention merged from several ('Russian' and 'Sergei Lavrov'). */
  parts?: string[];
  /** The alliance a collective's members belong to ('the AES member states'). */
  membersOf?: string;
  /** A phrase that refers back ('the junta', 'the three countries'): no name, so no alias. */
  collective?: true;
}

/** What the article has said so far, for collective phrases ('the three countries'). */
export interface Discourse {
  lists: string[][];
  lastOfType: Map<string, string>;
  /** Sentences (with names) since each type was last named: 'the alliance' only refers back a little. */
  ages?: Map<string, number>;
  /** How often each state has been named so far, in order of first naming. */
  counts?: Map<string, number>;
  /** Actors this article named that the dictionary lacks, by id, in order of discovery (see `discoveryNote`). */
  discovered?: Map<string, string>;
}

export interface DiscoveredOrg {
  id: string;
  name: string;
  /** What discovery made of it: 'armed_group' for '… rebels', '… Liberation Front'; 'organization' when absent. */
  type?: ActorType;
}

const LOCATIVE_BEFORE =
  /(?:\b(?:in|at|to|from|near|into|around|outside|across|via|toward|towards|visit|visited|visiting|capital|capital,|summit|held)\s*,?\s*)$/iu;
/** 'forces aligned to Tripoli', 'loyal to Kyiv': a capital one is loyal to is its government. */
const AFFILIATED_TO = /\b(?:aligned|allied|loyal|linked|close|tied|affiliated)\s+(?:to|with)\s*$/iu;
const ACTING_AFTER =
  /^(?:'s|’s|\s+(?:has|had|have|is|was|were|will|would|said|says|say|deems?|sees|saw|wants|wanted|accused|accuses|announced|announces|responded|rejected|denied|insisted|warned|welcomed|condemned|criticised|criticized|reported|mentioned|claimed|signed|agreed|recognized|recognised|backed|supported|sent|deployed|expelled|called|told|stated|confirmed|\w+ed\b))/iu;
/**
 * Heads of a government phrase: 'the junta in Mali', 'the military government in Niamey' name
 * whose government it is, not a place (troops or forces 'in Mali' are stationed there, and
 * stay a place). ./relations reads the same words as the heads whose 'in X' is X.
 */
export const GOVERNMENT_WORDS: ReadonlySet<string> = new Set([
  'junta',
  'government',
  'regime',
  'authority',
  'authorities',
  'administration',
  'leadership',
  'ruler',
  'rulers',
]);
const GOVERNING_IN = new RegExp(`\\b(?:${[...GOVERNMENT_WORDS].join('|')})\\s+in\\s+$`, 'iu');
/** 'brought in Wagner', 'called in Russia': the particle of a verb, not a locative 'in'. */
const PARTICLE_IN =
  /\b(?:br(?:ing|ings|inging|ought)|call(?:s|ed|ing)?|usher(?:s|ed|ing)?|draft(?:s|ed|ing)?)\s+in\s+$/iu;
const ANTI = /(?:anti|pro|non|ex)-$/iu;
/** 'ethnic Armenians', 'ethnic Serbs': a people, not their state. */
const ETHNIC_BEFORE = /\bethnic\s+$/iu;
/** 'the border with Afghanistan', 'the coast of Yemen': a state named as a place. */
const BORDER_BEFORE = /\b(?:(?:borders?|frontier)\s+with|coast\s+of)\s+$/iu;
/** 'the Somali border', 'Yemen's coast': a state named as a place ('Somali coast guard' acts). */
const BORDER_AFTER =
  /^(?:['’]s)?\s+(?:border|borders|frontier|borderlands?|coast|coastline|waters)\b(?!\s+guards?\b)/u;
/** 'eastern Libya', 'northern Mozambique': a part of a state, named as a place. */
const REGION_BEFORE =
  /\b(?:north|south|east|west|central|(?:north|south)-?(?:east|west)|(?:north|south|east|west|(?:north|south)-?(?:east|west))ern)\s+$/iu;
/** 'a London-based monitor', 'Doha-headquartered': where a body sits, not the state acting. */
const BASED_AFTER = /^-(?:based|headquartered)\b/u;
const NEXT_WORDS = /^\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u;

/**
 * Whether the text between two states continues a list of places: ',' or 'and'; ', and' may
 * begin a clause instead ('… in Mali, and Niger said'), so there the next must not act.
 */
function listGap(gap: string, after: string): boolean {
  if (/^\s*(?:,|(?:and|or))\s*$/u.test(gap)) return true;
  return /^\s*,\s*(?:and|or)\s*$/u.test(gap) && !ACTING_AFTER.test(after);
}

/**
 * Whether the words after a state's name or demonym make it a nationality, not the state:
 * 'Yemeni rebels', 'a Colombian rebel group', 'Sudanese refugees', 'Somali pirates'. Only
 * lower-case words count ('Sudan Liberation Movement' is a name), and 'Islamist'.
 */
function nationalityOnly(after: string, heads: Set<string>): boolean {
  const m = NEXT_WORDS.exec(after);
  if (!m) return false;
  const usable = (w: string) => w === w.toLowerCase() || /^Islamists?$/u.test(w);
  const first = m[1] ?? '';
  if (!usable(first)) return false;
  if (heads.has(first.toLowerCase())) return true;
  const second = m[2] ?? '';
  return usable(second) && heads.has(`${first} ${second}`.toLowerCase());
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function withinTenure(entry: { from: string; to: string | null }, date: string | null): boolean {
  if (!date) return true;
  const d = date.length === 4 ? `${date}-06-30` : date.length === 7 ? `${date}-15` : date;
  return d >= entry.from.slice(0, d.length) && (entry.to === null || d <= entry.to);
}

/**
 * The actor a leader's name stands for on `date`: the tenure that holds it. Without a date,
 * the one still in office, or the first listed.
 */
function leaderActor(
  entry: Extract<Entry, { kind: 'leader' }>,
  date: string | null,
): string | null {
  const tenures = [entry, ...(entry.also ?? [])];
  if (!date) return (tenures.find((t) => t.to === null) ?? entry).actorId;
  return tenures.find((t) => withinTenure(t, date))?.actorId ?? null;
}

/** Between two mentions of one actor: titles ('Russian Foreign Minister Sergei Lavrov', 'Chadian leader Mahamat Deby'). */
const TITLE_GAP =
  /^(?:'s|’s)?\s*(?:(?:\p{Lu}[\p{L}.-]*|leader|president|prime|minister|foreign|defen[cs]e|interim|transitional|military|junta|chief|head|of|state|general|colonel|captain|lieutenant|spokesman|spokeswoman|counterpart|ruler|strongman)\s+){0,5}$/u;

const WORD_NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

/**
 * Finds the mentions in `work[start, end)`. `refDate` decides leaders' tenure. Discovered
 * organisations are registered in `orgs` (by id) so that later sentences and articles use them.
 */
export function findMentions(
  work: string,
  start: number,
  end: number,
  lex: Lexicon,
  refDate: string | null,
  discourse: Discourse,
  orgs: Map<string, DiscoveredOrg>,
  articleOrgAliases: Map<string, string>,
): Mention[] {
  const sentence = work.slice(start, end);
  const out: Mention[] = [];
  const fast = asciiSafe(sentence);

  for (const c of lex.collectives) {
    // exec over the shared global regex instead of matchAll, which clones it on every call.
    const re = fast ? c.fastRegex : c.regex;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
      if (m[0].length === 0) re.lastIndex = advance(sentence, re.lastIndex);
      let ids: string[] = [];
      if (c.membersOf) ids = lex.actors.get(c.membersOf)?.members ?? [];
      else if (c.recentList) {
        const n = WORD_NUMBERS[(m[1] ?? '').toLowerCase()] ?? 0;
        const here = [
          ...new Set(
            lex.matcher
              .findAll(work, start, start + m.index)
              .flatMap((h) =>
                (h.value.kind === 'actor' || h.value.kind === 'leader') &&
                lex.actors.get(h.value.actorId)?.type === 'country'
                  ? [h.value.actorId]
                  : [],
              ),
          ),
        ];
        // 'the three countries' wants a list of three; 'these countries' any list.
        ids = (n ? here.length === n : here.length >= 2)
          ? here
          : ([...discourse.lists].reverse().find((l) => (n ? l.length === n : true)) ?? []);
      } else if (c.protagonist) {
        // 'the military rulers in Mali and Burkina Faso': the states named after a plural are meant.
        if (
          /s$/u.test(m[0]) &&
          /^\s+(?:in|of)\s+(?:neighbou?ring\s+|nearby\s+)?\p{Lu}/u.test(
            sentence.slice(m.index + m[0].length),
          )
        )
          continue;
        // 'the junta' is the state the article is about, not the last one it named.
        let best: string | null = null;
        for (const [id, count] of discourse.counts ?? [])
          if (best === null || count >= (discourse.counts?.get(best) ?? 0)) best = id;
        ids = best ? [best] : [];
      } else if (c.recentOfType) {
        const id = discourse.lastOfType.get(c.recentOfType);
        ids = id ? [id] : [];
      }
      if (ids.length)
        out.push({
          start: start + m.index,
          end: start + m.index + m[0].length,
          actorIds: ids,
          kind: 'actor',
          surface: m[0],
          collective: true,
          ...(c.membersOf ? { membersOf: c.membersOf } : {}),
        });
    }
  }

  const hits = lex.matcher.findAll(work, start, end);
  // A collective inside a longer name ('Alliance of Sahel States') is part of the name.
  for (let i = out.length - 1; i >= 0; i--) {
    const c = out[i];
    if (
      c &&
      hits.some((h) => h.start <= c.start && h.end >= c.end && h.end - h.start > c.end - c.start)
    )
      out.splice(i, 1);
  }
  const blocked: Span[] = [];
  /** States named as a place after 'in' (and those listed with them). */
  const locatives = new Set<Mention>();
  for (const hit of hits) {
    if (out.some((o) => hit.start < o.end && hit.end > o.start)) continue;
    const entry = hit.value;
    if (entry.kind === 'discard' || entry.kind === 'place') {
      // 'Lake Chad', 'Gulf of Guinea': the state's name inside does not name it, nor does
      // anything found there. A place in one state ('Goma', 'Niger Delta') is that state named
      // as a place, and still may begin a name ('Cabo Delgado Liberation Front').
      if (entry.kind === 'discard' || !entry.actorId)
        blocked.push({ start: hit.start, end: hit.end });
      if (entry.kind === 'place' && entry.actorId)
        out.push({
          start: hit.start,
          end: hit.end,
          actorIds: [entry.actorId],
          kind: 'place',
          surface: work.slice(hit.start, hit.end),
        });
      continue;
    }
    const before = work.slice(Math.max(start, hit.start - 24), hit.start);
    const after = work.slice(hit.end, Math.min(end, hit.end + 24));
    const surface = work.slice(hit.start, hit.end);
    const leader = entry.kind === 'leader' ? leaderActor(entry, refDate) : null;
    if (entry.kind === 'leader' && !leader) continue;
    if (entry.kind === 'actor' && entry.role === 'demonym' && ANTI.test(before)) continue;
    const country = entry.kind === 'actor' && lex.actors.get(entry.actorId)?.type === 'country';
    if (
      country &&
      entry.role !== 'body' &&
      (ETHNIC_BEFORE.test(before) ||
        nationalityOnly(
          work.slice(hit.end, Math.min(end, hit.end + 40)),
          lex.discovery.nationalityHeads,
        ))
    ) {
      // Nobody the text names: the words must not become a discovered group ('Yemeni rebels').
      blocked.push({ start: hit.start, end: hit.end });
      continue;
    }
    // A capital is its state unless named as a place ('in Bamako', 'the capital, Bamako',
    // 'Bamako, Mali'); a state is a place after 'in' ('troops in Mali'). Triggers that take a
    // place ('intervened in', 'arrived in', 'attacks in') still use it as their object.
    const locative =
      entry.kind === 'actor' &&
      entry.role === 'name' &&
      /\b(?:in|across|throughout|inside|within)\s+$/iu.test(before) &&
      !PARTICLE_IN.test(before) &&
      !GOVERNING_IN.test(before);
    // 'in Mali, Niger and Chad': the states listed after a locative state are places too.
    const prev = out[out.length - 1];
    const listed =
      country &&
      entry.role === 'name' &&
      prev !== undefined &&
      locatives.has(prev) &&
      listGap(work.slice(prev.end, hit.start), after);
    const place =
      entry.kind === 'capital'
        ? (LOCATIVE_BEFORE.test(before) &&
            !GOVERNING_IN.test(before) &&
            !AFFILIATED_TO.test(before)) ||
          REGION_BEFORE.test(before) ||
          BASED_AFTER.test(after) ||
          (!ACTING_AFTER.test(after) && /^,\s*\p{Lu}/u.test(after))
        : locative ||
          listed ||
          (country &&
            entry.role !== 'body' &&
            (BORDER_BEFORE.test(before) ||
              BORDER_AFTER.test(after) ||
              BASED_AFTER.test(after) ||
              (entry.role === 'name' && REGION_BEFORE.test(before))));
    // An acronym the article defined for itself ('… Committees (PRC)') is what it says.
    const local = /^[\p{Lu}\p{N}&/-]{2,}$/u.test(surface)
      ? articleOrgAliases.get(surface)
      : undefined;
    const actorId =
      local ??
      leader ??
      (entry.kind === 'actor' && entry.shared
        ? sharedStateIn(work, lex, entry.shared)
        : entry.actorId);
    const mention: Mention = {
      start: hit.start,
      end: hit.end,
      actorIds: [actorId],
      kind: place ? 'place' : 'actor',
      surface,
    };
    if (country && (locative || listed)) locatives.add(mention);
    out.push(mention);
  }

  // Acronyms defined in the text, '… rebels' and '… Liberation Front': actors the dictionary lacks.
  discoverActors(work, start, end, lex, out, blocked, orgs, articleOrgAliases, discourse);

  // Named organisations the dictionary does not know, found by their head noun.
  const orgRe = asciiOnly(sentence) ? lex.orgRegexAscii : lex.orgRegex;
  orgRe.lastIndex = 0;
  for (let m = orgRe.exec(sentence); m !== null; m = orgRe.exec(sentence)) {
    if (m[0].length === 0) orgRe.lastIndex = advance(sentence, orgRe.lastIndex);
    let name = (m[1] ?? '').replace(/^(?:The|A|An|In|On|At|For|By|With|From)\s+/u, '');
    const s =
      start + m.index + (m[0].length - (m[1] ?? '').length) + ((m[1] ?? '').length - name.length);
    const e = start + m.index + m[0].length;
    name = name.trim();
    if (name.split(/\s+/u).length < 2) continue;
    // A place inside the name is part of it ('the Darfur Bar Association'); any other name is not.
    const inName = (o: Span) => s <= o.start && o.end <= e;
    if (blocked.some((o) => s < o.end && e > o.start)) continue;
    // A state's name inside is part of it too when the other words are not a state body's
    // ('Syrian Observatory', 'Sudan Doctors Network'; 'the Russian Security Council' is Russia).
    const stateInName = (o: Mention) =>
      inName(o) &&
      o.actorIds.length === 1 &&
      lex.actors.get(o.actorIds[0] ?? '')?.type === 'country';
    const inside = out.filter((o) => s < o.end && e > o.start);
    if (inside.some((o) => !(o.kind === 'place' && inName(o)) && !stateInName(o))) continue;
    if (!nonAgentWord(work, s, e, inside, lex)) {
      // Agent words only ('… and Defense Council of Ukraine'): a state's body, not a new name.
      const owner = /^\s+of\s+(?:the\s+)?$/u;
      const state = inside.length
        ? undefined
        : out.find(
            (o) =>
              o.kind === 'actor' &&
              o.start >= e &&
              owner.test(work.slice(e, o.start)) &&
              lex.actors.get(o.actorIds[0] ?? '')?.type === 'country',
          );
      if (state) {
        out.splice(out.indexOf(state), 1);
        out.push({ ...state, start: s, end: state.end, surface: work.slice(s, state.end) });
      }
      continue;
    }
    for (let i = out.length - 1; i >= 0; i--) {
      const o = out[i];
      if (o && inName(o)) out.splice(i, 1);
    }
    // 'The Campaign Network' after 'the Sahel Solidarity Campaign Network' is the same body.
    const id = articleOrgAliases.get(name) ?? `org-${slug(name)}`;
    if (!orgs.has(id)) orgs.set(id, { id, name });
    const found = (discourse.discovered ??= new Map());
    if (!found.has(id)) found.set(id, name);
    const words = name.split(/\s+/u);
    for (let i = 1; i < words.length - 1; i++) articleOrgAliases.set(words.slice(i).join(' '), id);
    out.push({ start: s, end: e, actorIds: [id], kind: 'actor', surface: name });
  }
  for (const [alias, id] of articleOrgAliases) {
    for (let i = sentence.indexOf(alias); i !== -1; i = sentence.indexOf(alias, i + alias.length)) {
      const s = start + i;
      const e = s + alias.length;
      if (
        /[\p{L}\p{N}]/u.test(work[e] ?? ' ') ||
        /[\p{L}\p{N}]/u.test(work[s - 1] ?? ' ') ||
        out.some((o) => s < o.end && e > o.start)
      )
        continue;
      out.push({ start: s, end: e, actorIds: [id], kind: 'actor', surface: alias });
    }
  }

  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return mergeAdjacent(work, out, lex);
}

/** Whether `work[s, e)` has a word outside `inside` that is not an agent word ('Observatory'). */
function nonAgentWord(
  work: string,
  s: number,
  e: number,
  inside: Mention[],
  lex: Lexicon,
): boolean {
  const re = /[\p{L}'’-]+/gu;
  const text = work.slice(s, e);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at = s + m.index;
    if (inside.some((o) => at >= o.start && at < o.end)) continue;
    if (!lex.discovery.agentWords.has(m[0].toLowerCase().replace(/['’]s$/u, ''))) return true;
  }
  return false;
}

/** The names each state has in an article, counted once per article (one text is read at a time). */
let namedIn: { work: string; counts: Map<string, number> } | null = null;

/**
 * Which of the states sharing a name ('Congo') an article means: the first (the default)
 * unless the article names another by a name of its own ('Brazzaville', 'Sassou Nguesso')
 * and never the first by one of its own ('Kinshasa', 'DRC').
 */
function sharedStateIn(work: string, lex: Lexicon, states: string[]): string {
  const [first = ''] = states;
  if (namedIn?.work !== work) {
    const counts = new Map<string, number>();
    for (const h of lex.matcher.findAll(work)) {
      const v = h.value;
      // A place names its state too ('Goma' is the DRC's, 'Pointe-Noire' the Republic's).
      const id =
        v.kind === 'actor'
          ? v.shared
            ? null
            : v.actorId
          : v.kind === 'capital' || v.kind === 'leader' || v.kind === 'place'
            ? v.actorId
            : null;
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    namedIn = { work, counts };
  }
  const counts = namedIn.counts;
  if (counts.get(first)) return first;
  return states.find((s) => counts.get(s)) ?? first;
}

/** The info diagnostic of what an article named that the dictionary lacks, or null. */
export function discoveryNote(discourse: Discourse): string | null {
  const found = [...(discourse.discovered?.values() ?? [])];
  if (!found.length) return null;
  const list = found.slice(0, 20).join('; ');
  return `actors not in the dictionary, found in the text: ${list}${found.length > 20 ? `; and ${found.length - 20} more` : ''}`;
}

/** Where a global unicode regex resumes after an empty match, as matchAll does. */
export function advance(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff
    ? index + 2
    : index + 1;
}

/** 'Russian Foreign Minister Sergei Lavrov' is one mention of Russia, not two. */
function mergeAdjacent(work: string, mentions: Mention[], lex: Lexicon): Mention[] {
  const out: Mention[] = [];
  const agentOnly = (text: string) =>
    (text.match(/[\p{L}'’-]+/gu) ?? []).every((w) =>
      lex.discovery.agentWords.has(w.toLowerCase().replace(/['’]s$/u, '')),
    );
  for (const m of mentions) {
    const prev = out[out.length - 1];
    // 'Iran's Supreme National Security Council' is Iran's, not the UN's Security Council.
    if (
      prev &&
      prev.kind === 'actor' &&
      m.kind === 'actor' &&
      prev.actorIds.length === 1 &&
      lex.actors.get(prev.actorIds[0] ?? '')?.type === 'country' &&
      lex.actors.get(m.actorIds[0] ?? '')?.type !== 'country' &&
      /^(?:['’]s)?\s+[\p{L}\s-]*$/u.test(work.slice(prev.end, m.start)) &&
      agentOnly(work.slice(prev.end, m.end).replace(/^['’]s/u, ''))
    ) {
      prev.parts = [...(prev.parts ?? [prev.surface]), m.surface];
      prev.end = m.end;
      prev.surface = work.slice(prev.start, m.end);
      continue;
    }
    if (
      prev &&
      prev.kind === m.kind &&
      prev.actorIds.join() === m.actorIds.join() &&
      TITLE_GAP.test(work.slice(prev.end, m.start))
    ) {
      prev.parts = [...(prev.parts ?? [prev.surface]), m.surface];
      prev.end = m.end;
      prev.surface = work.slice(prev.start, m.end);
      continue;
    }
    if (prev && m.start < prev.end) continue;
    out.push({ ...m });
  }
  return out;
}

/**
 * Records what a sentence named, for later collective phrases: lists of states ('the three
 * countries') and the last actor of each type ('the alliance'), which fades after two sentences.
 */
export function noteDiscourse(
  d: Discourse,
  mentions: Mention[],
  typeOf: (id: string) => string,
  work?: string,
): void {
  // The states named, in order of first mention (a Set keeps insertion order).
  const ids = new Set<string>();
  for (const m of mentions)
    if (m.actorIds.every((id) => typeOf(id) === 'country'))
      for (const id of m.actorIds) ids.add(id);
  if (ids.size >= 2) d.lists.push([...ids]);
  // A coordinated list ('Mali, Niger and Burkina Faso') is what 'those countries' means, more
  // than every state the sentence names: pushed last, it is the one found first.
  if (work) for (const run of coordinatedRuns(work, mentions, typeOf)) d.lists.push(run);
  const counts = (d.counts ??= new Map());
  for (const m of mentions)
    if (m.actorIds.length === 1 && m.kind === 'actor')
      for (const id of m.actorIds)
        if (typeOf(id) === 'country') counts.set(id, (counts.get(id) ?? 0) + 1);
  const ages = (d.ages ??= new Map());
  for (const [type, age] of ages) {
    if (age >= 1) {
      ages.delete(type);
      d.lastOfType.delete(type);
    } else ages.set(type, age + 1);
  }
  for (const m of mentions) {
    for (const id of m.actorIds) {
      const type = typeOf(id) === 'country' ? 'state' : typeOf(id);
      d.lastOfType.set(type, id);
      ages.set(type, 0);
    }
  }
}

const LIST_GAP = /^[\s,]*(?:(?:and|or|as well as)\s+)?(?:the\s+)?$/iu;

/** Runs of two or more states named one after another, joined by commas or 'and'. */
function coordinatedRuns(
  work: string,
  mentions: Mention[],
  typeOf: (id: string) => string,
): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let end = -1;
  for (const m of mentions) {
    const state =
      m.kind === 'actor' && m.actorIds.length === 1 && typeOf(m.actorIds[0] ?? '') === 'country';
    if (state && run.length && LIST_GAP.test(work.slice(end, m.start))) {
      for (const id of m.actorIds) if (!run.includes(id)) run.push(id);
    } else {
      if (run.length >= 2) runs.push(run);
      run = state ? [...m.actorIds] : [];
    }
    end = m.end;
  }
  if (run.length >= 2) runs.push(run);
  return runs;
}
