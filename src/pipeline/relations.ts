/**
 * Relations in a sentence, read from its tokens: the sentence is tagged once (tokens.ts), the
 * actor mentions are laid over the tokens and joined into groups ('Mali, Burkina Faso and
 * Niger'), event heads are looked up by lemma in the event lexicon (events.ts), and a shallow
 * clause reading fills each head's slots: the subject (across relative clauses, coordinated
 * verbs, purpose and participle clauses), the object, prepositional phrases ('on', 'from',
 * 'between'), the passive 'by', possessives ('X's attack on Y') and hyphenated agents
 * ('X-backed'). Negated, hedged and alleged statements are left out and counted.
 */
import { GOVERNMENT_WORDS, type Mention } from './mentions';
import { getEventLexicon, mayHaveEventHead, type EventEntry, type EventLexicon } from './events';
import { tagSentence, type Token } from './tokens';
import type { Polarity, RelationType } from '../model/schema';

export interface Group {
  /** The owner of a coalition named in its place ('the government coalition, which includes'). */
  coalition?: boolean;
  /** The one on a tour named in its place ('X's tour, which included A and B'). */
  tour?: boolean;
  /** 'Like X, Y has …': actors that each do the same, not with one another. */
  compared?: boolean;
  /** 'X, together with Y': the two sides of a joint action, who cooperate in it. */
  joint?: [string[], string[]];
  start: number;
  end: number;
  /** First and last token of the group. */
  first: number;
  last: number;
  mentions: Mention[];
  actorIds: string[];
  kind: Mention['kind'];
}

export interface FoundRelation {
  source: string;
  target: string;
  type: RelationType;
  polarity: Polarity;
  triggerStart: number;
  triggerEnd: number;
  trigger: string;
  mentions: Mention[];
  /** Read from talks, a meeting or a call (the lexicon's `talks`). */
  talks?: true;
}

export interface SentenceResult {
  relations: FoundRelation[];
  /** Event heads left out because they were negated, hedged or only alleged. */
  suppressed: number;
  /** The actors attacked in this sentence, for a later 'claimed responsibility'. */
  attackTargets: string[];
  /** Who attacked in this sentence, for a later 'condemned the attack'. */
  attackAgents: string[];
  /** The sentence's acting group, which a later 'they' or 'it' refers to. */
  topic: string[] | null;
}

export interface SentenceContext {
  /** Actors attacked earlier in the article. */
  priorAttackTargets: string[];
  /** Who attacked in the last few sentences (the attack a later 'the attack' refers to). */
  priorAttackAgents?: string[];
  actorTypeOf: (id: string) => string;
  /** The acting group of the sentences before. */
  topic: string[] | null;
}

/** A hook for scripts/explain.ts: how each event head was read. Null in the pipeline. */
export const relationTrace: { log: ((line: string) => void) | null } = { log: null };

const TYPE_PRIORITY: RelationType[] = [
  'armed_conflict',
  'rupture',
  'criticism',
  'alliance',
  'military_support',
  'security_cooperation',
  'economic_cooperation',
  'diplomatic_engagement',
];

/** Words that join the members of one list of actors. */
const LIST_GLUE = new Set([
  ',',
  'and',
  'or',
  '&',
  'as',
  'well',
  'plus',
  'the',
  'both',
  '/',
  '(',
  ')',
]);
const CONJUNCTIONS = new Set(['and', 'or', '&', 'plus']);
const SUBORDINATORS = new Set([
  'because',
  'although',
  'though',
  'while',
  'whereas',
  'if',
  'unless',
  'since',
  'when',
  'whether',
  'until',
  'once',
  'after',
  'before',
  'as',
]);
const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'that']);
const SUBJECT_PRONOUNS = new Set(['they', 'it', 'he', 'she', 'we']);
const HARD_BREAKS = new Set([';', ':', '—']);
const DASHES = new Set(['-', '–', '—', '‑']);
/** The dashes of a compound word ('Kremlin-backed'); an en or em dash sets words apart. */
const HYPHENS = new Set(['-', '‑']);
const POSSESSIVE = new Set(["'s", "'"]);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her']);

interface Reader {
  lex: EventLexicon;
  work: string;
  tokens: Token[];
  /** For each token, the group it belongs to, or -1. */
  groupAt: Int32Array;
  groups: Group[];
  /** Tokens inside 'according to X' and ', X said.' (their names report, they do not act). */
  attribution: Uint8Array;
  /** What each subject pronoun was read as, by token. */
  pronouns: Map<number, string[]>;
  /** Actors named in the attribution: who speaks in the sentence's quote. */
  speakers: Set<string>;
}

interface Hit {
  head: number;
  /** Last token of the head with its particle or required word. */
  last: number;
  entry: EventEntry;
}

/** Extracts the relations one sentence states. `mentions` are the sentence's actor mentions. */
export function extractRelations(
  work: string,
  sStart: number,
  sEnd: number,
  mentions: Mention[],
  context: SentenceContext,
): SentenceResult {
  const result: SentenceResult = {
    relations: [],
    suppressed: 0,
    attackTargets: [],
    attackAgents: [],
    topic: context.topic,
  };
  const lex = getEventLexicon();
  const firstActor = mentions.find((m) => m.kind === 'actor');
  if (!firstActor) return result;
  const text = work.slice(sStart, sEnd);
  // A list of members or allies needs no event word: 'the Quad (A, B, C)'.
  const mayEnumerate = mentions.length >= 3 && /[(:—–]/u.test(text);
  if (!mayEnumerate && !mayHaveEventHead(lex, text)) {
    // No event head, no tagging: the first actor named is what a later 'they' refers to.
    result.topic = firstActor.actorIds;
    return result;
  }
  const tokens = tagSentence(work, sStart, sEnd);
  const attribution = attributionTokens(lex, tokens);
  const groupAt = new Int32Array(tokens.length).fill(-1);
  const groups = buildGroups(tokens, mentions, attribution, groupAt);
  const reader: Reader = {
    lex,
    work,
    tokens,
    groupAt,
    groups,
    attribution,
    pronouns: new Map(),
    speakers: new Set(
      mentions
        .filter((m) => m.kind === 'actor' && attribution[tokenIndexAt(tokens, m.start)])
        .flatMap((m) => m.actorIds),
    ),
  };
  const actorGroups = groups.filter((g) => g.kind === 'actor');
  if (!actorGroups.length) return result;
  const hits = findHits(reader);
  let sentenceSubject: Group | null = null;
  let previous: Group | null = null;
  for (const hit of hits) {
    // 'Hungary vetoed new EU sanctions against Russia': a hostile act refused did not happen.
    if (refusingVerb(reader, hit, 'hostile') >= 0) continue;
    const refused = refusingVerb(reader, hit);
    const before = result.relations.length;
    let read = hit;
    if (refused >= 0)
      read = { ...hit, entry: { ...hit.entry, type: 'rupture', polarity: 'hostile' } };
    // 'to help fight X': the help is in the fighting, whose object is not the one helped.
    const next = reader.tokens[hit.last + 1];
    if (
      hit.entry.polarity === 'cooperative' &&
      reader.tokens[hit.head]?.pos === 'VERB' &&
      next?.pos === 'VERB' &&
      next.lower === next.lemma
    )
      continue;
    // 'driven back by gunmen aligned with Tripoli': unnamed people are aligned, not the subject.
    if (affiliatesUnnamed(reader, hit.head)) continue;
    const found = readHit(reader, read, context, result, previous);
    // 'Germany halted assistance to Niger': the one who ends the help breaks with the other.
    if (refused >= 0 && found)
      for (const r of result.relations.slice(before))
        if (found.actorIds.includes(r.target) && !found.actorIds.includes(r.source))
          [r.source, r.target] = [r.target, r.source];
    // 'Chad's president announced that French troops would leave Chad': Chad sends them away.
    const decider = reportedDeparture(reader, hit);
    if (decider)
      for (const r of result.relations.slice(before))
        if (decider.actorIds.includes(r.target) && !decider.actorIds.includes(r.source))
          [r.source, r.target] = [r.target, r.source];
    if (found) previous = found;
    if (found && !sentenceSubject) sentenceSubject = found;
  }
  readEnumerations(reader, context, result);
  readDemands(reader, context, result);
  result.topic = (sentenceSubject ?? firstSubject(reader))?.actorIds ?? context.topic;
  result.relations = strongestPerPair(result.relations);
  return result;
}

/**
 * 'rejected help from France', 'halted assistance to Niger': a cooperative event noun that is
 * the object of a verb that refuses or ends it was turned down or stopped, not given. Returns
 * that verb's token, or -1.
 */
function refusingVerb(reader: Reader, hit: Hit, polarity: Polarity = 'cooperative'): number {
  const { tokens } = reader;
  if (hit.entry.polarity !== polarity || tokens[hit.head]?.pos !== 'NOUN') return -1;
  let j = hit.head - 1;
  for (;;) {
    // 'closed the US base': past the name that modifies the noun, too.
    const g = reader.groups[reader.groupAt[j] ?? -1];
    if (g && g.last < hit.head && g.first > 0) j = g.first - 1;
    // (An adjective the tagger reads as a name, 'new', is still a modifier.)
    else if (j >= 0 && /^(?:DET|ADJ|NUM|NOUN|PROPN)$/u.test(tokens[j]?.pos ?? '')) j--;
    else break;
  }
  if (POSSESSIVE_PRONOUNS.has(tokens[j]?.lower ?? '')) j--;
  // 'the surprise end to military cooperation', 'the suspension of aid'.
  const ender = tokens[j - 1];
  if (
    (tokens[j]?.lower === 'to' || tokens[j]?.lower === 'of') &&
    ender?.pos === 'NOUN' &&
    reader.lex.refusalNouns.has(ender.lemma)
  )
    return j - 1;
  const particle = tokens[j]?.lower === 'down';
  if (particle) j--;
  const v = tokens[j];
  if (!v || v.pos !== 'VERB' || !reader.lex.refusalVerbs.has(v.lemma)) return -1;
  return v.lemma !== 'turn' || particle ? j : -1;
}

function attributionTokens(lex: EventLexicon, tokens: Token[]): Uint8Array {
  const marks = new Uint8Array(tokens.length);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]?.lower !== 'according' || tokens[i + 1]?.lower !== 'to') continue;
    for (let j = i; j < tokens.length && tokens[j]?.lower !== ','; j++) marks[j] = 1;
  }
  // ', the Kremlin said.' / ', said X, an analyst at Y.': a closing clause of attribution.
  let lastComma = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t && (t.lower === ',' || t.lower === '"' || t.lower === '”')) {
      lastComma = i;
      break;
    }
  }
  if (lastComma >= 0 && tokens.length - lastComma <= 16) {
    const tail = tokens.slice(lastComma + 1);
    const verbs = tail.filter((t) => t.pos === 'VERB');
    if (verbs.length && verbs.every((t) => lex.reportVerbs.has(t.lemma)))
      for (let j = lastComma; j < tokens.length; j++) marks[j] = 1;
  }
  return marks;
}

function tokenIndexAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (!t) break;
    if (t.end <= offset) lo = mid + 1;
    else if (t.start > offset) hi = mid - 1;
    else return mid;
  }
  return Math.min(lo, tokens.length - 1);
}

function buildGroups(
  tokens: Token[],
  mentions: Mention[],
  attribution: Uint8Array,
  groupAt: Int32Array,
): Group[] {
  const spans: Group[] = [];
  for (const m of mentions) {
    if (!tokens.length) break;
    const first = tokenIndexAt(tokens, m.start);
    const last = tokenIndexAt(tokens, Math.max(m.start, m.end - 1));
    if (attribution[first]) continue;
    spans.push({
      start: m.start,
      end: m.end,
      first,
      last,
      mentions: [m],
      actorIds: [...m.actorIds],
      kind: m.kind,
    });
  }
  const groups: Group[] = [];
  let closed = false;
  for (const span of spans) {
    const prev = groups[groups.length - 1];
    if (prev && prev.kind === span.kind && span.first > prev.last) {
      const between = tokens.slice(prev.last + 1, span.first);
      const glue = between.every((t) => LIST_GLUE.has(t.lower)) || headsJoined(between);
      const conjunction = between.some((t) => CONJUNCTIONS.has(t.lower));
      // 'With Chinese minister Wang Yi, Lavrov said…': a comma after a fronted phrase ends it.
      const after = tokens[span.last + 1];
      const fronted =
        !conjunction &&
        !closed &&
        startsWithPreposition(tokens, prev.first) &&
        !!after &&
        (after.pos === 'VERB' || after.pos === 'AUX');
      // 'Hezbollah, the Iranian-backed group': a name in a compound modifier is no list item.
      const modifier = !!after && HYPHENS.has(after.text) && after.start === tokens[span.last]?.end;
      // A list closed by 'and' ('Mali, Burkina Faso and Niger') takes no further comma item.
      if (glue && !fronted && !modifier && !(closed && !conjunction) && between.length <= 4) {
        closed ||= conjunction;
        prev.last = span.last;
        prev.end = span.end;
        prev.mentions.push(...span.mentions);
        for (const id of span.actorIds) if (!prev.actorIds.includes(id)) prev.actorIds.push(id);
        continue;
      }
    }
    closed = false;
    groups.push(span);
  }
  groups.forEach((g, index) => {
    for (let i = g.first; i <= g.last; i++) if (groupAt[i] === -1) groupAt[i] = index;
  });
  return groups;
}

/** Head nouns of an actor's phrase that a list may run across: 'Malian troops and Russian …'. */
const LIST_HEADS = new Set([
  'troop',
  'force',
  'soldier',
  'official',
  'fighter',
  'army',
  'government',
  'leader',
  'minister',
  'diplomat',
  'delegation',
  'authority',
  'mercenary',
  'instructor',
  'police',
]);

/**
 * 'Malian troops and Russian mercenaries', 'Russian officials and their Malian counterparts':
 * between two names only the first one's head nouns, then 'and', then 'their' or 'its'.
 */
function headsJoined(between: Token[]): boolean {
  const and = between.findIndex((t) => t.lower === 'and');
  if (and < 1) return false;
  const heads = between.slice(0, and);
  const after = between.slice(and + 1);
  return (
    heads.every((t) => t.pos === 'NOUN' && LIST_HEADS.has(t.lemma)) &&
    after.every((t) => t.lower === 'their' || t.lower === 'its' || t.lower === 'the')
  );
}

function startsWithPreposition(tokens: Token[], first: number): boolean {
  for (let j = first - 1; j >= 0 && j >= first - 5; j--) {
    const t = tokens[j];
    if (!t) break;
    if (t.pos === 'ADP') return true;
    if (!(t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN'))
      return false;
  }
  return false;
}

function entryFits(reader: Reader, entry: EventEntry, i: number): number | null {
  const { tokens, groupAt } = reader;
  const t = tokens[i];
  if (!t) return null;
  const nounish =
    t.pos === 'NOUN' ||
    t.pos === 'PROPN' ||
    // 'launched an offensive against X': an adjective after an article and before no noun
    // is the noun the tagger missed.
    (t.pos === 'ADJ' &&
      tokens[i - 1]?.pos === 'DET' &&
      !/^(?:NOUN|PROPN|ADJ)$/u.test(tokens[i + 1]?.pos ?? '') &&
      groupAt[i + 1] === -1);
  // The tagger reads some verbs as nouns: gerunds, and 'Niger orders U.S. troops out'.
  const verbish =
    t.pos === 'VERB' ||
    (t.pos === 'ADJ' && /(?:ed|ing)$/u.test(t.lower) && auxBefore(tokens, i)) ||
    (t.pos === 'NOUN' &&
      (/(?:ing|ed)$/u.test(t.lower) ||
        ((afterActor(reader, i) ||
          // 'Ukrainian forces shot down …': after a named actor's troops, too.
          (isAgentHead(reader.lex, tokens[i - 1] as Token) && afterActor(reader, i - 1))) &&
          tokens[i + 1]?.pos !== 'VERB' &&
          tokens[i + 1]?.pos !== 'AUX')));
  if (entry.hyphen) {
    const dash = tokens[i - 1];
    if (!dash || !DASHES.has(dash.text) || groupAt[i - 2] === undefined || groupAt[i - 2] === -1)
      return null;
    if (dash.start !== (tokens[i - 2]?.end ?? -1) || dash.end !== t.start) return null;
    return i;
  }
  if (entry.pos === 'verb' && !verbish) return null;
  if (PREPOSITIONAL_VERBS.has(t.lower)) return null;
  // 'military-led': a compound modifier, not a verb of its own (hyphen entries read 'X-backed').
  if (
    entry.pos !== 'noun' &&
    t.pos !== 'NOUN' &&
    HYPHENS.has(tokens[i - 1]?.text ?? '') &&
    tokens[i - 1]?.end === t.start
  )
    return null;
  if (entry.passiveOnly && !(isPassive(tokens, i) || isReducedPassive(tokens, i))) return null;
  // 'the warring parties', 'a ruling party': a participle used as an adjective.
  if (
    entry.pos === 'verb' &&
    /ing$/u.test(t.lower) &&
    isAttributive(tokens, i) &&
    tokens[i - 1]?.pos === 'DET'
  )
    return null;
  // 'the warring Sudanese army': an -ing word between an article and a name modifies it.
  if (
    /ing$/u.test(t.lower) &&
    tokens[i - 1]?.pos === 'DET' &&
    (groupAt[i + 1] !== -1 || tokens[i + 1]?.pos === 'PROPN')
  )
    return null;
  if (entry.pos === 'noun' && !nounish) return null;
  if (entry.pos === 'any' && !(nounish || verbish || t.pos === 'ADJ')) return null;
  let last = i;
  if (entry.after) {
    const before = tokens[i - 1];
    if (!before || !entry.after.has(before.lemma)) return null;
  }
  if (entry.particle) {
    let found = -1;
    for (let j = i + 1; j <= i + 5 && j < tokens.length; j++) {
      const p = tokens[j];
      if (!p) break;
      if (entry.particle.has(p.lower)) {
        found = j;
        break;
      }
      if (p.pos === 'VERB' || p.pos === 'PUNCT') break;
    }
    if (found < 0) return null;
    last = Math.max(last, found);
  }
  if (entry.with) {
    let found = -1;
    let reach = i + 6;
    for (let j = i + 1; j <= reach && j < tokens.length; j++) {
      const w = tokens[j];
      // 'end a decade-old mission': a hyphen inside a compound modifier is part of a word.
      if (
        w &&
        HYPHENS.has(w.text) &&
        w.start === tokens[j - 1]?.end &&
        w.end === tokens[j + 1]?.start
      ) {
        reach += 2;
        continue;
      }
      if (!w || w.pos === 'PUNCT') break;
      if (entry.with.has(w.lemma) || entry.with.has(w.lower)) {
        found = j;
        // 'a military cooperation agreement': the compound ends at its last noun.
        while (tokens[found + 1]?.pos === 'NOUN' && groupAt[found + 1] === -1) found++;
        break;
      }
      // The tagger reads some nouns as verbs ('forging closer ties'): only a verb that is not
      // the required word ends the search.
      if (w.pos === 'VERB' && j > i + 1) break;
    }
    if (found < 0) return null;
    // 'received a delegation from Iran': people who come from their state are no delivery.
    if (entry.with.has('from') && PEOPLE_FROM.has(tokens[found - 1]?.lemma ?? '')) return null;
    last = Math.max(last, found);
  }
  return last;
}

/** A verb's lemma, irregular forms the tagger leaves whole included ('sent' → 'send'). */
function verbLemma(lex: EventLexicon, t: Token): string {
  return lex.irregular.get(t.lower) ?? t.lemma;
}

/** Is token `i` right after an actor's group? */
function afterActor(reader: Reader, i: number): boolean {
  const g = reader.groupAt[i - 1];
  return g !== undefined && g !== -1;
}

/**
 * The lexicon entries a token may head: by its lemma, or, where the tagger left the word
 * unlemmatised, by the forms it could be: an irregular verb ('withdrew'), a verb form read as a
 * noun ('abducted', 'shelling'), a capitalised first word read as a name ('Clashes').
 */
function entriesFor(lex: EventLexicon, t: Token): EventEntry[] {
  const known = lex.byLemma.get(t.lemma);
  if (known) return t.lower === t.lemma ? known : [...known, ...(lex.byLemma.get(t.lower) ?? [])];
  const forms: string[] = [t.lower];
  const irregular = lex.irregular.get(t.lower);
  if (irregular) forms.push(irregular);
  const m = /^(.{3,}?)(?:ed|d|ing)$/u.exec(t.lower);
  if (m?.[1]) {
    forms.push(m[1], m[1] + 'e');
    if (/(.)\1$/u.test(m[1])) forms.push(m[1].slice(0, -1));
  }
  if (t.pos === 'PROPN') forms.push(t.lower.replace(/(?:es|s)$/u, ''));
  return forms.flatMap((f) => lex.byLemma.get(f) ?? []);
}

/** An auxiliary before `i`, past adverbs: 'has further strained'. */
function auxBefore(tokens: Token[], i: number): boolean {
  let j = i - 1;
  while (tokens[j]?.pos === 'ADV') j--;
  return tokens[j]?.pos === 'AUX';
}

function posMatches(entry: EventEntry, t: Token): boolean {
  if (entry.pos === 'any' || entry.hyphen) return true;
  return entry.pos === 'verb' ? t.pos === 'VERB' : t.pos === 'NOUN' || t.pos === 'PROPN';
}

/** Bodies and their people, whom an event noun before them describes: 'aid workers'. */
const BODY_NOUNS = new Set([
  'office',
  'agency',
  'ministry',
  'department',
  'directorate',
  'bureau',
  'unit',
  'worker',
  'official',
  'staff',
  'monitor',
  'expert',
]);

function findHits(reader: Reader): Hit[] {
  const { tokens, groupAt, lex } = reader;
  const hits: Hit[] = [];
  let covered = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || i <= covered || groupAt[i] !== -1 || reader.attribution[i]) continue;
    // 'the UN's coordination office', 'aid workers': the noun says what a body or its people
    // do, not that it was done.
    const after = tokens[i + 1];
    if (t.pos === 'NOUN' && after?.pos === 'NOUN' && BODY_NOUNS.has(after.lemma)) continue;
    const candidates = [...entriesFor(lex, t)].sort(
      (a, b) =>
        Number(posMatches(b, t)) - Number(posMatches(a, t)) ||
        b.specificity - a.specificity ||
        a.index - b.index,
    );
    for (const entry of candidates) {
      const last = entryFits(reader, entry, i);
      if (last === null) continue;
      hits.push({ head: i, last, entry });
      // A required word ('ties' of 'cut ties') is part of the head, not a head of its own.
      if (entry.with || entry.particle) covered = last;
      break;
    }
  }
  return hits;
}

/** Where the clause holding token `i` starts, and what opened it. */
function clauseStart(
  reader: Reader,
  i: number,
): { start: number; opener: 'start' | 'relative' | 'subordinate' | 'report' | 'break' } {
  const { tokens, lex, groupAt } = reader;
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j];
    if (!t) break;
    if (HARD_BREAKS.has(t.text)) return { start: j + 1, opener: 'break' };
    if (t.lower === 'but' || t.lower === 'yet') return { start: j + 1, opener: 'break' };
    if (RELATIVES.has(t.lower) && groupAt[j] === -1) {
      const prev = tokens[j - 1];
      // 'that' after a reporting verb or a noun like 'said that' opens a complement clause,
      // also past a time phrase: 'announced in November that'.
      if (t.lower === 'that' && prev && (prev.pos === 'VERB' || lex.reportVerbs.has(prev.lemma)))
        return { start: j + 1, opener: 'report' };
      if (t.lower === 'that' && reportedAcrossTime(reader, j))
        return { start: j + 1, opener: 'report' };
      if (t.lower === 'that' && t.pos === 'DET') continue;
      return { start: j + 1, opener: 'relative' };
    }
    if (t.pos === 'SCONJ' && SUBORDINATORS.has(t.lower))
      return { start: j + 1, opener: 'subordinate' };
    // 'after it was forced': tagged as a preposition, but a subject pronoun follows.
    if (
      (t.pos === 'ADP' || t.pos === 'ADV') &&
      SUBORDINATORS.has(t.lower) &&
      SUBJECT_PRONOUNS.has(tokens[j + 1]?.lower ?? '')
    )
      return { start: j + 1, opener: 'subordinate' };
    if (t.pos === 'VERB' && lex.reportVerbs.has(t.lemma) && j < i - 1) {
      // 'X said (that) Y attacked Z': the report's own clause starts after the verb.
      const next = tokens[j + 1];
      if (next && (next.lower === 'that' || next.pos !== 'ADP'))
        return { start: j + 1, opener: 'report' };
      // 'X said on Sunday it was leaving': a short time phrase, then the report's subject.
      if (next?.pos === 'ADP') {
        for (let k = j + 2; k < Math.min(i, j + 7); k++) {
          const w = tokens[k];
          if (!w || w.pos === 'VERB' || w.pos === 'AUX' || w.pos === 'PUNCT') break;
          const verb = tokens[k + 1];
          if (SUBJECT_PRONOUNS.has(w.lower) && (verb?.pos === 'AUX' || verb?.pos === 'VERB'))
            return { start: k, opener: 'report' };
        }
      }
    }
  }
  return { start: 0, opener: 'start' };
}

/**
 * 'abuses which they say are committed by X': a report inside a relative clause, whose
 * clause has the relative's antecedent for subject, not the one who reports it.
 */
function reportInRelative(reader: Reader, clause: { start: number; opener: string }): boolean {
  if (clause.opener !== 'report') return false;
  const { tokens } = reader;
  const [relative, reporter, verb] = [clause.start - 3, clause.start - 2, clause.start - 1].map(
    (k) => tokens[k],
  );
  return (
    !!relative &&
    RELATIVES.has(relative.lower) &&
    reporter?.pos === 'PRON' &&
    verb?.pos === 'VERB' &&
    reader.lex.reportVerbs.has(verb.lemma)
  );
}

/**
 * 'Chad's president announced that all French troops would leave Chad': a departure from a
 * place that the place's own side reports is its decision, as 'Chad ordered French troops to
 * leave' is. Returns who reports a departure verb's clause, or null.
 */
function reportedDeparture(reader: Reader, hit: Hit): Group | null {
  const { tokens, lex } = reader;
  const { entry } = hit;
  if (entry.type !== 'rupture' || !entry.place || tokens[hit.head]?.pos !== 'VERB') return null;
  const clause = clauseStart(reader, hit.head);
  if (clause.opener !== 'report') return null;
  // The reporting verb: before 'that' and a short time phrase, or just before the clause.
  let r = clause.start - 1;
  if (tokens[r]?.lower === 'that') r--;
  for (let k = r; k >= Math.max(0, r - 5); k--) {
    const t = tokens[k];
    if (t?.pos === 'VERB' && lex.reportVerbs.has(t.lemma)) {
      r = k;
      break;
    }
  }
  if (!(tokens[r]?.pos === 'VERB' && lex.reportVerbs.has(tokens[r]?.lemma ?? ''))) return null;
  const own = clauseStart(reader, r);
  let speaker = subjectBefore(reader, r, own.start);
  // 'Senegal's president, who came to power on …, announced': the relative clause is shut.
  if (!speaker && own.opener === 'relative' && tokens[r - 1]?.lower === ',')
    speaker = relativeAntecedent(reader, own.start - 1);
  return speaker?.kind === 'actor' ? speaker : null;
}

/**
 * Is the 'that' at `j` after a reporting verb and a short time phrase ('announced on Monday
 * that', 'said in November that')?
 */
function reportedAcrossTime(reader: Reader, j: number): boolean {
  const { tokens, lex } = reader;
  let k = j - 1;
  while (k >= j - 4 && /^(?:NOUN|PROPN|NUM|DET|ADJ)$/u.test(tokens[k]?.pos ?? '')) k--;
  if (k === j - 1 || tokens[k]?.pos !== 'ADP') return false;
  const verb = tokens[k - 1];
  return !!verb && verb.pos === 'VERB' && lex.reportVerbs.has(verb.lemma);
}

const PARTICLES = new Set(['down', 'off', 'out', 'up', 'away', 'back', 'over']);
/** Words that pass a slot on to the names they introduce: 'partners, including France'. */
const TRANSPARENT = new Set([
  'including',
  'include',
  'like',
  'notably',
  'especially',
  'namely',
  'such',
]);
/** Event nouns whose agent stands for the slot they sit in: 'grapple with attacks from X'. */
const EMBEDDING_NOUNS = new Set([
  'deployment',
  'arrival',
  'involvement',
  'intervention',
  'activity',
  'expansion',
  'attack',
  'threat',
  'violence',
  'aggression',
  'insurgency',
  'incursion',
  'offensive',
  'raid',
  'presence',
  'influence',
  'pressure',
  'interference',
  'support',
  'backing',
  'help',
  'assistance',
]);
/** Office holders named by where they come from: 'his counterparts from Mali'. */
const PEOPLE_FROM = new Set([
  'counterpart',
  'delegation',
  'delegate',
  'envoy',
  'minister',
  'official',
  'representative',
  'diplomat',
  'leader',
]);
/** 'groups linked to X', 'militias loyal to X': X fills the slot the groups are in. */
const AFFILIATION = new Set([
  'link',
  'affiliate',
  'ally',
  'loyal',
  'connect',
  'close',
  'tied',
  'align',
]);

/**
 * Is token `a` an affiliation word ('affiliated', 'loyal') after an unnamed noun phrase that
 * opens the clause ('Jihadists affiliated with X killed …')? Then X acts through them. Not in
 * an apposition ('the M23, a rebel force linked to Rwanda, seized …': the M23 acts).
 */
function affiliatedSubject(reader: Reader, a: number, floor: number): boolean {
  const { tokens, groupAt } = reader;
  const word = tokens[a];
  if (!word || !isAffiliation(word)) return false;
  let k = a - 1;
  if (tokens[k]?.pos !== 'NOUN' && tokens[k]?.pos !== 'PROPN') return false;
  while (
    k >= floor &&
    /^(?:NOUN|PROPN|ADJ|DET|NUM)$/u.test(tokens[k]?.pos ?? '') &&
    groupAt[k] === -1
  )
    k--;
  return k < floor || tokens[k]?.pos === 'SCONJ';
}

/** Is the verb at `i` an affiliation participle after a noun phrase that names no actor? */
function affiliatesUnnamed(reader: Reader, i: number): boolean {
  const { tokens, groupAt } = reader;
  const t = tokens[i];
  if (!t || t.pos !== 'VERB' || !isAffiliation(t)) return false;
  let k = i - 1;
  if (tokens[k]?.pos !== 'NOUN' || groupAt[k] !== -1) return false;
  while (k >= 0 && /^(?:NOUN|ADJ|DET|NUM)$/u.test(tokens[k]?.pos ?? '') && groupAt[k] === -1) k--;
  const before = tokens[k];
  return !before || (groupAt[k] === -1 && !POSSESSIVE.has(before.lower));
}

/** 'affiliated', 'linked', 'loyal' after a noun of people: the phrase's actor is theirs. */
function isAffiliation(t: Token): boolean {
  if (t.pos === 'ADJ') return AFFILIATION.has(t.lower) || AFFILIATION.has(t.lemma);
  // A participle ('linked', 'allied', 'tied'), never the verb 'closed'.
  return (
    t.pos === 'VERB' &&
    /(?:ed|d)$/u.test(t.lower) &&
    t.lemma !== 'close' &&
    (AFFILIATION.has(t.lemma) || AFFILIATION.has(t.lower.replace(/(?:ed|d)$/u, '')))
  );
}

/** The preposition (or 'object') that heads group `g`, looking back no further than `from`. */
function slotOf(reader: Reader, g: Group, from: number): string {
  return slotBefore(reader, g.first - 1, from, 0);
}

function slotBefore(reader: Reader, start: number, from: number, depth: number): string {
  const { tokens } = reader;
  for (let j = start; j > from; j--) {
    const t = tokens[j];
    if (!t) break;
    // A particle right after the verb belongs to it: 'shot down X', 'cut off X'.
    if (j === from + 1 && PARTICLES.has(t.lower)) return 'object';
    if (t.pos === 'ADP' || (t.pos === 'SCONJ' && t.lower !== 'that') || t.lower === 'to') {
      const before = previousContent(tokens, j);
      const b = tokens[before];
      if (depth < 4 && b && before > from) {
        if (
          (t.lower === 'from' || t.lower === 'by' || t.lower === 'of') &&
          EMBEDDING_NOUNS.has(b.lemma)
        )
          return slotBefore(reader, before - 1, from, depth + 1);
        // 'met the president of Mali', 'spoke to the head of the junta': the office is its state.
        if (t.lower === 'of' && (isAgentHead(reader.lex, b) || REGION_NOUNS.has(b.lemma)))
          return slotBefore(reader, before - 1, from, depth + 1);
        // 'criticised the junta in Bamako': the government in its state is that state's.
        if (t.lower === 'in' && isGovernmentHead(b))
          return slotBefore(reader, before - 1, from, depth + 1);
        // 'his counterparts from Mali', 'envoys from Qatar': people who come from their state.
        if (t.lower === 'from' && PEOPLE_FROM.has(b.lemma))
          return slotBefore(reader, before - 1, from, depth + 1);
        if ((t.lower === 'from' || t.lower === 'of') && (b.lower === 'those' || b.lemma === 'one'))
          return slotBefore(reader, before - 1, from, depth + 1);
        // 'groups linked to X', 'by forces loyal to X': the affiliation word right before
        // (an adjective, which `previousContent` passes over, or a participle).
        let a = j - 1;
        while (tokens[a]?.pos === 'ADV') a--;
        const word = tokens[a];
        if (word && a > from && (t.lower === 'to' || t.lower === 'with') && isAffiliation(word))
          return slotBefore(reader, a - 1, from, depth + 1);
      }
      // 'out of', 'away from': the last preposition names the slot.
      return t.lower;
    }
    if (TRANSPARENT.has(t.lower)) continue;
    if (t.lower === ',' && TRANSPARENT.has(tokens[j + 1]?.lower ?? '')) continue;
    if (t.pos === 'VERB' && isAttributive(tokens, j)) continue;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.lower === ',') return 'object';
    if (reader.groupAt[j] !== -1) {
      // In a list of phrases the slot carries over: 'on Mali and on Niger'.
      const other = reader.groups[reader.groupAt[j] ?? -1];
      if (other && depth < 4) return slotBefore(reader, other.first - 1, from, depth + 1);
    }
  }
  return 'object';
}

/** The nearest token before `j` that is not an adjective or a participle ('rising attacks'). */
function previousContent(tokens: Token[], j: number): number {
  let k = j - 1;
  while (k >= 0 && (tokens[k]?.pos === 'ADV' || tokens[k]?.pos === 'ADJ')) k--;
  return k;
}

/** Groups in the phrase that follows a head, to the end of its clause. */
function followingGroups(
  reader: Reader,
  hit: { head: number; last: number; particle?: boolean },
): Array<{ group: Group; slot: string }> {
  const { tokens, groupAt, groups } = reader;
  const out: Array<{ group: Group; slot: string }> = [];
  const seen = new Set<number>();
  let commaOpen = false;
  const headWord = tokens[hit.head];
  // 'helped Somali forces fight al-Shabaab': after the one helped, a bare verb starts what they do.
  const bare =
    !!headWord && headWord.pos === 'VERB' && BARE_CAUSATIVES.has(verbLemma(reader.lex, headWord));
  for (let j = hit.head + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (!t) break;
    if (reader.attribution[j]) break;
    if (bare && out.length && groupAt[j] === -1 && entriesFor(reader.lex, t).length) break;
    if (HARD_BREAKS.has(t.text) || t.lower === 'but') break;
    if (t.pos === 'SCONJ' && SUBORDINATORS.has(t.lower) && t.lower !== 'as') break;
    if (RELATIVES.has(t.lower) && groupAt[j] === -1 && t.pos !== 'DET') {
      // 'withdraw troops who had been fighting jihadists, from Mali': the phrase resumes after
      // the relative clause.
      let k = j + 1;
      while (k < tokens.length && k <= j + 12 && tokens[k]?.lower !== ',') k++;
      if (tokens[k]?.lower === ',' && tokens[k + 1]?.pos === 'ADP') {
        j = k;
        continue;
      }
      break;
    }
    // 'joined X last year and has been talking with Y': a coordinated predicate of its own.
    if (t.pos === 'CCONJ' && tokens[j + 1]?.pos === 'AUX' && j > hit.last) break;
    // Purpose or a new verb ends the object: 'sent troops to fight X', 'X attacked Y and killed Z'.
    if (t.lower === 'to' && tokens[j + 1]?.pos === 'VERB') break;
    if (TRANSPARENT.has(t.lower)) continue;
    if (
      AFFILIATION.has(t.lemma) &&
      (tokens[j + 1]?.lower === 'to' || tokens[j + 1]?.lower === 'with')
    )
      continue;
    // 'war erupted in April between X and Y': a noun's own intransitive verb does not end it.
    if (t.pos === 'VERB' && reader.lex.eventVerbs.has(t.lemma) && isNounHead(tokens, hit.head, j))
      continue;
    if (t.pos === 'VERB' && j > hit.last && !isAttributive(tokens, j)) break;
    // 'The deal has strained relations between X and Y': a noun's predicate with an object of
    // its own (a participle the tagger reads as an adjective), whose phrase the rest is.
    if (
      j > hit.last &&
      (t.pos === 'ADJ' || t.pos === 'VERB') &&
      /(?:ed|en)$/u.test(t.lower) &&
      tokens[j + 1]?.pos === 'NOUN' &&
      groupAt[j + 1] === -1 &&
      isNounHead(tokens, hit.head, j)
    )
      break;
    // 'rapprochement with Russia worries Washington': a verb the tagger read as a plural noun,
    // between a name and the next name or article, starts a predicate of its own.
    if (
      t.pos === 'NOUN' &&
      j > hit.last + 1 &&
      /[^s]s$/u.test(t.lower) &&
      (groupAt[j - 1] ?? -1) !== -1 &&
      ((groupAt[j + 1] ?? -1) !== -1 || tokens[j + 1]?.pos === 'DET')
    )
      break;
    if (isPassiveRelative(tokens, t.lower === ',' ? j + 1 : j)) {
      // 'The attack, which was claimed by JNIM, …': the relative names the event's agent.
      j = (t.lower === ',' ? j + 1 : j) + 2;
      continue;
    }
    if (t.lower === ',') {
      const next = tokens[j + 1];
      // Across a comma only a phrase that continues: ', from Mali', ', including France'.
      if (next && (next.pos === 'ADP' || TRANSPARENT.has(next.lower)) && !commaOpen) {
        commaOpen = true;
        continue;
      }
      // 'detain leaders of the province's main party, the TPLF': an
      // apposition names the object phrase that named no actor.
      const namesObject = !out.length && j > hit.last + 1 && tokens[j + 1]?.pos === 'DET';
      if (out.length || namesObject) {
        // An apposition naming the actor again ('…, Colonel Assimi Goita,').
        // Or the next item of a list of phrases ('troops from X, European mercenaries and Y').
        // ('…, Colonel Assimi Goita, and the President of Congo, …': an office of its state.)
        let k = j + 1;
        while (
          k <= j + 5 &&
          groupAt[k] === -1 &&
          (/^(?:PROPN|NOUN|DET|ADJ|CCONJ)$/u.test(tokens[k]?.pos ?? '') ||
            (tokens[k]?.lower === 'of' && isAgentHead(reader.lex, tokens[k - 1] as Token)))
        )
          k++;
        const item = groups[groupAt[k] ?? -1];
        // ', President X was quoted …': a name followed by its verb opens a clause of its own
        // (after a fronted phrase that clause is the main one, which the caller reads).
        const verb = item ? tokens[item.last + 1] : undefined;
        const opensClause =
          tokens[0]?.pos !== 'ADP' &&
          (verb?.pos === 'AUX' || (verb?.pos === 'VERB' && verb.lower !== 'led'));
        if (item && groupAt[k] !== groupAt[j - 1] && !opensClause) continue;
      }
      break;
    }
    const gi = groupAt[j];
    if (gi === undefined || gi === -1 || seen.has(gi)) continue;
    const group = groups[gi];
    if (!group) continue;
    seen.add(gi);
    // 'strikes against Iran-backed Houthi rebels': the backer fills no slot of this head.
    // 'with Somalia's breakaway region of Somaliland': the region is meant, not its state.
    if (isCompoundModifier(reader, group) || isRegionOwner(tokens, group)) {
      j = group.last;
      continue;
    }
    // 'in Cabo Delgado, Mozambique': the state after a place it holds only places it.
    const placed = groups[groupAt[group.first - 2] ?? -1];
    if (
      tokens[group.first - 1]?.lower === ',' &&
      placed?.kind === 'place' &&
      group.actorIds.every((id) => placed.actorIds.includes(id))
    ) {
      j = group.last;
      continue;
    }
    // "helped Sudan's RSF": a name owning the actor after it only says whose that actor is.
    const owned = groups[groupAt[group.last + 2] ?? -1];
    if (/^['’]s$/u.test(tokens[group.last + 1]?.lower ?? '') && owned?.kind === 'actor') {
      j = group.last;
      continue;
    }
    // 'The US sanctioned Iran and China condemned the move': a list right before a verb of
    // its own ends at its last 'and', whose name is that verb's subject.
    const own = tokens[group.last + 1];
    if (
      group.first > hit.last &&
      group.mentions.length > 1 &&
      // 'Talks between Sudan and the RSF began': a 'between' list is whole, not a subject.
      slotOf(reader, group, hit.head) !== 'between' &&
      own?.pos === 'VERB' &&
      !/ing$/u.test(own.lower) &&
      !isAttributive(tokens, group.last + 1)
    ) {
      const trimmed = beforeLastConjunct(reader, group);
      if (trimmed) {
        const from = hit.particle && trimmed.first > hit.last ? hit.last : hit.head;
        out.push({ group: trimmed, slot: slotOf(reader, trimmed, from) });
      }
      break;
    }
    // 'brought in Wagner': a particle of the head is no preposition of what follows.
    const from = hit.particle && group.first > hit.last ? hit.last : hit.head;
    out.push({ group, slot: slotOf(reader, group, from) });
    j = group.last;
  }
  return out;
}

/** The group without its last conjunct ('Iran and China' → 'Iran'), or null. */
function beforeLastConjunct(reader: Reader, g: Group): Group | null {
  const { tokens } = reader;
  let k = g.last;
  while (k > g.first && tokens[k]?.lower !== 'and' && tokens[k]?.lower !== 'or') k--;
  const cut = tokens[k];
  if (k <= g.first || !cut) return null;
  const mentions = g.mentions.filter((m) => m.end <= cut.start);
  if (!mentions.length) return null;
  return {
    ...g,
    last: k - 1,
    end: mentions[mentions.length - 1]?.end ?? g.end,
    mentions,
    actorIds: [...new Set(mentions.flatMap((m) => m.actorIds))],
  };
}

/** 'which was claimed by', 'that were carried out by': a relative in the passive with its agent. */
function isPassiveRelative(tokens: Token[], j: number): boolean {
  const r = tokens[j];
  if (!r || (r.lower !== 'which' && r.lower !== 'that')) return false;
  return (
    tokens[j + 1]?.lemma === 'be' &&
    tokens[j + 2]?.pos === 'VERB' &&
    (tokens[j + 3]?.lower === 'by' ||
      (tokens[j + 3]?.lower === 'out' && tokens[j + 4]?.lower === 'by'))
  );
}

/** The object of the main verb after a noun phrase: 'A blockade by X has cut off Y' gives Y. */
function objectOfNextVerb(reader: Reader, from: number): Group | null {
  const { tokens } = reader;
  for (let j = from + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (!t || HARD_BREAKS.has(t.text)) return null;
    if (isPassiveRelative(tokens, j)) {
      j += 3;
      continue;
    }
    if (t.pos === 'VERB' && !isAttributive(tokens, j) && tokens[j + 1]?.lower !== 'by') {
      const following = followingGroups(reader, { head: j, last: j });
      return pick(['object', 'on', 'against', 'in'], following, true, null);
    }
  }
  return null;
}

/** Is the head a noun whose verb is at `j`, with nothing but auxiliaries between? */
function isNounHead(tokens: Token[], head: number, j: number): boolean {
  const h = tokens[head];
  if (!h || (h.pos !== 'NOUN' && h.pos !== 'PROPN')) return false;
  for (let k = head + 1; k < j; k++)
    if (tokens[k]?.pos !== 'AUX' && tokens[k]?.pos !== 'ADV') return false;
  return true;
}

/** A participle used as a modifier ('the armed forces', 'the so-called united army'). */
function isAttributive(tokens: Token[], j: number): boolean {
  // 'military-led governments', 'Qaeda-linked groups': a compound modifier.
  if (HYPHENS.has(tokens[j - 1]?.text ?? '') && tokens[j - 1]?.end === tokens[j]?.start)
    return true;
  let p = j - 1;
  while (tokens[p]?.pos === 'ADV') p--;
  const prev = tokens[p];
  const next = tokens[j + 1];
  if (!prev) return false;
  const t = tokens[j];
  if (!next || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) return false;
  if (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'NUM') return true;
  // 'with rising attacks', 'and escalating threats': a participle before its noun.
  return (
    !!t &&
    /(?:ing|ed)$/u.test(t.lower) &&
    (prev.pos === 'ADP' || prev.pos === 'CCONJ' || prev.lower === ',')
  );
}

/** Is the group an oblique (after a preposition other than an agentive 'of')? */
/** 'troops', 'Fighters' (a capitalised first word the tagger leaves unlemmatised). */
function isAgentHead(lex: EventLexicon, t: Token): boolean {
  return lex.agentHeads.has(t.lemma) || lex.agentHeads.has(t.lower.replace(/s$/u, ''));
}

/** A government's head ('the junta in Mali'): its 'in X' names its state (see ./mentions). */
function isGovernmentHead(t: Token | undefined): boolean {
  return !!t && GOVERNMENT_WORDS.has(t.lower);
}

const YEAR = /^(?:1[89]|20)\d{2}$/u;

/** Subordinators that wink tags as prepositions: 'as X have severed ties', 'after X attacked'. */
const CLAUSE_ADPS = new Set(['as', 'after', 'before', 'since', 'until', 'while', 'because']);

/**
 * Past an apposition at `k` (', a rebel force linked to Rwanda,'): the token after its closing
 * comma; else `k`.
 */
function pastApposition(tokens: Token[], k: number): number {
  if (tokens[k]?.lower !== ',' || tokens[k + 1]?.pos !== 'DET') return k;
  for (let j = k + 2; j < Math.min(tokens.length, k + 16); j++) {
    const t = tokens[j];
    if (!t || HARD_BREAKS.has(t.text) || t.pos === 'AUX' || RELATIVES.has(t.lower)) return k;
    if (t.lower === ',') return j + 1;
  }
  return k;
}

function isOblique(reader: Reader, g: Group, floor: number): boolean {
  const { tokens, lex, groupAt } = reader;
  // 'after the M23, a rebel force, seized …': the verb after an apposition is the group's.
  let k = pastApposition(tokens, g.last + 1);
  while (tokens[k]?.pos === 'ADV') k++;
  const next = tokens[k];
  const after = tokens[k + 1];
  const finite =
    next &&
    (next.pos === 'AUX' ||
      (next.pos === 'VERB' && !/ing$/u.test(next.lower)) ||
      // 'after Algeria shot down …': the tagger reads the verb as a noun.
      (next.pos === 'NOUN' && !!after && (after.pos === 'ADP' || after.pos === 'DET')));
  for (let j = g.first - 1; j >= floor; j--) {
    const t = tokens[j];
    if (!t) break;
    // 'In 2019 Russia sent …': a year closes a fronted time phrase, and a finite verb follows.
    if (t.pos === 'NUM' && finite && YEAR.test(t.text)) return false;
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM') continue;
    if (t.pos === 'ADP' || t.lower === 'to') {
      if (t.lower === 'of' || t.lower === 'with' || t.lower === 'from') {
        // 'the forces of X and Y launched…': the head noun acts for the group.
        const head = tokens[j - 1];
        return !(head && (isAgentHead(lex, head) || affiliatedSubject(reader, j - 1, floor)));
      }
      // 'fighters loyal to X', 'jihadists linked to X': X acts through them.
      if (t.lower === 'to' && affiliatedSubject(reader, j - 1, floor)) return false;
      // 'the junta in Mali expelled …': a government in its state is that state's, unless
      // the government's phrase is itself an aside ('…, like the rulers in Mali, have …').
      if (t.lower === 'in' && isGovernmentHead(tokens[j - 1])) {
        let k = j - 2;
        while (/^(?:DET|ADJ|NOUN|PROPN)$/u.test(tokens[k]?.pos ?? '') && groupAt[k] === -1) k--;
        const before = tokens[k];
        return !!before && (before.pos === 'ADP' || COMPARISON.has(before.lower));
      }
      if (t.lower === 'like' || t.lower === 'including') return false;
      if (finite && CLAUSE_ADPS.has(t.lower)) return false;
      return true;
    }
    return false;
  }
  return false;
}

/**
 * The acting group left of token `i`, inside [floor, i): the nearest group that is not an
 * oblique, with no verb of its own between it and `i` (else, for coordinated verbs, the
 * subject of that verb).
 */
function subjectBefore(reader: Reader, i: number, floor: number, depth = 0): Group | null {
  const { tokens, groupAt, groups } = reader;
  let sawVerb = -1;
  for (let j = i - 1; j >= floor; j--) {
    const t = tokens[j];
    if (!t) break;
    const gi = groupAt[j];
    if (gi !== undefined && gi !== -1) {
      const g = groups[gi];
      if (!g) break;
      j = g.first;
      if (g.kind !== 'actor') continue;
      if (isOblique(reader, g, floor)) continue;
      if (isApposition(reader, g)) continue;
      if (isCompoundModifier(reader, g)) continue;
      if (reader.attribution[g.first]) continue;
      // '… took the town and Congolese soldiers traded fire': a clause of its own.
      if (sawVerb < 0 && opensCoordinatedClause(reader, g, i)) return withComparison(reader, g, i);
      const governor = governingVerb(reader, g, floor);
      // 'The coup led ECOWAS to impose sanctions': the object of a verb of causing is who
      // acts in the verb after 'to'.
      if (governor >= 0 && causes(reader, governor, g, i)) return g;
      if (governor >= 0 && sawVerb < 0) {
        // 'X severed ties with France and turned to Russia': France is an object of 'severed'.
        if (depth < 3) return subjectBefore(reader, governor, floor, depth + 1);
        return null;
      }
      if (sawVerb >= 0) {
        // The group is the object of a verb between it and us: we share that verb's subject.
        if (depth < 3) return subjectBefore(reader, sawVerb, floor, depth + 1);
        return null;
      }
      return withComparison(reader, g, i);
    }
    if (SUBJECT_PRONOUNS.has(t.lower) && sawVerb < 0 && t.pos === 'PRON') return null;
    if (t.pos === 'VERB' && j < i - 1 && !isAttributive(tokens, j)) {
      // 'X helped Malian rebels ambush Y': the unnamed rebels ambush, not X.
      if (sawVerb < 0 && unnamedCausee(reader, j, i) >= 0) return null;
      const between = tokens.slice(j + 1, i);
      const coordinated = between.some((x) => x.lower === 'and' || x.lower === ',');
      if (!coordinated && sawVerb < 0) {
        // 'X sent troops to fight Y', 'X began attacking Y': a verb governs ours.
        sawVerb = j;
        continue;
      }
      if (sawVerb < 0) sawVerb = j;
    }
  }
  return null;
}

/**
 * Does `g`, after 'and' or 'but', start a clause whose verb is at `i` ('… and Congolese troops
 * exchanged fire')? Only nouns of its phrase, auxiliaries and adverbs may stand between.
 */
function opensCoordinatedClause(reader: Reader, g: Group, i: number): boolean {
  const { tokens, groupAt } = reader;
  let j = g.first - 1;
  while (tokens[j]?.pos === 'DET') j--;
  const conj = tokens[j]?.lower;
  if (conj !== 'and' && conj !== 'but') return false;
  if (tokens[i]?.pos !== 'VERB') return false;
  for (let k = g.last + 1; k < i; k++) {
    const t = tokens[k];
    if (!t || groupAt[k] !== -1 || !/^(?:NOUN|ADJ|AUX|ADV|PART)$/u.test(t.pos)) return false;
  }
  return true;
}

/**
 * Is the verb at `head` a participle right after an unnamed agent noun ('forces aligned to
 * Tripoli', 'militias backed by X'), so that it modifies that noun?
 */
function modifiesUnnamed(reader: Reader, head: number): boolean {
  const { tokens, groupAt, lex } = reader;
  const t = tokens[head];
  const noun = tokens[head - 1];
  if (!t || !noun || groupAt[head - 1] !== -1 || !/(?:ed|en|wn)$/u.test(t.lower)) return false;
  if ((noun.pos !== 'NOUN' && noun.pos !== 'PROPN') || !isAgentHead(lex, noun)) return false;
  // The noun phrase, which names no actor ('Malian troops', "Haftar's forces" are named)…
  let j = head - 2;
  while (/^(?:ADJ|NUM|DET|NOUN|PROPN)$/u.test(tokens[j]?.pos ?? '') && groupAt[j] === -1) j--;
  // …is the object of a preposition or a verb: 'by forces aligned to', 'sent troops trained
  // by'. As a clause's subject ('the forces attacked') the verb is the clause's own.
  const before = tokens[j];
  return !!before && groupAt[j] === -1 && (before.pos === 'ADP' || before.pos === 'VERB');
}

/**
 * A present participle right after a noun phrase that is the object of a verb or a
 * preposition modifies that phrase, a reduced relative clause: in 'safe conduct for lorries of
 * SADC soldiers withdrawing from X' SADC withdraws, not who grants it. The actor the phrase
 * names acts; a phrase of unnamed agents ('for troops withdrawing') names no one ('unnamed');
 * any other phrase ('issued a statement condemning X'), or a coalition, leaves the clause's
 * subject to act.
 */
function participleOwner(reader: Reader, head: number): Group | 'unnamed' | null {
  const { tokens, groupAt, groups, lex } = reader;
  const t = tokens[head];
  const last = tokens[head - 1];
  if (!t || t.pos !== 'VERB' || !/ing$/u.test(t.lower)) return null;
  if (!last || (last.pos !== 'NOUN' && last.pos !== 'PROPN')) return null;
  // 'part of a Congolese coalition fighting X': a coalition's members fight, the subject too.
  if (COALITION_NOUNS.has(last.lemma)) return null;
  // Back to the phrase's start: nouns and their modifiers, actors, possessives, and 'of' or
  // 'and' after a noun ('lorries of SADC soldiers and vehicles').
  let named: Group | null = null;
  let j = head - 1;
  while (j >= 0) {
    const x = tokens[j];
    if (!x) break;
    const g = groups[groupAt[j] ?? -1];
    if (g) {
      if (g.kind === 'actor') named = g;
      j = g.first - 1;
    } else if (
      /^(?:ADJ|NUM|DET|NOUN|PROPN)$/u.test(x.pos) ||
      POSSESSIVE.has(x.lower) ||
      // An editor's insertion in a quote: 'convoys of [SADC] troops'.
      x.text === '[' ||
      x.text === ']'
    )
      j--;
    else if (
      (x.lower === 'of' || x.lower === 'and') &&
      /^(?:NOUN|PROPN)$/u.test(tokens[j - 1]?.pos ?? '')
    )
      j--;
    else break;
  }
  const before = tokens[j];
  if (!before || groupAt[j] !== -1 || (before.pos !== 'ADP' && before.pos !== 'VERB')) return null;
  if (named) return named;
  return isAgentHead(lex, last) ? 'unnamed' : null;
}

/** Verbs of causing or letting whose object does what follows: 'forced France to withdraw'. */
const CAUSATIVES = new Set([
  'help',
  'assist',
  'lead',
  'prompt',
  'force',
  'cause',
  'compel',
  'drive',
  'spur',
  'persuade',
  'convince',
  'allow',
  'enable',
  'encourage',
  // 'sent Wagner Group fighters to support X': who is sent does what follows.
  'send',
  'deploy',
  'dispatch',
]);

/**
 * Is `g` the object of the causative `verb`, followed by 'to' and the verb whose clause holds
 * token `i`? ('led ECOWAS to impose strict sanctions'.) Demands ('urged X to leave') are read
 * as demands elsewhere.
 */
function causes(reader: Reader, verb: number, g: Group, i: number): boolean {
  const { tokens } = reader;
  const v = tokens[verb];
  const lemma = v ? verbLemma(reader.lex, v) : '';
  // Past the nouns of the object's phrase: 'helped the Malian army to retake …', "helped
  // Tripoli's forces repel …".
  let k = g.last + 1;
  if (POSSESSIVE.has(tokens[k]?.lower ?? '')) k++;
  while (tokens[k]?.pos === 'NOUN' && reader.groupAt[k] === -1) k++;
  // 'helped Ethiopian forces push back the rebels': a bare verb after help, let and make.
  if (BARE_CAUSATIVES.has(lemma) && k === i && tokens[k]?.pos === 'VERB') return true;
  if (!CAUSATIVES.has(lemma)) return false;
  return tokens[k]?.lower === 'to' && tokens[k + 1]?.pos === 'VERB' && k + 1 <= i;
}

const BARE_CAUSATIVES = new Set(['help', 'let', 'make']);

/**
 * After a verb of helping or letting at `verb` ('helped', 'allowed'), the unnamed agents it
 * governs before token `to` ('helped Malian rebels ambush …'): their head noun's index, else -1.
 * Verbs of sending keep their subject's own troops ('sent troops to fight X').
 */
function unnamedCausee(reader: Reader, verb: number, to: number): number {
  const { tokens, lex, groupAt } = reader;
  const v = tokens[verb];
  if (!v || v.pos !== 'VERB') return -1;
  const lemma = verbLemma(lex, v);
  if (!BARE_CAUSATIVES.has(lemma) && !(CAUSATIVES.has(lemma) && !SENDING.has(lemma))) return -1;
  for (let k = verb + 1; k < Math.min(to, verb + 5); k++) {
    const t = tokens[k];
    if (!t || (t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'DET' && t.pos !== 'PROPN'))
      return -1;
    if (t.pos === 'NOUN' && groupAt[k] === -1 && isAgentHead(lex, t)) return k;
  }
  return -1;
}

const SENDING = new Set(['send', 'deploy', 'dispatch']);

const COMPARISON = new Set(['like', 'including', 'alongside']);
/** A dash that sets off an aside: '—', '–', or '--' typed for one. */
function isDash(text: string): boolean {
  return DASHES.has(text) || /^-{2,3}$/u.test(text);
}
/** 'X, together with Y, struck Z': Y acts with X, and with X. */
const JOINT = new Set(['together', 'along']);

/**
 * 'Chad's army, like the forces of Mali and Niger, has closed the border': a subject
 * found inside a 'like' or 'as well as' phrase stands with the head it is compared to.
 */
function withComparison(reader: Reader, g: Group, verb: number): Group {
  const { tokens, groupAt, groups } = reader;
  // Forward: 'Kenyan police, together with Uganda, raided …'.
  let f = g.last + 1;
  while (['NOUN', 'ADJ'].includes(tokens[f]?.pos ?? '') && groupAt[f] === -1) f++;
  const aside = tokens[f]?.lower === ',' || isDash(tokens[f]?.text ?? '');
  const jointAfter =
    aside && JOINT.has(tokens[f + 1]?.lower ?? '') && tokens[f + 2]?.lower === 'with';
  const likeAfter = aside && COMPARISON.has(tokens[f + 1]?.lower ?? '');
  if (jointAfter || likeAfter) {
    // '…, like the military rulers in Mali and Burkina Faso, have …': up to the closing comma
    // or dash, or to a second 'with' phrase ('together with Y and with support from Z').
    let close = f + 2;
    while (
      close < verb &&
      tokens[close]?.lower !== ',' &&
      !isDash(tokens[close]?.text ?? '') &&
      !(tokens[close]?.lower === 'and' && tokens[close + 1]?.lower === 'with')
    )
      close++;
    const partners = groups.filter((x) => x.kind === 'actor' && x.first > f + 1 && x.last < close);
    if (partners.length) {
      const ids = partners.flatMap((x) => x.actorIds);
      return {
        ...g,
        ...(jointAfter ? { joint: [g.actorIds, ids] as [string[], string[]] } : { compared: true }),
        mentions: [...g.mentions, ...partners.flatMap((x) => x.mentions)],
        actorIds: [...new Set([...g.actorIds, ...ids])],
      };
    }
  }
  let j = g.first - 1;
  while (j >= 0 && ['DET', 'ADJ', 'NOUN'].includes(tokens[j]?.pos ?? '') && groupAt[j] === -1) j--;
  // Fronted: 'Like Mali and Burkina Faso, (which …,) Niger has rejected …'.
  if (tokens[j]?.lower === ',' && tokens[0]?.lower === 'like') {
    const comma = tokens.findIndex((t) => t.lower === ',');
    const likes = groups.filter((x) => x.kind === 'actor' && x.first > 0 && x.last < comma);
    if (likes.length && comma <= j) {
      const ids = likes.flatMap((x) => x.actorIds);
      return {
        ...g,
        compared: true,
        mentions: [...g.mentions, ...likes.flatMap((x) => x.mentions)],
        actorIds: [...new Set([...g.actorIds, ...ids])],
      };
    }
  }
  let word = tokens[j]?.lower ?? '';
  const asWellAs =
    word === 'as' && tokens[j - 1]?.lower === 'well' && tokens[j - 2]?.lower === 'as';
  const joint = word === 'with' && JOINT.has(tokens[j - 1]?.lower ?? '');
  if (joint) {
    j--;
    word = tokens[j]?.lower ?? '';
  }
  if (!COMPARISON.has(word) && !asWellAs && !joint) return g;
  let k = (asWellAs ? j - 2 : j) - 1;
  if (tokens[k]?.lower !== ',') return g;
  k--;
  while (k >= 0 && ['DET', 'ADJ', 'NOUN'].includes(tokens[k]?.pos ?? '') && groupAt[k] === -1) k--;
  const head = groups[groupAt[k] ?? -1];
  if (!head || head.kind !== 'actor') return g;
  const members = groups.filter(
    (x) => x.kind === 'actor' && x.first >= head.first && x.last < verb,
  );
  return {
    ...head,
    ...(joint || word === 'alongside'
      ? { joint: [head.actorIds, g.actorIds] as [string[], string[]] }
      : word === 'like' || asWellAs
        ? { compared: true }
        : {}),
    last: g.last,
    end: g.end,
    mentions: members.flatMap((x) => x.mentions),
    actorIds: [...new Set(members.flatMap((x) => x.actorIds))],
  };
}

/**
 * 'The visit of ministers from Mali … signifies a shift away from France': when the clause's
 * subject is an event noun, the one who acts in that event acts in the clause.
 */
function eventSubject(reader: Reader, from: number, head: number): Group | null {
  const { tokens, groupAt, groups, lex } = reader;
  let noun = -1;
  for (let j = from; j < head; j++) {
    const t = tokens[j];
    if (!t) return null;
    if (t.pos === 'VERB' || t.pos === 'AUX') break;
    if (
      noun < 0 &&
      t.pos === 'NOUN' &&
      (lex.byLemma.has(t.lemma) || EMBEDDING_NOUNS.has(t.lemma))
    ) {
      noun = j;
      continue;
    }
    const g = groups[groupAt[j] ?? -1];
    if (noun >= 0 && g && g.kind === 'actor') {
      const slot = slotBefore(reader, g.first - 1, noun, 0);
      return slot === 'of' || slot === 'from' || slot === 'by' ? g : null;
    }
  }
  return null;
}

const REGION_NOUNS = new Set([
  'region',
  'province',
  'state',
  'territory',
  'enclave',
  'city',
  'town',
  'village',
  'port',
  'capital',
  'part',
  'republic',
  'area',
]);

/** "Somalia's breakaway region of Somaliland": the possessor of a place named after it. */
function isRegionOwner(tokens: Token[], g: Group): boolean {
  if (!POSSESSIVE.has(tokens[g.last + 1]?.lower ?? '')) return false;
  let k = g.last + 2;
  while (k < g.last + 6 && ['ADJ', 'VERB', 'NOUN'].includes(tokens[k]?.pos ?? '')) k++;
  if (!REGION_NOUNS.has(tokens[k - 1]?.lemma ?? '')) return false;
  // 'in Cabo Delgado, Mozambique's northernmost province': an apposition placing a place.
  return tokens[k]?.lower === 'of' || tokens[g.first - 1]?.lower === ',';
}

/** 'Al-Qaeda-linked militants', 'Rwandan-backed rebels': the name modifies the noun after it. */
function isCompoundModifier(reader: Reader, g: Group): boolean {
  const { tokens } = reader;
  const dash = tokens[g.last + 1];
  const word = tokens[g.last + 2];
  return (
    !!dash &&
    !!word &&
    HYPHENS.has(dash.text) &&
    dash.start === tokens[g.last]?.end &&
    word.start === dash.end &&
    (word.pos === 'VERB' || word.pos === 'ADJ' || /(?:ed|led)$/u.test(word.lower)) &&
    // 'al Qaeda-linked groups' are al Qaeda's own: affiliation keeps the name in the phrase.
    !AFFILIATION.has(word.lemma) &&
    !/^(?:link|affiliat|allied|align|loyal|inspir)/u.test(word.lower)
  );
}

/** A group inside a parenthetical between commas: 'Senegal, both ECOWAS members, called'. */
function isApposition(reader: Reader, g: Group): boolean {
  const { tokens } = reader;
  let j = g.first - 1;
  while (tokens[j] && (tokens[j]?.pos === 'DET' || tokens[j]?.pos === 'ADJ')) j--;
  if (tokens[j]?.lower !== ',' || reader.groupAt[j - 1] === -1) return false;
  let k = g.last + 1;
  while (tokens[k] && (tokens[k]?.pos === 'NOUN' || tokens[k]?.pos === 'ADJ')) k++;
  return k > g.last + 1 && tokens[k]?.lower === ',';
}

/** The verb whose object or complement group `g` is in, or -1 when `g` stands in subject position. */
function governingVerb(reader: Reader, g: Group, floor: number): number {
  const { tokens, groupAt } = reader;
  for (let j = g.first - 1; j >= floor; j--) {
    const t = tokens[j];
    if (!t) break;
    if (groupAt[j] !== -1) {
      j = reader.groups[groupAt[j] ?? -1]?.first ?? j;
      continue;
    }
    if (TRANSPARENT.has(t.lower)) continue;
    if (t.lower === ',') {
      if (TRANSPARENT.has(tokens[j + 1]?.lower ?? '')) continue;
      return -1;
    }
    if (HARD_BREAKS.has(t.text) || t.pos === 'AUX' || t.pos === 'SCONJ') return -1;
    if (t.pos === 'ADP' && CLAUSE_ADPS.has(t.lower) && !isOblique(reader, g, floor)) return -1;
    if (RELATIVES.has(t.lower) && t.pos !== 'DET') return -1;
    // 'jihadists affiliated with X killed …': the affiliation governs nothing.
    if (t.pos === 'VERB') return isAttributive(tokens, j) || isAffiliation(t) ? -1 : j;
  }
  return -1;
}

/**
 * Is the pronoun at `p` inside the sentence's quote, and `referent` its speaker? A speaker
 * calls itself 'we': in '"… since they brought in Wagner," the CMA's spokesman said', they
 * are someone else.
 */
function speaksOfOthers(reader: Reader, p: number, referent: string[]): boolean {
  if (!referent.some((id) => reader.speakers.has(id))) return false;
  let open = false;
  for (let j = 0; j < p; j++) {
    const t = reader.tokens[j]?.text;
    if (t === '“') open = true;
    else if (t === '”') open = false;
    else if (t === '"') open = !open;
  }
  return open;
}

/** The nearest subject pronoun before `i` in its clause ('they attacked'). */
/** The topic standing in for a pronoun at token `p` (its offsets are the pronoun's). */
function topicGroup(reader: Reader, p: number, topic: string[]): Group {
  const t = reader.tokens[p];
  return {
    start: t?.start ?? 0,
    end: t?.end ?? 0,
    first: p,
    last: p,
    mentions: [],
    actorIds: topic,
    kind: 'actor',
  };
}

/**
 * 'the close of Japan's mission abroad after it was made to withdraw': a pronoun in a
 * subordinate clause whose main clause has no acting actor refers to the nearest actor
 * before it in the sentence ('it' to one actor, 'they' to any).
 */
/** Nouns for a person that 'he' or 'she' can stand for when no name is given. */
const PERSON_NOUNS = new Set([
  'commander',
  'leader',
  'chief',
  'head',
  'general',
  'president',
  'minister',
  'envoy',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'official',
  'man',
  'woman',
]);

/** The state or group whose person noun is at `j`: 'Chad's leader', 'the head of the AU'. */
function personOf(reader: Reader, j: number): Group | null {
  const { tokens, groups, groupAt } = reader;
  let k = j - 1;
  while (tokens[k]?.pos === 'ADJ') k--;
  if (POSSESSIVE.has(tokens[k]?.lower ?? '')) {
    const owner = groups[groupAt[k - 1] ?? -1];
    if (owner?.kind === 'actor') return owner;
  }
  if (tokens[j + 1]?.lower === 'of') {
    k = j + 2;
    while (tokens[k]?.pos === 'DET') k++;
    const owner = groups[groupAt[k] ?? -1];
    if (owner?.kind === 'actor') return owner;
  }
  return null;
}

/**
 * 'the leader of the armed band, when he …': 'he' or 'she' right after a person noun stands
 * for that person — the state or group it belongs to ('Chad's leader', 'the head of the AU'),
 * or `'person'` when it is unnamed. Null when a name comes first.
 */
function personAntecedent(reader: Reader, clauseStart: number): Group | 'person' | null {
  for (let j = clauseStart - 1; j >= 0 && j >= clauseStart - 12; j--) {
    const t = reader.tokens[j];
    if (reader.groupAt[j] !== -1) return null;
    if (t?.pos === 'NOUN' && PERSON_NOUNS.has(t.lemma)) return personOf(reader, j) ?? 'person';
  }
  return null;
}

function antecedentInSentence(reader: Reader, pronoun: number, clauseStart: number): Group | null {
  const singular = reader.tokens[pronoun]?.lower !== 'they';
  for (let j = clauseStart - 1; j >= 0; j--) {
    const g = reader.groups[reader.groupAt[j] ?? -1];
    if (!g) continue;
    j = g.first;
    if (g.kind !== 'actor' || reader.attribution[g.first]) continue;
    if (singular && g.actorIds.length > 1) continue;
    return g;
  }
  return null;
}

function pronounBefore(reader: Reader, i: number, floor: number): number {
  for (let j = i - 1; j >= floor && j >= i - 8; j--) {
    const t = reader.tokens[j];
    if (!t) break;
    if (SUBJECT_PRONOUNS.has(t.lower) && t.pos === 'PRON') return j;
    // Through a verb group: 'it was made to withdraw', 'they have begun to withdraw'.
    if (
      !(
        t.pos === 'VERB' ||
        t.pos === 'AUX' ||
        t.pos === 'PART' ||
        t.pos === 'ADV' ||
        t.lower === 'to'
      )
    )
      return -1;
    if (reader.groupAt[j] !== -1) return -1;
  }
  return -1;
}

function isPassive(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.pos !== 'VERB' || /ing$/u.test(t.lower)) return false;
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const x = tokens[j];
    if (!x) break;
    if (x.lemma === 'be' || x.lemma === 'get') return true;
    if (x.pos !== 'ADV' && x.pos !== 'PART' && x.pos !== 'AUX') return false;
  }
  return false;
}

/** 'X, backed by Y', 'rebels armed by Y': a participle with its 'by' agent, no auxiliary. */
function isReducedPassive(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.pos !== 'VERB' || !/(?:ed|en|wn|ht|lt)$/u.test(t.lower)) return false;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (!next || next.lower !== 'by') return false;
  return !prev || (prev.pos !== 'AUX' && prev.lemma !== 'have');
}

function isNegatedOrHedged(reader: Reader, hit: Hit, from: number): boolean {
  const { tokens, lex } = reader;
  const head = tokens[hit.head];
  if (!head) return false;
  for (let j = Math.max(0, from); j < hit.head; j++) {
    const t = tokens[j];
    if (!t) continue;
    if (lex.negators.has(t.lemma) || t.lower === "n't" || t.lower === 'no') {
      // 'no longer', 'not only … but' keep their sense: 'not only' is not a negation.
      if (tokens[j + 1]?.lower === 'only') continue;
      return true;
    }
    if (lex.hedgeWords.has(t.lower)) return true;
    // 'has yet to sign': not done.
    if (t.lower === 'yet' && tokens[j + 1]?.lower === 'to') return true;
    if (lex.modals.has(t.lemma) || lex.modals.has(t.lower)) {
      // 'announced that it would withdraw' reports a decision, not a hypothesis.
      const reported =
        tokens.slice(Math.max(0, j - 8), j).some((x) => lex.reportVerbs.has(x.lemma)) ||
        clauseStart(reader, j).opener === 'report';
      if (!(reported && (t.lower === 'would' || t.lemma === 'will'))) return true;
    }
    if (t.pos === 'VERB' && lex.hedgeVerbs.has(t.lemma)) {
      const next = tokens[j + 1];
      if (next && (next.lower === 'to' || j + 1 === hit.head || next.pos === 'DET')) return true;
      // 'urged its citizens to leave X': what the verb asks of someone has not happened.
      // Not past a coordination ('…to withdraw, and have moved closer to X') nor into a
      // participle that reports a fact ('to help free soldiers detained by X').
      let to = -1;
      for (let k = j + 1; k < hit.head; k++) {
        const x = tokens[k]?.lower;
        if (x === 'to') to = k;
        else if (x === 'and' || x === ',' || x === 'but') to = -1;
      }
      if (to >= 0 && !isReducedPassive(tokens, hit.head)) return true;
    }
  }
  // 'accused X of arming Y', 'denied supplying Y': an allegation or a denial, not a fact.
  if (/ing$/u.test(head.lower) || head.pos === 'NOUN') {
    for (let j = hit.head - 1; j >= Math.max(0, hit.head - 8); j--) {
      const t = tokens[j];
      if (!t) break;
      if (t.pos === 'VERB' && lex.allegationVerbs.has(t.lemma)) return true;
      if (t.pos === 'NOUN' && lex.allegationNouns.has(t.lemma)) return true;
      if (t.pos === 'VERB') break;
    }
  }
  if (head.lower === 'former' || tokens[hit.head - 1]?.lower === 'former') return true;
  return false;
}

const CONDITIONALS = new Set(['if', 'unless', 'whether']);
const VOUCHED = new Set(['credible', 'confirmed', 'verified', 'corroborated', 'substantiated']);

/**
 * 'If Mali leaves ECOWAS, …': a condition before the subject; 'rejected claims that it had
 * received weapons': a clause that says what is claimed, alleged or reported. Neither is a fact.
 */
function isConditionalOrClaimed(
  reader: Reader,
  clauseStart: number,
  subject: Group | null,
  head: number,
): boolean {
  const { tokens, lex } = reader;
  const end = subject && subject.first >= clauseStart ? subject.first : head;
  // The clause's opener is the token before its start ('if', 'that').
  for (let j = Math.max(0, clauseStart - 1); j < end; j++)
    if (CONDITIONALS.has(tokens[j]?.lower ?? '')) return true;
  const opener = tokens[clauseStart - 1]?.lower === 'that' ? clauseStart - 1 : clauseStart;
  if (tokens[opener]?.lower !== 'that') return false;
  const noun = tokens[opener - 1];
  // ('Reports that …' opening a sentence: the tagger may leave a capitalised first word whole.)
  const alleged =
    !!noun &&
    (lex.allegationNouns.has(noun.lemma) || lex.allegationNouns.has(noun.lower.replace(/s$/u, '')));
  if (!noun || !alleged) return false;
  // 'described as "credible" accusations that …': a claim someone vouches for stays a report.
  for (let j = opener - 2; j >= Math.max(0, opener - 5); j--)
    if (VOUCHED.has(tokens[j]?.lower ?? '')) return false;
  // A noun ('rejected claims that', 'there are reports that'), not the verb of reported
  // speech ('Russia claims that …', which names its source).
  const before = tokens[opener - 2];
  return noun.pos === 'NOUN' || !before || /^(?:AUX|DET|ADJ|VERB)$/u.test(before.pos);
}

function resolveType(reader: Reader, hit: Hit): RelationType {
  const { entry } = hit;
  if (entry.type === 'armed_conflict' && verbalClash(reader, hit)) return 'criticism';
  if (entry.type !== 'auto') return entry.type;
  const { tokens } = reader;
  const near = tokens
    .slice(Math.max(0, hit.head - 6), Math.min(tokens.length, hit.last + 8))
    .map((t) => t.text)
    .join(' ');
  for (const c of reader.lex.cues) if (c.regex.test(near)) return c.type;
  return entry.defaultType;
}

const REGION_WORD = /^(?:(?:north|south)-?(?:east|west)?|east|west|central)(?:ern)?$/u;

/** Is the group a state named by a part of it ('eastern Libya', 'north-western Syria')? */
function namesRegion(reader: Reader, g: Group): boolean {
  const before = reader.tokens[g.first - 1];
  return !!before && reader.groupAt[g.first - 1] === -1 && REGION_WORD.test(before.lower);
}

/** Nouns of the ties between states: 'relations between X and Y have soured'. */
const TIES_NOUNS = new Set(['relation', 'relations', 'tie', 'ties', 'relationship']);

/**
 * The coordinated parties of 'relations between X and Y' (or 'among') opening the clause
 * before a verb at `head`, with only the verb's auxiliaries and adverbs after them.
 */
function partiesBefore(reader: Reader, floor: number, head: number): Group | null {
  const { tokens, groups, groupAt } = reader;
  let k = head - 1;
  while (k >= floor && /^(?:AUX|ADV|PART)$/u.test(tokens[k]?.pos ?? '')) k--;
  const g = groups[groupAt[k] ?? -1];
  if (!g || g.kind !== 'actor' || g.actorIds.length < 2) return null;
  const between = tokens[g.first - 1];
  const noun = tokens[g.first - 2];
  if (!between || !['between', 'among'].includes(between.lower)) return null;
  if (!noun || !(TIES_NOUNS.has(noun.lemma) || TIES_NOUNS.has(noun.lower))) return null;
  return g.first - 2 >= floor ? g : null;
}

/** The actor opening a content clause at `k` ('that the UAE is …'), or null. */
function contentSubject(reader: Reader, k: number): Group | null {
  const { tokens, groups, groupAt } = reader;
  if (tokens[k]?.lower !== 'that') return null;
  let j = k + 1;
  while (tokens[j]?.pos === 'DET') j++;
  const g = groups[groupAt[j] ?? -1];
  return g && g.kind === 'actor' ? g : null;
}

/** Words of clashing that are as often said as fought. */
const CLASH_WORDS = new Set(['clash', 'spar', 'row', 'quarrel']);
/** Where a clash is one of words: 'clashed at the UN Security Council', 'at the summit'. */
const FORUM_WORDS = new Set([
  'council',
  'summit',
  'meeting',
  'talks',
  'assembly',
  'conference',
  'session',
  'forum',
  'hearing',
  'debate',
]);

/**
 * 'Sudan and the UAE clashed at the UN Security Council': a clash at a meeting is a quarrel,
 * not a battle. Looks for 'at' and a forum word a few words after the head.
 */
function verbalClash(reader: Reader, hit: Hit): boolean {
  const { tokens } = reader;
  if (!CLASH_WORDS.has(tokens[hit.head]?.lemma ?? '')) return false;
  let at = hit.last + 1;
  while (at <= hit.last + 3 && tokens[at] && tokens[at]?.lower !== 'at') at++;
  if (tokens[at]?.lower !== 'at') return false;
  for (let k = at + 1; k <= at + 5; k++) {
    const t = tokens[k];
    if (!t || t.pos === 'VERB' || t.pos === 'PUNCT') break;
    if (FORUM_WORDS.has(t.lemma) || FORUM_WORDS.has(t.lower)) return true;
  }
  return false;
}

/** A possessor or modifier right before a noun head: 'Russia's deployment', 'Russian troops'. */
function possessorOf(reader: Reader, i: number): Group | null {
  const { tokens, groupAt, groups } = reader;
  let j = i - 1;
  while (j >= 0 && (tokens[j]?.pos === 'ADJ' || tokens[j]?.pos === 'NOUN') && groupAt[j] === -1)
    j--;
  if (j >= 0 && POSSESSIVE.has(tokens[j]?.lower ?? '')) j--;
  const gi = groupAt[j];
  if (gi === undefined || gi === -1) return null;
  const g = groups[gi];
  return g && g.kind === 'actor' ? g : null;
}

const COALITION_NOUNS = new Set(['coalition', 'alliance', 'camp', 'axis', 'bloc', 'front']);
/** 'X's regional tour, which included A and B': the places of a tour are states X visited. */
const TOUR_NOUNS = new Set(['tour', 'trip', 'visit']);

/** 'the Congolese government coalition, which includes …': the state whose coalition it is. */
function coalitionOwner(reader: Reader, r: number): Group | null {
  const { tokens } = reader;
  let j = r - 1;
  if (tokens[j]?.lower === ',') j--;
  const noun = tokens[j];
  if (!noun) return null;
  const tour = TOUR_NOUNS.has(noun.lemma);
  if (!tour && !COALITION_NOUNS.has(noun.lemma)) return null;
  const owner = possessorOf(reader, j);
  if (!owner) return null;
  return tour ? { ...owner, tour: true } : { ...owner, coalition: true };
}

/** The group a relative pronoun at `r` refers to: 'Niger, who', 'the AES, a confederation that'. */
function antecedentOf(reader: Reader, r: number): Group | null {
  const { tokens, groupAt, groups } = reader;
  let crossedNoun = false;
  for (let j = r - 1; j >= 0 && j >= r - 8; j--) {
    const t = tokens[j];
    if (!t) break;
    const g = groups[groupAt[j] ?? -1];
    if (g)
      return g.kind === 'actor' && (!crossedNoun || tokens[g.last + 1]?.lower === ',') ? g : null;
    if (t.lower === ',') continue;
    if (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'DET' || t.pos === 'NUM') {
      crossedNoun = true;
      continue;
    }
    return null;
  }
  return null;
}

/**
 * The antecedent of the relative pronoun at `r`: the name right before it, or, after a comma,
 * the subject of what precedes it ('Chad's military government, which took power in 2021,').
 */
function relativeAntecedent(reader: Reader, r: number): Group | null {
  const named = antecedentOf(reader, r);
  if (named || reader.tokens[r - 1]?.lower !== ',') return named;
  const g = subjectBefore(reader, r, clauseStart(reader, r).start);
  return g && g.last >= r - 6 ? g : null;
}

/** A group set off just before a noun head: 'Mali, Niger and Burkina Faso, members of …'. */
function apposedBefore(reader: Reader, i: number): Group | null {
  const { tokens, groupAt, groups } = reader;
  let crossed = false;
  for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
    const t = tokens[j];
    if (!t) break;
    const g = groups[groupAt[j] ?? -1];
    if (g) return crossed && g.kind === 'actor' ? g : null;
    if (t.lower === ',' || DASHES.has(t.text)) crossed = true;
    else if (!(t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM')) return null;
  }
  return null;
}

/** Is there a verb between two tokens ('X held talks', 'X launched an attack')? */
/** Participles that work as prepositions: 'following the fall of', 'including'. */
const PREPOSITIONAL_VERBS = new Set([
  'following',
  'including',
  'regarding',
  'concerning',
  'according',
  'given',
  'excluding',
]);

const COUP_NOUNS = new Set(['coup', 'putsch', 'takeover']);

/**
 * 'condemned the coup in Guinea', 'denounced the military takeover in Niger': a coup is done
 * by the country's new rulers, so criticising it criticises that country, named as a place.
 * Not an attempt: who tried is not who rules.
 */
function coupCountry(
  reader: Reader,
  hit: Hit,
  following: Array<{ group: Group; slot: string }>,
): Group | null {
  const place = following.find((f) => f.slot === 'in');
  if (!place) return null;
  const between = reader.tokens.slice(hit.last + 1, place.group.first - 1);
  if (between.some((t) => t.pos === 'VERB' || t.pos === 'PUNCT')) return null;
  // 'the coup attempt in Benin', 'a foiled plot': who tried is not who rules.
  if (between.some((t) => FAILED_COUP.has(t.lemma) || FAILED_COUP.has(t.lower))) return null;
  return between.some((t) => COUP_NOUNS.has(t.lemma)) ? place.group : null;
}

const SANCTION_NOUNS = new Set(['sanction', 'sanctions', 'embargo', 'blockade']);

/**
 * The country of a coup named earlier in the sentence ('the coup in Niger'), when it is the
 * only other actor before `head`: sanctions with no target named answer that coup.
 */
function coupPlaceBefore(reader: Reader, head: number, agent: Group): Group | null {
  const { tokens, groups, groupAt } = reader;
  let place: Group | null = null;
  for (let j = 0; j < head; j++) {
    const g = groups[groupAt[j] ?? -1];
    // (A state after 'in' may be read as a place.)
    if (!g || g === agent || !g.actorIds.length) continue;
    j = g.last;
    if (place) return null;
    const coup = tokens[g.first - 2];
    if (tokens[g.first - 1]?.lower !== 'in' || !coup || !COUP_NOUNS.has(coup.lemma)) return null;
    const before = tokens[g.first - 3];
    if (before && (FAILED_COUP.has(before.lemma) || FAILED_COUP.has(before.lower))) return null;
    place = g;
  }
  return place;
}

const FAILED_COUP = new Set([
  'attempt',
  'attempted',
  'failed',
  'foiled',
  'thwarted',
  'plot',
  'bid',
]);

/** Verbs whose subject owns the noun they govern: 'opened a base', 'operates an outpost'. */
const OWNING_VERBS = new Set([
  'open',
  'build',
  'establish',
  'set',
  'run',
  'operate',
  'maintain',
  'construct',
]);

/**
 * Is the verb between `from` and `to` (the last one) a verb of owning ('Turkey opened a
 * military base in Somalia'), not of hosting ('Somalia hosts a Turkish base')?
 */
function ownedBy(reader: Reader, from: number, to: number): boolean {
  for (let j = to - 1; j > from; j--) {
    const t = reader.tokens[j];
    if (t?.pos !== 'VERB') continue;
    return OWNING_VERBS.has(verbLemma(reader.lex, t));
  }
  return false;
}

function verbBetween(reader: Reader, from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) {
    const t = reader.tokens[j];
    if (t?.pos === 'VERB' && !PREPOSITIONAL_VERBS.has(t.lower)) return true;
  }
  return false;
}

/** Two mentions joined by a dash before a noun: 'Russia-Mali talks'. */
function hyphenPair(reader: Reader, i: number): [Group, Group] | null {
  const { tokens, groupAt, groups } = reader;
  const second = groups[groupAt[i - 1] ?? -1];
  if (!second) return null;
  const dash = tokens[second.first - 1];
  if (!dash || !DASHES.has(dash.text)) return null;
  const first = groups[groupAt[second.first - 2] ?? -1];
  return first ? [first, second] : null;
}

function pick(
  slots: string[],
  following: Array<{ group: Group; slot: string }>,
  place: boolean,
  exclude: Group | null,
): Group | null {
  for (const s of slots) {
    const all = following.filter(
      (x) => x.slot === s && x.group !== exclude && (place || x.group.kind === 'actor'),
    );
    const first = all[0];
    if (!first) continue;
    if (all.length === 1) return first.group;
    // Every name in the slot: 'reliance on Russian forces, including Wagner and the Africa Corps'.
    return {
      ...first.group,
      last: all.at(-1)?.group.last ?? first.group.last,
      end: all.at(-1)?.group.end ?? first.group.end,
      mentions: all.flatMap((x) => x.group.mentions),
      actorIds: [...new Set(all.flatMap((x) => x.group.actorIds))],
    };
  }
  return null;
}

/**
 * Reads one event head: fills its slots and emits its relations into `result`. Returns the
 * acting group, if any.
 */
function readHit(
  reader: Reader,
  hit: Hit,
  context: SentenceContext,
  result: SentenceResult,
  previous: Group | null,
): Group | null {
  const { tokens } = reader;
  const { entry } = hit;
  const head = tokens[hit.head];
  if (!head) return null;
  const clause = clauseStart(reader, hit.head);
  // (A noun entry read on an adjective is a noun the tagger missed: 'an offensive against'.)
  const isNoun = head.pos === 'NOUN' || head.pos === 'PROPN' || entry.pos === 'noun';
  const found = followingGroups(reader, {
    head: hit.head,
    last: hit.last,
    // A particle that is no slot of the head ('brought in X', not 'grapple with X').
    particle:
      !!entry.particle &&
      ![...entry.agent, ...entry.patient].includes(tokens[hit.last]?.lower ?? ''),
  });
  // 'helped Malian rebels ambush Wagner fighters': the ones helped are unnamed, not Wagner.
  const following =
    unnamedCausee(reader, hit.head, found[0]?.group.first ?? tokens.length) >= 0 ? [] : found;

  // The acting group the clause gives (before the head).
  let subject: Group | null;
  if (entry.hyphen) {
    subject = reader.groups[reader.groupAt[hit.head - 2] ?? -1] ?? null;
  } else if (clause.opener === 'relative') {
    subject = subjectBefore(reader, hit.head, clause.start);
    // 'a coalition, which includes X': the coalition of the state named before it.
    if (!subject) subject = coalitionOwner(reader, clause.start - 1);
    // 'Wagner, which backs …', 'the AES, a confederation that …': the antecedent acts.
    if (!subject) subject = relativeAntecedent(reader, clause.start - 1);
  } else {
    subject = subjectBefore(reader, hit.head, clause.start);
  }
  if (/ing$/u.test(head.lower) && tokens[hit.head - 1]?.lower === 'for') {
    // 'criticized Mali for turning to Russia': the one criticised is the one turning.
    for (let j = hit.head - 2; j >= clause.start; j--) {
      const g = reader.groups[reader.groupAt[j] ?? -1];
      if (g && g.kind === 'actor') {
        if (governingVerb(reader, g, clause.start) >= 0) subject = g;
        break;
      }
    }
  }
  // 'pushed back by forces aligned to Tripoli': a participle right after an unnamed noun
  // phrase modifies it, and those unnamed forces act, not the clause's subject.
  const owner = !isNoun && !entry.hyphen ? participleOwner(reader, hit.head) : null;
  if (owner && owner !== 'unnamed') subject = owner;
  const unnamedActor =
    !isNoun && !entry.hyphen && (owner === 'unnamed' || modifiesUnnamed(reader, hit.head));
  // 'the leader of the armed band, when he visited X': he is that unnamed person.
  let unnamedPerson = false;
  if (!subject && !entry.hyphen) {
    let pronoun = pronounBefore(reader, hit.head, clause.start);
    // 'after they brought in X, threw out Y': a coordinated verb shares the
    // pronoun that opens its clause.
    const opening = tokens[clause.start];
    if (
      pronoun < 0 &&
      clause.opener !== 'start' &&
      opening?.pos === 'PRON' &&
      SUBJECT_PRONOUNS.has(opening.lower) &&
      (tokens[hit.head - 1]?.lower === ',' || tokens[hit.head - 1]?.lower === 'and')
    )
      pronoun = clause.start;
    // A pronoun keeps the referent its first head gave it ('it was made to withdraw').
    let referent = reader.pronouns.get(pronoun);
    if (pronoun >= 0 && !referent) {
      const subordinate = clause.opener === 'subordinate';
      const person =
        subordinate && ['he', 'she'].includes(reader.tokens[pronoun]?.lower ?? '')
          ? personAntecedent(reader, clause.start)
          : null;
      unnamedPerson = person === 'person';
      const inSentence =
        person && person !== 'person'
          ? person
          : subordinate && !previous && !unnamedPerson
            ? antecedentInSentence(reader, pronoun, clause.start)
            : null;
      if (!unnamedPerson) referent = inSentence?.actorIds ?? context.topic ?? undefined;
      if (referent && speaksOfOthers(reader, pronoun, referent)) {
        // Someone the sentence does not name: no one else stands in for them either.
        referent = undefined;
        unnamedPerson = true;
      }
      if (referent) reader.pronouns.set(pronoun, referent);
    }
    if (pronoun >= 0 && referent) subject = topicGroup(reader, pronoun, referent);
  }
  if (unnamedPerson || unnamedActor) subject = null;
  const unnamed = unnamedPerson || unnamedActor;
  // 'violence by the RSF … may have killed': an event noun as the subject lends its agent.
  if (!subject && !entry.hyphen && !unnamed) subject = eventSubject(reader, clause.start, hit.head);
  if (
    !subject &&
    clause.opener !== 'start' &&
    !entry.hyphen &&
    !unnamed &&
    !reportInRelative(reader, clause)
  ) {
    // A participle or purpose clause takes the subject of the clause it depends on:
    // '…, forming the confederation', '… to help fight X'.
    const prevClause = clauseStart(reader, clause.start - 1);
    subject = subjectBefore(reader, clause.start - 1, prevClause.start);
    const pronoun = subject ? -1 : pronounBefore(reader, clause.start - 1, prevClause.start);
    if (pronoun >= 0 && context.topic) subject = topicGroup(reader, pronoun, context.topic);
  }
  if (!subject && !entry.hyphen && clause.opener === 'subordinate' && previous && !unnamed)
    // '… are collaborating to counter attacks while also forging ties with Russia'.
    subject = previous;

  // 'Relations between Kenya and Tanzania have soured': the parties are inside the subject.
  if (!subject && !isNoun && entry.mutual) subject = partiesBefore(reader, clause.start, hit.head);
  const clauseSubject = subject;
  if (isNoun && subject && !entry.hyphen) subject = appositionOwner(reader, hit.head, subject);
  const apposed = subject !== clauseSubject;
  if (subject) subject = withJoined(reader, subject, hit.head);
  if (relationTrace.log)
    relationTrace.log(
      `head "${head.text}" #${hit.entry.index} clause=${clause.opener}@${clause.start} subject=${subject?.actorIds.join('+') ?? '-'} following=${following.map((f) => f.group.actorIds.join('+') + ':' + f.slot).join(' ')}`,
    );
  if (
    isNegatedOrHedged(reader, hit, subject ? subject.last + 1 : clause.start) ||
    // A modifier ('Turkey-backed', 'the recognised government') says what is, even in a
    // condition or a claim.
    (!entry.hyphen &&
      !isAttributive(tokens, hit.head) &&
      isConditionalOrClaimed(reader, clause.start, subject, hit.head))
  ) {
    result.suppressed++;
    return null;
  }

  let agent: Group | null = null;
  let patient: Group | null = null;
  let agentIsSubject = !isNoun;
  const passive = !isNoun && (isPassive(tokens, hit.head) || isReducedPassive(tokens, hit.head));
  if (entry.hyphen) {
    agent = subject;
    // 'Iran-backed Houthi rebels': the backed group follows in the same phrase.
    const next = following[0];
    // 'the Russian-backed junta in Mali': the government in its state is that state's.
    const governed = next?.slot === 'in' && isGovernmentHead(tokens[next.group.first - 2]);
    patient =
      next && (next.slot === 'object' || governed) && next.group.first <= hit.last + 3
        ? next.group
        : null;
    // 'Hezbollah, the Iranian-backed group': the apposition's noun is the name before it.
    if (!patient && agent) patient = apposedBefore(reader, agent.first);
  } else if (passive) {
    agent = pick(entry.passiveAgent, following, false, null);
    // 'French troops were expelled from Mali': the state they leave is named as a place.
    if (!agent && entry.passiveAgent.includes('from'))
      agent = pick(['from'], following, true, null);
    if (isReducedPassive(tokens, hit.head)) {
      const gi = reader.groupAt[hit.head - 1] ?? reader.groupAt[hit.head - 2];
      const left = gi !== undefined && gi !== -1 ? reader.groups[gi] : null;
      patient = left ?? subject;
    } else patient = subject;
  } else if (isNoun) {
    const pair = hyphenPair(reader, hit.head);
    if (pair && entry.mutual) {
      emitPairwise(
        reader,
        result,
        [...pair[0].actorIds, ...pair[1].actorIds],
        hit,
        resolveType(reader, hit),
        [...pair[0].mentions, ...pair[1].mentions],
      );
      return subject;
    }
    for (const s of entry.agent) {
      if (agent) break;
      if (s === 'poss') agent = possessorOf(reader, hit.head);
      else if (s === 'apposed') agent = apposedBefore(reader, hit.head);
      else if (s === 'subject') agent = subject;
      else agent = pick([s], following, false, null);
    }
    // 'launched attacks on X', 'held talks with Y': the verb that governs the noun lends its subject.
    // Not when the noun names its own agent, known or not: 'fight attacks by gangs in X'.
    if (
      !agent &&
      subject &&
      (!entry.ownAgent || ownedBy(reader, subject.last, hit.head)) &&
      (apposed || verbBetween(reader, subject.last, hit.head)) &&
      tokens[hit.last + 1]?.lower !== 'by' &&
      !commentsOn(reader, subject, hit.head)
    )
      agent = subject;
    // 'they announced their withdrawal from X': the possessive pronoun is the subject.
    if (
      !agent &&
      subject &&
      POSSESSIVE_PRONOUNS.has(tokens[previousContent(tokens, hit.head)]?.lower ?? '')
    )
      agent = subject;
    // "… part of Cairo's strategy, in light of its rivalry with X": with no acting subject,
    // 'its' is the nearest name before it that owns something ('Cairo's').
    const pronoun = previousContent(tokens, hit.head);
    if (!agent && !subject && ['its', 'their'].includes(tokens[pronoun]?.lower ?? ''))
      agent = possessorBefore(reader, pronoun);
    agentIsSubject = agent !== null && agent === subject;
    for (const s of entry.patient) {
      if (patient) break;
      if (s === 'poss') patient = possessorOf(reader, hit.head);
      else if (s === 'apposed') patient = apposedBefore(reader, hit.head);
      else if (s === 'subject') patient = subject !== agent ? subject : null;
      else patient = pick([s], following, entry.place, agent);
    }
    // 'a coup in Niger, which led ECOWAS to impose sanctions': the coup's country is punished.
    if (agent && !patient && SANCTION_NOUNS.has(head.lemma))
      patient = coupPlaceBefore(reader, hit.head, agent);
    // 'accusations by Sudan that the UAE is arming …': the one accused is the content
    // clause's subject.
    const singular = head.lower.replace(/s$/u, '');
    if (agent && !patient && [head.lemma, singular].some((w) => reader.lex.allegationNouns.has(w)))
      patient = contentSubject(reader, Math.max(hit.last, agent.last) + 1);
    if (
      agent &&
      !patient &&
      subject &&
      agent !== subject &&
      entry.polarity === 'cooperative' &&
      (verbBetween(reader, subject.last, hit.head) ||
        tokens[previousContent(tokens, hit.head)]?.lower === 'with') &&
      // 'militants overran a Kenyan army base': what is attacked helps no one.
      !objectOfHostileVerb(reader, subject.last, hit.head)
    )
      // 'X conducted strikes with support from Y': the help goes to the one who acts.
      patient = subject;
    if (
      agent &&
      !patient &&
      entry.polarity === 'cooperative' &&
      tokens[0]?.pos === 'ADP' &&
      !verbBetween(reader, -1, hit.head)
    ) {
      // 'Despite strong support from X, Haftar's forces were pushed back': a fronted phrase's
      // help goes to the subject of the clause after its comma.
      const comma = tokens.findIndex((t, k) => k > hit.head && t.lower === ',');
      const after = following.find(
        (f) =>
          comma > 0 &&
          f.group.first > comma &&
          tokens.slice(comma + 1, f.group.first).every((t) => t.pos === 'DET'),
      );
      if (after && after.group !== agent) patient = after.group;
    }
    if (agent && !patient && entry.type === 'armed_conflict' && !verbBetween(reader, -1, hit.head))
      // The attack is the subject of the clause: what it hit is the object of its verb.
      patient = objectOfNextVerb(reader, Math.max(hit.head, agent.last));
  } else {
    for (const s of entry.agent) {
      if (agent) break;
      // 'turned to Moscow': a capital named as a place can be the one who gives.
      agent = s === 'subject' ? subject : pick([s], following, entry.place, null);
    }
    for (const s of entry.patient) {
      if (patient) break;
      if (s === 'subject') patient = subject !== agent ? subject : null;
      else if (s === 'poss') patient = null;
      // 'ended its mission in Mali': where the ended mission or accord was is its other side.
      else patient = pick([s], following, entry.place || (s === 'in' && !!entry.with), agent);
    }
    if (!patient && entry.place && entry.type === 'military_support')
      patient = purposePlace(reader, hit, agent);
    if (!patient && entry.with) patient = accordParty(reader, hit, agent);
    if (!patient && entry.type === 'criticism') patient = coupCountry(reader, hit, following);
    // 'Chad announced that French troops would leave': the state that says so is the host.
    if (!patient && agent && entry.type === 'rupture' && entry.place && !hasObject(reader, hit)) {
      const host = reportedDeparture(reader, hit);
      if (host && !host.actorIds.some((id) => agent?.actorIds.includes(id))) patient = host;
    }
  }

  if (!patient && entry.mutual && subject && !isNoun) {
    // "Chad's relations with Sudan have soured": the other party sits inside the subject.
    for (let j = subject.last + 1; j < hit.head; j++) {
      const g = reader.groups[reader.groupAt[j] ?? -1];
      if (
        g &&
        g.kind === 'actor' &&
        (tokens[g.first - 1]?.lower === 'with' || tokens[g.first - 1]?.lower === 'between')
      ) {
        patient = g;
        break;
      }
    }
  }
  // 'visited eastern Libya to meet Haftar': a visit to a part of a state meets whoever holds
  // it, not the state.
  if (
    patient &&
    entry.place &&
    entry.type === 'diplomatic_engagement' &&
    namesRegion(reader, patient)
  )
    patient = null;
  const type = resolveType(reader, hit);
  if (entry.membership) {
    const near = [agent, patient, subject, ...following.map((f) => f.group)].filter(
      (g): g is Group => g !== null && g.kind === 'actor',
    );
    if (
      isNoun &&
      !near.some((g) => g.actorIds.some((id) => context.actorTypeOf(id) === 'alliance'))
    ) {
      // 'Since its founding by Mali, Niger and Chad, the AES has grown': the alliance follows.
      const named = reader.groups.find(
        (g) =>
          g.first > hit.head && g.actorIds.some((id) => context.actorTypeOf(id) === 'alliance'),
      );
      if (named) near.push(named);
    }
    const ids = [...new Set(near.flatMap((g) => g.actorIds))];
    const alliances = ids.filter((id) => context.actorTypeOf(id) === 'alliance');
    const members = ids.filter((id) => context.actorTypeOf(id) !== 'alliance');
    const traveller = [agent, patient, subject].find((g) => g?.tour);
    if (traveller) {
      const visited = ids.filter((id) => !traveller.actorIds.includes(id));
      const used = near.flatMap((g) => g.mentions);
      emit(
        reader,
        result,
        traveller.actorIds,
        visited,
        'diplomatic_engagement',
        'cooperative',
        hit,
        used,
      );
      return subject;
    }
    const owner = [agent, patient, subject].find((g) => g?.coalition);
    if (owner) {
      // The members of a state's coalition are its allies, alliances among them.
      const allies = ids.filter((id) => !owner.actorIds.includes(id));
      emit(
        reader,
        result,
        allies,
        owner.actorIds,
        type,
        entry.polarity,
        hit,
        near.flatMap((g) => g.mentions),
      );
      return subject;
    }
    if (alliances.length && members.length) {
      const used = near.flatMap((g) => g.mentions);
      // 'ECOWAS suspended Mali from the bloc' acts on the member; joining acts on the alliance.
      emit(reader, result, members, alliances, type, entry.polarity, hit, used);
      return subject;
    }
    if (entry.membershipOnly) return subject;
  }

  // Every name in the 'between' phrase: 'between the Ethiopian army and the TPLF'.
  const between = pick(['between', 'among'], following, false, null);
  if (entry.mutual && between && (!patient || patient.first === between.first)) {
    emitPairwise(reader, result, between.actorIds, hit, type, between.mentions);
    const mediator = mediatorOf(reader, hit, subject, between);
    if (mediator)
      emit(
        reader,
        result,
        mediator.actorIds,
        between.actorIds,
        'diplomatic_engagement',
        'cooperative',
        hit,
        [...mediator.mentions, ...between.mentions],
      );
    return subject;
  }
  if (agent?.joint && patient) {
    const [a, b] = agent.joint;
    const jointType = type === 'armed_conflict' ? 'military_support' : type;
    emit(reader, result, a, b, jointType, 'cooperative', hit, agent.mentions);
  }
  if (agent && patient && agent !== patient) {
    emit(reader, result, agent.actorIds, patient.actorIds, type, entry.polarity, hit, [
      ...agent.mentions,
      ...patient.mentions,
    ]);
    if (type === 'armed_conflict') {
      result.attackTargets.push(...patient.actorIds);
      result.attackAgents.push(...agent.actorIds);
    }
    return subject;
  }
  if (
    agent &&
    !patient &&
    entry.mutual &&
    !agent.compared &&
    (agentIsSubject || entry.agent[0] === 'object') &&
    agent.actorIds.length > 1 &&
    (isNoun || !hasObject(reader, hit)) &&
    !(entry.polarity === 'hostile' && facesThirdSide(reader, hit))
  ) {
    emitPairwise(reader, result, agent.actorIds, hit, type, agent.mentions);
    return subject;
  }
  if (agent && !patient && entry.claimsAttack && context.priorAttackTargets.length) {
    emit(
      reader,
      result,
      agent.actorIds,
      context.priorAttackTargets,
      type,
      entry.polarity,
      hit,
      agent.mentions,
    );
    return subject;
  }
  if (agent && !patient && type === 'criticism' && context.priorAttackAgents?.length) {
    // 'Somalia condemned the attack': the attack just reported, so its attackers.
    const attackers = context.priorAttackAgents.filter((id) => !agent.actorIds.includes(id));
    if (attackers.length && criticisesTheAttack(reader, hit)) {
      emit(reader, result, agent.actorIds, attackers, type, entry.polarity, hit, agent.mentions);
      return subject;
    }
  }
  if (!agent && patient && type === 'armed_conflict')
    result.attackTargets.push(...patient.actorIds);
  return subject;
}

const ACCORDS = new Set([
  'accord',
  'agreement',
  'pact',
  'deal',
  'treaty',
  'arrangement',
  'memorandum',
  'protocol',
]);

/**
 * 'scrapped the pact that let Russian warships dock at its port': an accord's other
 * party named in the relative clause right after it, the first actor there who is not the one
 * acting.
 */
function accordParty(reader: Reader, hit: Hit, agent: Group | null): Group | null {
  const { tokens, groupAt, groups } = reader;
  if (!ACCORDS.has(tokens[hit.last]?.lemma ?? '')) return null;
  const rel = tokens[hit.last + 1];
  if (!rel || (rel.lower !== 'that' && rel.lower !== 'which')) return null;
  for (let j = hit.last + 2; j < tokens.length && j <= hit.last + 12; j++) {
    const t = tokens[j];
    if (!t || HARD_BREAKS.has(t.text) || t.lower === ',') return null;
    const g = groups[groupAt[j] ?? -1];
    if (!g) continue;
    if (g.kind !== 'actor' || (agent && g.actorIds.every((id) => agent.actorIds.includes(id))))
      return null;
    return g;
  }
  return null;
}

/** Purpose verbs whose place is the one helped: 'sent troops to help (fight) … in Y'. */
const HELP_VERBS = new Set([
  'help',
  'assist',
  'support',
  'aid',
  'train',
  'bolster',
  'reinforce',
  'stabilise',
  'stabilize',
]);

/**
 * 'deployed 2,000 troops to help fight the insurgency in Mozambique': the place a purpose of
 * helping names. Only helping: 'sent troops to fight in Y' may be fighting Y.
 */
function purposePlace(reader: Reader, hit: Hit, agent: Group | null): Group | null {
  const { tokens } = reader;
  for (let j = hit.last + 1; j < tokens.length - 1; j++) {
    const t = tokens[j];
    if (!t || HARD_BREAKS.has(t.text) || (t.pos === 'VERB' && tokens[j - 1]?.lower !== 'to'))
      return null;
    if (t.lower !== 'to' || tokens[j + 1]?.pos !== 'VERB') continue;
    if (!HELP_VERBS.has(tokens[j + 1]?.lemma ?? '')) return null;
    // 'to help fight': the phrase follows the last verb of the chain.
    let k = j + 1;
    while (tokens[k + 1]?.pos === 'VERB') k++;
    return pick(['in', 'into'], followingGroups(reader, { head: k, last: k }), true, agent);
  }
  return null;
}

const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their']);

/**
 * Is the object of a criticism head a definite attack noun ('condemned the attack', 'denounced
 * Saturday's deadly assault', 'these killings')? 'Condemned attacks on civilians' refers to
 * no attack in particular.
 */
function criticisesTheAttack(reader: Reader, hit: Hit): boolean {
  const { tokens, groupAt, lex } = reader;
  let definite = false;
  for (let j = hit.last + 1; j <= hit.last + 5 && j < tokens.length; j++) {
    const t = tokens[j];
    if (!t || groupAt[j] !== -1) return false;
    if (t.pos === 'DET' || t.pos === 'PRON') {
      definite ||= DEFINITE.has(t.lower);
      continue;
    }
    // "Saturday's attack": a day's possessive makes it definite too.
    if (t.pos === 'PROPN' && /^['’]s$/u.test(tokens[j + 1]?.lower ?? '')) {
      definite = true;
      j++;
      continue;
    }
    if (t.pos === 'ADJ' || t.pos === 'ADV') continue;
    if (t.pos !== 'NOUN') return false;
    return (
      definite && entriesFor(lex, t).some((e) => e.type === 'armed_conflict' && e.pos !== 'verb')
    );
  }
  return false;
}

/**
 * 'brought in Wagner, the contractors engaged in raids on Y': an event noun inside a
 * participle phrase set off after a name belongs to that name, not to the clause subject.
 */
function appositionOwner(reader: Reader, head: number, subject: Group): Group {
  const { tokens, groups, groupAt } = reader;
  // Scanning back: the participle, then the noun phrase it modifies, then the comma.
  let participle = -1;
  let noun = false;
  for (let j = head - 1; j > subject.last; j--) {
    const t = tokens[j];
    if (!t) break;
    if (groupAt[j] !== -1) return subject;
    if (t.lower === ',') {
      const owner = groups[groupAt[j - 1] ?? -1];
      // ', the contractors engaged in' (a noun phrase), not ', aiming for' (an adverbial).
      const apposition = participle > j + 1 && noun;
      return apposition && owner && owner.kind === 'actor' && owner !== subject ? owner : subject;
    }
    if ((t.pos === 'VERB' || t.pos === 'ADJ') && /(?:ed|ing)$/u.test(t.lower)) {
      participle = j;
      noun = false;
    } else if (t.pos === 'NOUN' && participle > j) noun = true;
    else if (!/^(?:DET|ADJ|NOUN|ADV|ADP|NUM)$/u.test(t.pos)) return subject;
  }
  return subject;
}

/** The nearest actor before `j` marked as an owner ('Cairo's'), with no other actor between. */
function possessorBefore(reader: Reader, j: number): Group | null {
  const { tokens, groups, groupAt } = reader;
  for (let k = j - 1; k >= 0; k--) {
    const g = groups[groupAt[k] ?? -1];
    if (!g) continue;
    return g.kind === 'actor' && POSSESSIVE.has(tokens[g.last + 1]?.lower ?? '') ? g : null;
  }
  return null;
}

/** 'Somalia condemned the attack on X': the one who condemns an event did not do it. */
function commentsOn(reader: Reader, subject: Group, head: number): boolean {
  for (let k = head - 1; k > subject.last; k--) {
    const t = reader.tokens[k];
    if (t?.pos === 'VERB' && !PREPOSITIONAL_VERBS.has(t.lower))
      return reader.lex.commentVerbs.has(t.lemma);
  }
  return false;
}

/** 'hosted', 'brokered', 'mediated' (tagged as a verb or, before a noun, an adjective). */
function isMediatorWord(reader: Reader, t: Token | undefined): boolean {
  if (!t || (t.pos !== 'VERB' && t.pos !== 'ADJ')) return false;
  const verbs = reader.lex.mediatorVerbs;
  if (verbs.has(t.lemma)) return true;
  return (
    /ed$/u.test(t.lower) && (verbs.has(t.lower.slice(0, -1)) || verbs.has(t.lower.slice(0, -2)))
  );
}

/**
 * The third party that brings the two sides of 'talks between X and Y' together: the subject
 * of 'hosted', 'brokered', 'mediated' ('Qatar mediated talks between …'), the agent of the
 * passive after the phrase ('… between X and Y, hosted by Turkey') or the name joined to the
 * participle before the head ('the Qatar-brokered deal between …'). Welcoming or confirming
 * talks is no part in them.
 */
function mediatorOf(reader: Reader, hit: Hit, subject: Group | null, between: Group): Group | null {
  const { tokens, groups, groupAt } = reader;
  const apart = (g: Group | null | undefined): g is Group =>
    !!g && g.kind === 'actor' && g.actorIds.every((id) => !between.actorIds.includes(id));
  // 'the Qatar-brokered deal', 'the US-mediated talks'.
  const word = tokens[hit.head - 1];
  if (isMediatorWord(reader, word) && DASHES.has(tokens[hit.head - 2]?.text ?? '')) {
    const named = groups[groupAt[hit.head - 3] ?? -1];
    if (apart(named)) return named;
  }
  // '… between X and Y, hosted by Turkey', '… were brokered by Qatar'.
  let j = between.last + 1;
  if (tokens[j]?.lower === ',') j++;
  while (tokens[j]?.pos === 'AUX') j++;
  if (isMediatorWord(reader, tokens[j]) && tokens[j + 1]?.lower === 'by') {
    let k = j + 2;
    while (tokens[k]?.pos === 'DET') k++;
    const agent = groups[groupAt[k] ?? -1];
    if (apart(agent)) return agent;
  }
  // 'Qatar mediated talks between …': the head is the object of the subject's verb.
  if (apart(subject)) {
    for (let k = hit.head - 1; k > subject.last; k--) {
      const t = tokens[k];
      if (isMediatorWord(reader, t)) return subject;
      if (t?.pos === 'VERB' || groupAt[k] !== -1) return null;
    }
  }
  return null;
}

function firstSubject(reader: Reader): Group | null {
  for (const g of reader.groups) {
    if (g.kind !== 'actor') continue;
    if (!isOblique(reader, g, 0)) return g;
  }
  return null;
}

function emit(
  reader: Reader,
  result: SentenceResult,
  from: string[],
  to: string[],
  type: RelationType,
  polarity: Polarity,
  hit: Pick<Hit, 'head' | 'last'> & { entry?: EventEntry },
  named: Mention[],
): void {
  // A group can reach a head by two slots: each mention is cited once.
  const used = named.filter((m, k) => named.indexOf(m) === k);
  const triggerStart = reader.tokens[hit.head]?.start ?? 0;
  const triggerEnd = reader.tokens[hit.last]?.end ?? triggerStart;
  for (const a of from) {
    for (const b of to) {
      if (a === b) continue;
      result.relations.push({
        source: a,
        target: b,
        type,
        polarity,
        triggerStart,
        triggerEnd,
        trigger: reader.work.slice(triggerStart, triggerEnd),
        mentions: used,
        ...(hit.entry?.talks ? { talks: true as const } : {}),
      });
    }
  }
}

function emitPairwise(
  reader: Reader,
  result: SentenceResult,
  ids: string[],
  hit: Hit,
  type: RelationType,
  used: Mention[],
): void {
  const unique = [...new Set(ids)].sort();
  for (let i = 0; i < unique.length; i++)
    for (let j = i + 1; j < unique.length; j++) {
      const a = unique[i];
      const b = unique[j];
      if (a && b) emit(reader, result, [a], [b], type, hit.entry.polarity, hit, used);
    }
}

/**
 * Is the noun at `head` the object of a verb of a hostile event after `from` ('attacked a
 * Kenyan army base', 'overran the French camp')? Only its own phrase stands between them.
 */
function objectOfHostileVerb(reader: Reader, from: number, head: number): boolean {
  const { tokens, groupAt } = reader;
  let k = head - 1;
  while (
    k > from &&
    (groupAt[k] !== -1 || /^(?:DET|ADJ|NOUN|PROPN|NUM|PART)$/u.test(tokens[k]?.pos ?? ''))
  )
    k--;
  const t = tokens[k];
  return (
    k > from &&
    t?.pos === 'VERB' &&
    entriesFor(reader.lex, t).some((e) => e.polarity === 'hostile' && posMatches(e, t))
  );
}

/** Does a token head a hostile break: 'withdraw', 'leave', 'departure', 'removal'? */
function headsBreak(reader: Reader, t: Token | undefined): boolean {
  if (!t) return false;
  return entriesFor(reader.lex, t).some(
    (e) => e.type === 'rupture' && e.polarity === 'hostile' && posMatches(e, t) && !e.with,
  );
}

/**
 * 'urged France to withdraw its troops', 'demanded the exit of the UN force': a demand
 * that another actor leave is a break with it, though the leaving itself is not yet a fact.
 */
function readDemands(reader: Reader, context: SentenceContext, result: SentenceResult): void {
  const { tokens, groups, groupAt } = reader;
  for (let i = 0; i < tokens.length; i++) {
    const verb = tokens[i];
    if (!verb || verb.pos !== 'VERB' || !reader.lex.demandVerbs.has(verb.lemma)) continue;
    if (reader.attribution[i]) continue;
    let j = i + 1;
    if (tokens[j]?.lower === 'on' || tokens[j]?.lower === 'for') j++;
    let target: Group | undefined;
    const direct = groups[groupAt[j] ?? -1] ?? groups[groupAt[j + 1] ?? -1];
    if (direct && direct.kind === 'actor' && direct.first <= j + 1) {
      // 'urged France to withdraw its troops'.
      const to = tokens[direct.last + 1];
      if (to?.lower === 'to' && headsBreak(reader, tokens[direct.last + 2])) target = direct;
    } else {
      // 'demanded the (swift) exit of the UN force'.
      let k = j;
      while (/^(?:DET|ADJ)$/u.test(tokens[k]?.pos ?? '')) k++;
      if (
        headsBreak(reader, tokens[k]) &&
        tokens[k]?.pos === 'NOUN' &&
        tokens[k + 1]?.lower === 'of'
      ) {
        let m = k + 2;
        while (tokens[m]?.pos === 'DET') m++;
        const g = groups[groupAt[m] ?? -1];
        if (g && g.kind === 'actor') target = g;
      }
    }
    if (!target) continue;
    const clause = clauseStart(reader, i);
    let subject = subjectBefore(reader, i, clause.start);
    if (!subject && clause.opener === 'relative')
      subject = relativeAntecedent(reader, clause.start - 1);
    if (!subject) {
      const pronoun = pronounBefore(reader, i, clause.start);
      if (pronoun >= 0 && context.topic) subject = topicGroup(reader, pronoun, context.topic);
    }
    if (!subject || subject === target) continue;
    emit(
      reader,
      result,
      subject.actorIds,
      target.actorIds,
      'rupture',
      'hostile',
      { head: i, last: i },
      [...subject.mentions, ...target.mentions],
    );
  }
}

/**
 * 'Germany joined the US and the UK in issuing sanctions against X': those joined act too.
 */
function withJoined(reader: Reader, subject: Group, head: number): Group {
  const { tokens, groups, groupAt } = reader;
  let j = head - 1;
  while (j > head - 5 && /^(?:NOUN|ADJ|VERB|DET)$/u.test(tokens[j]?.pos ?? '') && groupAt[j] === -1)
    j--;
  if (tokens[j]?.lower !== 'in') return subject;
  const joined = groups[groupAt[j - 1] ?? -1];
  if (!joined || joined.kind !== 'actor' || joined === subject) return subject;
  let v = joined.first - 1;
  while (tokens[v]?.pos === 'DET') v--;
  if (tokens[v]?.pos !== 'VERB' || tokens[v]?.lemma !== 'join') return subject;
  return {
    ...subject,
    mentions: [...subject.mentions, ...joined.mentions],
    actorIds: [...new Set([...subject.actorIds, ...joined.actorIds])],
  };
}

/** What opens the list of an alliance's members or a state's allies. */
const ENUMERATION_OPENERS = new Set(['(', ':', '—', '–']);
/** 'the Quad countries (…)', 'the three AES member states—…': nouns between owner and list. */
const MEMBER_NOUNS = new Set(['member', 'state', 'country', 'nation', 'government', 'partner']);
/** 'their closest allies: …': nouns whose list names the owner's allies. */
const ALLY_NOUNS = new Set(['ally', 'partner', 'friend', 'backer']);
const QUOTES = new Set(['"', '“', '”', "'", '‘', '’']);

/**
 * Lists that name members or allies without a verb: 'the Quad countries (A, B, C)', 'the
 * three AES member states—A, B and C—', 'their sincere allies: A, B and C'. A list set off by
 * a bracket, colon or dash right after an alliance (and its member nouns) names its members;
 * after a possessed 'allies' or 'partners' it names the possessor's allies.
 */
function readEnumerations(reader: Reader, context: SentenceContext, result: SentenceResult): void {
  const { tokens, groups } = reader;
  for (const group of groups) {
    if (group.kind !== 'actor') continue;
    // A bracket after one name glues it to its list in one group: 'the Mechanism (A, B, C)'.
    let list = group;
    let open = group.first - 1;
    const inner = group.mentions.findIndex(
      (m, k) => k > 0 && tokens[tokenIndexAt(tokens, m.start) - 1]?.text === '(',
    );
    if (inner === 1) {
      const rest = group.mentions.slice(1);
      const first = tokenIndexAt(tokens, rest[0]?.start ?? 0);
      list = {
        ...group,
        first,
        start: rest[0]?.start ?? group.start,
        mentions: rest,
        actorIds: [...new Set(rest.flatMap((m) => m.actorIds))],
      };
      open = first - 1;
    }
    if (list.actorIds.length < 2 || list.mentions.length < 2) continue;
    if (tokens[open]?.lower === 'the') open--;
    const opener = tokens[open];
    if (!opener || !ENUMERATION_OPENERS.has(opener.text)) continue;
    const close = tokens[list.last + 1];
    if (opener.text === '(' && close?.text !== ')') continue;
    if (opener.text !== '(' && opener.text !== ':' && close && !DASHES.has(close.text)) {
      if (close.text !== ',' && close.pos !== 'PUNCT') continue;
    }
    let j = open - 1;
    while (QUOTES.has(tokens[j]?.text ?? '')) j--;
    let allies = false;
    let nouns = 0;
    while (tokens[j] && reader.groupAt[j] === -1 && nouns < 3) {
      const t = tokens[j];
      if (t?.pos === 'NOUN' && ALLY_NOUNS.has(t.lemma)) {
        allies = true;
        nouns++;
      } else if (t?.pos === 'NOUN' && MEMBER_NOUNS.has(t.lemma)) nouns++;
      else if (nouns > 0 && (t?.pos === 'ADJ' || t?.pos === 'NUM' || QUOTES.has(t?.text ?? '')))
        nouns += 0;
      else break;
      j--;
    }
    let owner: string[] | null = null;
    let ownerMentions: Mention[] = [];
    let named: Group | null = null;
    const g = groups[reader.groupAt[j] ?? -1];
    if (g && g !== list && g.kind === 'actor') {
      const ofAlliance = g.actorIds.every((id) => context.actorTypeOf(id) === 'alliance');
      const collective = g.mentions.length === 1 ? g.mentions[0]?.membersOf : undefined;
      if (g === group && inner === 1) owner = g.mentions[0]?.actorIds ?? null;
      else if (collective && !allies) {
        owner = [collective];
        named = g;
      } else if (ofAlliance && !allies) owner = g.actorIds;
      else if (allies && POSSESSIVE.has(tokens[g.last + 1]?.lower ?? '')) owner = g.actorIds;
      ownerMentions = g === group ? g.mentions.slice(0, 1) : g.mentions;
    } else if (allies && POSSESSIVE_PRONOUNS.has(tokens[j]?.lower ?? '')) {
      const pronoun = pronounBefore(reader, j, 0);
      // 'expelled from all three states, … what they called their allies': a plural pronoun
      // takes the plural group named before it in the sentence.
      const plural =
        tokens[j]?.lower === 'their'
          ? groups.findLast((p) => p.last < j && p.kind === 'actor' && p.actorIds.length > 1)
          : undefined;
      const subject = plural ?? (pronoun >= 0 ? null : subjectBefore(reader, j, 0));
      owner = subject?.actorIds ?? context.topic;
      ownerMentions = subject?.mentions ?? [];
    }
    if (!owner?.length) continue;
    const members = list.actorIds.filter((id) => !owner.includes(id));
    // The trigger is the member or ally noun ('member states', 'allies'), else the bracket.
    const trigger = named
      ? { head: named.first, last: named.last }
      : nouns > 0
        ? { head: j + 1, last: open - 1 }
        : { head: open, last: open };
    while (QUOTES.has(tokens[trigger.last]?.text ?? '') && trigger.last > trigger.head)
      trigger.last--;
    while (QUOTES.has(tokens[trigger.head]?.text ?? '') && trigger.head < trigger.last)
      trigger.head++;
    // Members join their alliance; a state's allies are the ones it turned to.
    const [from, to] = allies ? [owner, members] : [members, owner];
    emit(reader, result, from, to, 'alliance', 'cooperative', trigger, [
      ...ownerMentions,
      ...list.mentions,
    ]);
  }
}

/** 'fight jihadists' has an object; 'fought each other', 'met in Moscow' have none. */
/**
 * 'X and Y are fighting against jihadists', 'the war on terrorism': a hostile reciprocal head
 * whose other side is named apart (and is no actor, or it would be the patient) has its
 * subject's members on one side, not against each other. ('Agree on', 'talks on': a topic.)
 */
function facesThirdSide(reader: Reader, hit: Hit): boolean {
  const next = reader.tokens[hit.last + 1]?.lower;
  return next === 'against' || next === 'on';
}

function hasObject(reader: Reader, hit: Hit): boolean {
  const next = reader.tokens[hit.last + 1];
  if (!next) return false;
  if (next.lower === 'each' || next.lower === 'one') return false;
  return /^(?:NOUN|PROPN|DET|ADJ|NUM)$/u.test(next.pos);
}

/** One relation per pair and polarity in a sentence: the most specific type wins. */
function strongestPerPair(found: FoundRelation[]): FoundRelation[] {
  const best = new Map<string, FoundRelation>();
  for (const r of found) {
    const key = [r.source, r.target].sort().join('|') + '|' + r.polarity;
    const prev = best.get(key);
    if (!prev || TYPE_PRIORITY.indexOf(r.type) < TYPE_PRIORITY.indexOf(prev.type)) best.set(key, r);
  }
  return [...best.values()];
}
