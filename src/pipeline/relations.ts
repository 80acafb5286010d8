/**
 * Relations in a sentence: trigger words from the lexicon, their polarity, negation and
 * hedging, and who acts on whom from a shallow reading of the clause (subject and object
 * groups, passive 'by', relative 'who', possessives, 'between', attribution).
 */
import { fastVariant, textMode, Twin, withTwin, type Lexicon, type Trigger } from './lexicon';
import { advance, type Mention } from './mentions';
import type { Polarity, RelationType } from '../model/schema';

export interface Group {
  start: number;
  end: number;
  mentions: Mention[];
  actorIds: string[];
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
}

export interface SentenceResult {
  relations: FoundRelation[];
  /** Triggers left out because they were negated or hedged. */
  suppressed: number;
  /** The actors attacked in this sentence, for a later 'claimed responsibility'. */
  attackTargets: string[];
  /** The last acting group, the topic a later subject-less 'the reliance on X' refers to. */
  topic: string[] | null;
}

/** Between two groups after a trigger: they are both its objects ('X and groups linked to Y', 'X, including Y'). */
const OBJECT_EXTEND =
  /^\s*(?:[\p{L}-]+\s*){0,2}?[\s,]*(?:(?:and|or|as well as|including|such as|like|notably|especially|namely|along with)\b[^,.;:]{0,40}?|\(\s*)$/iu;

const GLUE =
  /^\s*(?:,|;|-|–|\/)?\s*(?:(?:and|or|&|as well as|plus|along with|together with)\s+)?(?:the\s+)?$/iu;
const GLUE_FAST = fastVariant(GLUE.source, GLUE.flags) ?? GLUE;
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

const CONJUNCTION = withTwin('\\b(?:and|or|as well as|plus|along with|together with)\\b|&', 'iu');

function groupMentions(work: string, mentions: Mention[], fast: boolean): Group[] {
  const conjunctionRe = fast ? CONJUNCTION.fastRegex : CONJUNCTION.regex;
  const glueRe = fast ? GLUE_FAST : GLUE;
  const groups: Group[] = [];
  // A list closed by 'and'/'or' ('Mali, Burkina Faso and Niger') takes no further comma item.
  let closed = false;
  for (const m of mentions) {
    const prev = groups[groups.length - 1];
    const glue = prev ? work.slice(prev.end, m.start) : '';
    const conjunction = prev ? conjunctionRe.test(glue) : false;
    if (
      prev &&
      prev.mentions[0]?.kind === m.kind &&
      glueRe.test(glue) &&
      !(closed && !conjunction)
    ) {
      closed ||= conjunction;
      prev.mentions.push(m);
      prev.end = m.end;
      for (const id of m.actorIds) if (!prev.actorIds.includes(id)) prev.actorIds.push(id);
      continue;
    }
    closed = false;
    groups.push({ start: m.start, end: m.end, mentions: [m], actorIds: [...m.actorIds] });
  }
  // 'With Chinese minister Wang Yi, Lavrov said…': a comma after a fronted phrase ends it; it
  // does not make a list. A list joined by commas alone stays one only where no preposition leads it.
  return groups.flatMap((g) => {
    if (g.mentions.length < 2) return [g];
    const glues = g.mentions
      .slice(1)
      .map((m, i) => work.slice(g.mentions[i]?.end ?? m.start, m.start));
    const commasOnly = glues.every((x) => !conjunctionRe.test(x));
    const fronted =
      /\b(?:with|at|in|from|after|during|to|for|by|of|on|under|between|among|against|like)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/iu.test(
        work.slice(Math.max(0, g.start - 40), g.start),
      );
    if (!commasOnly || !fronted) return [g];
    return g.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      mentions: [m],
      actorIds: [...m.actorIds],
    }));
  });
}

/** Spans whose names report rather than act: 'according to Lavrov', ', the Kremlin said.' */
const ACCORDING_TO = withTwin('\\baccording to\\b[^,;.]*', 'giu');
// Only a closing 'X said (in a statement)' or 'said X, analyst at Y' is an attribution.
const SAID_TAIL = withTwin(
  '[,"”]\\s*["”]?\\s*(?:[^,"”]{0,60}?\\s+(?:said|says|reported|reports|added|told|noted|stated|announced|wrote|quoted)(?:\\s+(?:in|on|at|to|via|during)\\b[^,"”]{0,40})?|(?:said|says|added|noted)\\s+[^"”]{0,80})\\s*[.!]?\\s*$',
  'iu',
);

function attributionSpans(
  sentence: string,
  offset: number,
  fast: boolean,
): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const according = fast ? ACCORDING_TO.fastRegex : ACCORDING_TO.regex;
  according.lastIndex = 0;
  for (let m = according.exec(sentence); m !== null; m = according.exec(sentence))
    spans.push([offset + m.index, offset + m.index + m[0].length]);
  const tail = (fast ? SAID_TAIL.fastRegex : SAID_TAIL.regex).exec(sentence);
  if (tail) spans.push([offset + tail.index, offset + sentence.length]);
  return spans;
}

interface TriggerHit {
  start: number;
  end: number;
  trigger: Trigger;
  text: string;
}

function findTriggers(
  lex: Lexicon,
  sentence: string,
  offset: number,
  mentions: Mention[],
): TriggerHit[] {
  const hits: TriggerHit[] = [];
  const mode = textMode(sentence);
  for (const t of lex.triggers) {
    // exec over the shared global regex instead of matchAll, which clones it on every call.
    const re = (mode === 2 && t.asciiRegex) || (mode > 0 && t.fastRegex) || t.regex;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
      if (m[0].length === 0) re.lastIndex = advance(sentence, re.lastIndex);
      const start = offset + m.index;
      const end = start + m[0].length;
      // A trigger word inside a name ('Alliance of Sahel States') is part of the name.
      if (mentions.some((x) => start >= x.start && start < x.end)) continue;
      hits.push({ start, end, trigger: t, text: m[0] });
    }
  }
  hits.sort(
    (a, b) =>
      a.start - b.start || b.end - b.start - (a.end - a.start) || a.trigger.index - b.trigger.index,
  );
  const out: TriggerHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) continue;
    out.push(h);
  }
  return out;
}

function resolveType(
  lex: Lexicon,
  t: Trigger,
  work: string,
  hit: TriggerHit,
  sStart: number,
  sEnd: number,
  fast: boolean,
): RelationType {
  if (t.type !== 'auto') return t.type;
  const near = work.slice(Math.max(sStart, hit.start - 60), Math.min(sEnd, hit.end + 60));
  for (const c of lex.cues) if ((fast ? c.fastRegex : c.regex).test(near)) return c.type;
  const whole = work.slice(sStart, sEnd);
  for (const c of lex.cues) if ((fast ? c.fastRegex : c.regex).test(whole)) return c.type;
  return 'diplomatic_engagement';
}

/**
 * Where the sentence's clause breaks end: after ';', ':' or ', but|while|whereas|although|though'.
 * `open` marks a conjunction followed by a word character, which ends a clause only for a
 * position right after it (the text before that position ends there).
 */
interface ClauseBreak {
  end: number;
  open: boolean;
}

const CLAUSE_BREAK = /[;:]|,\s+(?:but|while|whereas|although|though)/gu;

function clauseBreaks(sentence: string, offset: number): ClauseBreak[] {
  const out: ClauseBreak[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(sentence); m !== null; m = CLAUSE_BREAK.exec(sentence)) {
    const end = m.index + m[0].length;
    out.push({ end: offset + end, open: m[0].length > 1 && isAsciiWordChar(sentence, end) });
  }
  return out;
}

function isAsciiWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 // _
  );
}

/**
 * The start of the clause that `pos` is in: what
 * `/.*(?:[;:]|,\s+(?:but|while|whereas|although|though)\b)/su` matches in the sentence's text
 * before `pos` (the last break that ends by `pos`; its matches cannot overlap).
 */
function clauseStart(breaks: ClauseBreak[], sStart: number, pos: number): number {
  for (let i = breaks.length - 1; i >= 0; i--) {
    const b = breaks[i];
    if (b && b.end <= pos && (!b.open || b.end === pos)) return b.end;
  }
  return sStart;
}

// The inline regexes of extractRelations, with their twins (all run on pieces of the sentence).
const REPORTED_FUTURE = new Twin(
  /\b(?:announced|said|decided|declared|confirmed|agreed|vowed|pledged)\b[^.;]{0,40}\bwould\s+(?:[\p{L}]+\s+){0,2}$/iu,
);
const FORMER_TIE = new Twin(/\b(?:former|erstwhile|ex-)\s*(?:[\p{L}-]+\s+){0,2}$/iu);
const OF_CHAIN = new Twin(/^\s*(?:[\p{L}-]+\s+){0,2}of\s+(?:the\s+)?$/iu);
const RELATIVE_AFTER_GROUP = new Twin(/^\s*,?\s*(?:who|which|that)\b/iu);
const RELATIVE_BEFORE_TRIGGER = new Twin(
  /\b(?:who|which|that)\s+(?!(?:they|it|he|she|we)\b)(?:[\p{L}']+\s+){0,3}$/iu,
);
const ADVERBIAL_NOUN_PHRASE = new Twin(
  /\b(?:following|after|amid|before|despite|since|during|over)\s+(?:the|a|an|its|their)\s+(?:[\p{L}-]+\s+){0,2}$/iu,
);
const PRONOUN_SUBJECT = new Twin(/\b(?:they|it)\s+(?:[\p{L}']+\s+){0,2}$/iu);
const PLURAL_PRONOUN = new Twin(/\bthey\s+(?:[\p{L}']+\s+){0,2}$/iu);
const POSSESSIVE_GAP = new Twin(/^(?:'s|’s)\s+(?:[\p{L}-]+\s+){0,3}$/u);
const FOR_OF_BY_TAIL = new Twin(/\b(?:for|of|by)\s+(?:its|their|his|her)?\s*$/iu);
const GERUND = new Twin(/ing\b/iu);
const POSSESSIVE_PRONOUN_TAIL = new Twin(/\b(?:its|their)\s*$/iu);
const STARTS_WITH_COMMA = new Twin(/^\s*,/u);
const ONE_COMMA_GAP = new Twin(/^[^,]{0,40},[^,]{0,40}$/u);
const ADVERBIAL_TAIL = new Twin(
  /\b(?:following|after|amid|before|despite|since|during|over)\s+(?:the|a|an)?\s*(?:[\p{L}-]+\s+){0,2}$/iu,
);
const DEFINITE_ARTICLE_TAIL = new Twin(/\bthe\s+$/iu);
const FIRST_WORD = new Twin(/^\S+/u);
const BY_AGENT_GAP = new Twin(
  /^\s*,?\s*(?:(?:which|that|who)\s+)?(?:[\p{L}\d-]+\s+){0,4}?by\s+(?:the\s+)?(?:[\p{L}\u2011-]+\s+){0,3}?(?:of\s+)?$/iu,
);
const OF_BEING = new Twin(/\bof being\b/iu);
const CONTINUING_PHRASE = new Twin(
  /^\s*(?:from|to|with|in|into|on|against|by|including|such as|like|notably|especially|namely|and|or)\b/iu,
);
const APPOSITIVE_GAP = new Twin(/^\s*(?:[\p{L}-]+\s*){0,3}[,(][^.;:]{0,30}$/u);
const MOTION_NOUN = new Twin(/^(?:visit|dispatch|deploy|arrival|deliver|withdraw)/iu);
const OF_FROM_AGENT_GAP = new Twin(
  /^\s*(?:of|from)\s+(?:[\p{L}-]+\s+){0,3}?(?:from\s+)?(?:the\s+)?$/iu,
);
const DESTINATION_GAP = new Twin(/^\s*(?:to|in|into|with|on|against)\s+(?:the\s+)?$/iu);
const APPOSED_MEMBERS_GAP = new Twin(
  /^(?!.*\b(?:and|or)\b)[\s,—–-]*(?:(?:are|is|as|were|was|became|become|becomes|all)\s+)?(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+)?$/iu,
);
const CLOSED_RELATIVE = new Twin(/,\s*(?:which|who)\b[^,;]*,\s*(?:[\p{L}']+\s+){0,2}$/iu);
/** 'the AES, a confederation that has deepened ties…': the relative clause's subject is the named group. */
const APPOSED_RELATIVE = new Twin(
  /^\s*,\s*(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:that|which|who)\s+(?:[\p{L}']+\s+){0,3}$/iu,
);
const FOUNDING_NOUN = new Twin(/^(?:establishment|founding|formation|creation)$/iu);
const BETWEEN_GAP = new Twin(/^\s*(?:between|among)\s+(?:the\s+)?$/iu);
const CLAIM_OF_ATTACK = new Twin(/claimed responsibility|carr(?:y|ied) out/iu);

/**
 * Extracts the relations one sentence states. `mentions` are the sentence's actor mentions;
 * `priorAttackTargets` are actors attacked earlier in the article.
 */
export function extractRelations(
  lex: Lexicon,
  work: string,
  sStart: number,
  sEnd: number,
  mentions: Mention[],
  priorAttackTargets: string[],
  actorTypeOf: (id: string) => string,
  topic: string[] | null = null,
): SentenceResult {
  const sentence = work.slice(sStart, sEnd);
  // Every text the regexes below test is a piece of the sentence.
  const mode = textMode(sentence);
  const fast = mode > 0;
  const attribution = attributionSpans(sentence, sStart, fast);
  const live = mentions.filter((m) => !attribution.some(([a, b]) => m.start >= a && m.end <= b));
  const groups = groupMentions(work, live, fast);
  const actorGroups = groups.filter((g) => g.mentions[0]?.kind === 'actor');
  const triggers = findTriggers(lex, sentence, sStart, mentions);
  const result: SentenceResult = { relations: [], suppressed: 0, attackTargets: [], topic };
  if (!triggers.length) {
    if (actorGroups[0]) result.topic = actorGroups[0].actorIds;
    return result;
  }
  let previousSubject: Group | null = null;

  const firstTrigger = triggers[0]?.start ?? sEnd;
  let currentSubject: Group | null = actorGroups.find((g) => g.end <= firstTrigger) ?? null;
  let lastObject: Group | null = null;
  let lastEnd = sStart;
  const consumed = new Set<Group>();
  const breaks = clauseBreaks(sentence, sStart);
  const found = result.relations;

  for (const [index, hit] of triggers.entries()) {
    const t = hit.trigger;
    const cStart = clauseStart(breaks, sStart, hit.start);
    const window = work.slice(Math.max(cStart, hit.start - 45), hit.start);
    const nextTrigger = triggers[index + 1]?.start ?? sEnd;
    // 'announced that they would leave' reports a decision; 'may leave' does not.
    const reportedFuture = REPORTED_FUTURE.pick(mode).test(window);
    const hypothetical = fast ? lex.hypotheticalFast : lex.hypothetical;
    const negation = fast ? lex.negationFast : lex.negation;
    const hedged = hypothetical.test(reportedFuture ? window.replace(/\bwould\b/giu, '') : window);
    // 'former security partners' names a tie that has ended, not one that holds.
    if (FORMER_TIE.pick(mode).test(window)) {
      lastEnd = hit.end;
      continue;
    }
    if (negation.test(window) || negation.test(hit.text) || hedged) {
      result.suppressed++;
      lastEnd = hit.end;
      continue;
    }
    const type = resolveType(lex, t, work, hit, sStart, sEnd, fast);
    const polarity = t.polarity;
    const before = actorGroups.filter((g) => g.end <= hit.start);
    const prev = before[before.length - 1] ?? null;
    const gap = prev ? work.slice(prev.end, hit.start) : '';
    const tail = work.slice(Math.max(sStart, hit.start - 30), hit.start);

    // Who acts.
    let subject: Group | null;
    const head = prev ? before[before.length - 2] : undefined;
    const ofChain = prev && head && OF_CHAIN.pick(mode).test(work.slice(head.end, prev.start));
    const subjectPrev: Group | null =
      prev && head && ofChain
        ? {
            start: head.start,
            end: prev.end,
            mentions: [...head.mentions, ...prev.mentions],
            actorIds: [...new Set([...head.actorIds, ...prev.actorIds])],
          }
        : prev;
    let viaRelative = false;
    // 'Wagner, which is backed by Moscow, fought JNIM': after a closed relative clause the
    // subject is the group it describes.
    const closedRelative = CLOSED_RELATIVE.pick(mode).exec(work.slice(sStart, hit.start));
    const antecedent = closedRelative
      ? before.filter((g) => g.end <= sStart + closedRelative.index).at(-1)
      : undefined;
    if (
      antecedent &&
      closedRelative &&
      !/\S/u.test(work.slice(antecedent.end, sStart + closedRelative.index))
    ) {
      subject = antecedent;
    } else if (prev && RELATIVE_AFTER_GROUP.pick(mode).test(gap)) {
      subject = prev;
      viaRelative = true;
    } else if (prev && APPOSED_RELATIVE.pick(mode).test(gap)) {
      subject = prev;
      viaRelative = true;
    } else if (t.pos === 'verb' && RELATIVE_BEFORE_TRIGGER.pick(mode).test(tail)) subject = null;
    else if (ADVERBIAL_NOUN_PHRASE.pick(mode).test(tail)) subject = null;
    else if (
      PRONOUN_SUBJECT.pick(mode).test(tail) &&
      !(prev && lastObject && prev.start > lastObject.end) &&
      (currentSubject || lastObject)
    ) {
      // A pronoun refers to the plural subject if there is one, else to the last object.
      const plural = PLURAL_PRONOUN.pick(mode).test(tail);
      subject =
        plural && currentSubject && currentSubject.actorIds.length > 1
          ? currentSubject
          : (lastObject ?? currentSubject);
    } else if (prev && POSSESSIVE_GAP.pick(mode).test(gap)) subject = prev;
    else if (
      lastObject &&
      FOR_OF_BY_TAIL.pick(mode).test(tail) &&
      (GERUND.pick(mode).test(hit.text) || POSSESSIVE_PRONOUN_TAIL.pick(mode).test(tail))
    )
      subject = lastObject;
    else if (
      prev &&
      head &&
      !consumed.has(head) &&
      head.start >= Math.max(lastEnd, cStart) &&
      STARTS_WITH_COMMA.pick(mode).test(work.slice(head.end, prev.start)) &&
      ONE_COMMA_GAP.pick(mode).test(gap)
    )
      // An apposition between commas ('Senegal and Mauritania, both ECOWAS members, called…').
      subject = head;
    else if (prev && !consumed.has(prev) && prev.start >= Math.max(lastEnd, cStart))
      subject = subjectPrev;
    else if (t.pos === 'noun' && ADVERBIAL_TAIL.pick(mode).test(tail)) subject = null;
    else if (
      !currentSubject &&
      t.pos === 'noun' &&
      t.frame === 'svo' &&
      topic &&
      DEFINITE_ARTICLE_TAIL.pick(mode).test(tail)
    )
      subject = { start: hit.start, end: hit.start, mentions: [], actorIds: topic };
    else subject = currentSubject;

    // On whom.
    // Objects follow the trigger, or sit inside it after its first word ('orders U.S. troops out').
    const firstWordEnd = hit.start + (FIRST_WORD.pick(mode).exec(hit.text)?.[0].length ?? 0);
    const afterGroups = groups.filter(
      (g) => (g.start >= hit.end || (g.start > firstWordEnd && g.end <= hit.end)) && g.start < sEnd,
    );
    const byAgent = afterGroups.find(
      (g) =>
        BY_AGENT_GAP.pick(mode).test(work.slice(hit.end, g.start)) &&
        !OF_BEING.pick(mode).test(work.slice(hit.end, g.start)) &&
        g.mentions[0]?.kind === 'actor',
    );
    const objectCandidates = afterGroups.filter(
      (g) =>
        g !== byAgent &&
        (g.mentions[0]?.kind === 'actor' || t.placeObject) &&
        g.start < Math.max(nextTrigger, hit.end + 1) + 200,
    );
    let object: Group | null = objectCandidates[0] ?? null;
    if (
      object &&
      t.frame !== 'gather' &&
      object.start > nextTrigger &&
      !work.slice(nextTrigger, object.start).includes(',') &&
      triggers[index + 1]?.trigger.frame !== 'gather'
    ) {
      // The next trigger is nearer to that group; it is its object, not ours.
      object = null;
    }
    if (object && viaRelative && work.slice(hit.end, object.start).includes(',')) object = null;
    // Across a comma only a phrase that continues the trigger ('…, from Mali', '…, including France').
    if (object && t.frame !== 'gather' && t.frame !== 'membership') {
      const between = work.slice(hit.end, object.start);
      const afterComma = between.slice(between.lastIndexOf(',') + 1);
      if (between.includes(',') && !CONTINUING_PHRASE.pick(mode).test(afterComma)) object = null;
    }
    if (object) {
      const extended: Group = {
        ...object,
        mentions: [...object.mentions],
        actorIds: [...object.actorIds],
      };
      for (const g of objectCandidates.slice(1)) {
        const appositive =
          g.actorIds.every((id) => extended.actorIds.includes(id)) &&
          APPOSITIVE_GAP.pick(mode).test(work.slice(extended.end, g.start));
        if (triggers.some((x) => x.start >= extended.end && x.start < g.start)) break;
        if (!appositive && !OBJECT_EXTEND.test(work.slice(extended.end, g.start))) break;
        extended.end = g.end;
        extended.mentions.push(...g.mentions);
        for (const id of g.actorIds)
          if (!extended.actorIds.includes(id)) extended.actorIds.push(id);
        consumed.add(g);
      }
      consumed.add(object);
      object = extended;
      consumed.add(object);
    }
    const ofAgent: Group | undefined =
      (!subject && t.pos === 'noun') || (!subject && MOTION_NOUN.pick(mode).test(hit.text))
        ? afterGroups.find(
            (g) =>
              g.mentions[0]?.kind === 'actor' &&
              OF_FROM_AGENT_GAP.pick(mode).test(work.slice(hit.end, g.start)),
          )
        : undefined;
    if (ofAgent && object && ofAgent.start === object.start) {
      const rest: Group | undefined = objectCandidates.find(
        (g) =>
          g.start > ofAgent.end &&
          (t.placeObject || g.mentions[0]?.kind === 'actor') &&
          DESTINATION_GAP.pick(mode).test(work.slice(ofAgent.end, g.start)),
      );
      subject = ofAgent;
      object = rest ?? null;
    }
    if (byAgent) {
      // Passive: 'a blockade orchestrated by X (on Y)', 'was expelled by X'.
      const patient = object ?? (subject && subject !== byAgent ? subject : null);
      if (patient)
        emit(found, byAgent.actorIds, patient.actorIds, type, polarity, hit, false, [
          ...byAgent.mentions,
          ...patient.mentions,
        ]);
      if (t.type === 'armed_conflict' && patient) result.attackTargets.push(...patient.actorIds);
      if (patient) consumed.add(patient);
      lastEnd = hit.end;
      continue;
    }

    let objectUsedUp = true;
    switch (t.frame) {
      case 'gather': {
        const all = afterGroups
          .filter((g) => g.start < nextTrigger || g === afterGroups[0])
          .flatMap((g) => g.mentions.filter((m) => m.kind === 'actor'));
        const ids = [...new Set(all.flatMap((m) => m.actorIds))];
        pairwise(found, ids, type, polarity, hit, all);
        break;
      }
      case 'membership': {
        const apposed = prev && APPOSED_MEMBERS_GAP.pick(mode).test(gap) ? prev : subject;
        const nominal = FOUNDING_NOUN.pick(mode).test(hit.text);
        const near = [
          apposed,
          object,
          ...(nominal ? actorGroups.filter((g) => g.start >= cStart) : []),
        ].filter((g): g is Group => g !== null);
        const alliances = [
          ...new Set(
            near.flatMap((g) => g.actorIds).filter((id) => actorTypeOf(id) === 'alliance'),
          ),
        ];
        const members = [
          ...new Set(
            near.flatMap((g) => g.actorIds).filter((id) => actorTypeOf(id) !== 'alliance'),
          ),
        ];
        const used = near.flatMap((g) => g.mentions);
        if (alliances.length) emit(found, members, alliances, type, polarity, hit, false, used);
        break;
      }
      case 'reverse': {
        if (object && subject)
          emit(found, object.actorIds, subject.actorIds, type, polarity, hit, false, [
            ...object.mentions,
            ...subject.mentions,
          ]);
        if (object && subject && type === 'armed_conflict')
          result.attackTargets.push(...subject.actorIds);
        break;
      }
      default: {
        const reciprocal = t.frame === 'reciprocal';
        const between = object && BETWEEN_GAP.pick(mode).test(work.slice(hit.end, object.start));
        if (between && object) {
          pairwise(found, object.actorIds, type, polarity, hit, object.mentions);
        } else if (subject && object && subject !== object) {
          // The text names who acts: keep its direction even for a reciprocal trigger.
          emit(found, subject.actorIds, object.actorIds, type, polarity, hit, false, [
            ...subject.mentions,
            ...object.mentions,
          ]);
          if (type === 'armed_conflict') result.attackTargets.push(...object.actorIds);
        } else if (subject && !object && reciprocal && subject.actorIds.length > 1) {
          pairwise(found, subject.actorIds, type, polarity, hit, subject.mentions);
        } else if (
          subject &&
          !object &&
          CLAIM_OF_ATTACK.pick(mode).test(hit.text) &&
          priorAttackTargets.length
        ) {
          emit(
            found,
            subject.actorIds,
            priorAttackTargets,
            type,
            polarity,
            hit,
            false,
            subject.mentions,
          );
        } else if (
          subject &&
          !object &&
          lastObject &&
          previousSubject &&
          subject.actorIds.join() === previousSubject.actorIds.join() &&
          triggers[index - 1]?.trigger.polarity === polarity
        ) {
          emit(found, subject.actorIds, lastObject.actorIds, type, polarity, hit, reciprocal, [
            ...subject.mentions,
            ...lastObject.mentions,
          ]);
        } else if (!subject && object && reciprocal && object.actorIds.length > 1) {
          pairwise(found, object.actorIds, type, polarity, hit, object.mentions);
          objectUsedUp = false;
        } else if (!subject && object && type === 'armed_conflict') {
          result.attackTargets.push(...object.actorIds);
        }
      }
    }
    previousSubject = subject;
    if (subject) {
      currentSubject = subject;
      result.topic = subject.actorIds;
    }
    if (object && objectUsedUp) lastObject = object;
    else if (object) {
      consumed.delete(object);
      for (const g of groups)
        if (g.start >= object.start && g.end <= object.end) consumed.delete(g);
    }
    lastEnd = hit.end;
  }
  return { ...result, relations: strongestPerPair(result.relations) };
}

/** Module-level (not closures): tsx names every closure it creates, at a cost per call. */
function emit(
  found: FoundRelation[],
  from: string[],
  to: string[],
  type: RelationType,
  polarity: Polarity,
  hit: TriggerHit,
  reciprocal: boolean,
  used: Mention[],
): void {
  for (const a of from) {
    for (const b of to) {
      if (a === b) continue;
      const [source, target] = reciprocal && b < a ? [b, a] : [a, b];
      found.push({
        source,
        target,
        type,
        polarity,
        triggerStart: hit.start,
        triggerEnd: hit.end,
        trigger: hit.text,
        mentions: used,
      });
    }
  }
}

function pairwise(
  found: FoundRelation[],
  ids: string[],
  type: RelationType,
  polarity: Polarity,
  hit: TriggerHit,
  used: Mention[],
): void {
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? '';
      const b = ids[j] ?? '';
      if (a !== b) emit(found, [a < b ? a : b], [a < b ? b : a], type, polarity, hit, true, used);
    }
  }
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
