/**
 * Actors the dictionary lacks, found in the text the way a reader finds them: an acronym
 * defined in parentheses ('the Allied Democratic Forces (ADF)', after which a bare 'ADF' is
 * the same actor for the rest of the article), and a proper name with the head of an armed
 * actor ('Fano militia', '… People's Liberation Front'). A state's name or demonym followed
 * only by agent words ('Sudanese Armed Forces', 'Rwanda Defence Force') is that state.
 */
import type { Lexicon } from './lexicon';
import { slug, type Discourse, type DiscoveredOrg, type Mention } from './mentions';
import type { ActorType } from '../model/schema';

export interface Span {
  start: number;
  end: number;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Lower-case words allowed inside a name ('Forces for the Liberation of Rwanda'). */
const CONNECTORS = new Set([
  'of',
  'the',
  'for',
  'and',
  'de',
  'du',
  'des',
  'la',
  'al',
  'el',
  'wal',
  'in',
  'on',
  '&',
]);
/** Words a headline in title case leaves in lower case ('… Ties with Russia Amid …'). */
const TITLE_SMALL_WORDS = new Set([
  'with',
  'from',
  'into',
  'onto',
  'over',
  'amid',
  'after',
  'than',
  'upon',
  'near',
]);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]|&/gu;
const ACRONYM_DEF = /\(\s*([\p{Lu}][\p{L}\p{N}&/-]{1,9})\s*\)/gu;
/** A backer before a head ('Rwandan-backed rebels', 'Iran-aligned militias'). */
const BACKED = /^\p{Lu}[\p{L}.'’-]*-(backed|supported|sponsored|allied|aligned|armed|funded)$/u;
const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/u;

function words(work: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const text = work.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text))
    out.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length });
  return out;
}

const isCapital = (w: string) => /^\p{Lu}/u.test(w);
const bare = (w: string) => w.toLowerCase().replace(/['’]s$/u, '');

/** Finds discovered actors in `work[start, end)` and edits `out` (the sentence's mentions) in place. */
export function discoverActors(
  work: string,
  start: number,
  end: number,
  lex: Lexicon,
  out: Mention[],
  blocked: Span[],
  orgs: Map<string, DiscoveredOrg>,
  articleAliases: Map<string, string>,
  discourse: Discourse,
): void {
  const d = lex.discovery;
  // Nothing to find without a head word ('Front', 'rebels') or a bracket (an acronym).
  const lowered = work.slice(start, end).toLowerCase();
  if (!lowered.includes('(') && !d.anyGroupHead.some((h) => lowered.includes(h))) {
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    return;
  }
  const sentenceWords = words(work, start, end);
  const inside = (s: Span, a: Span) => a.start >= s.start && a.end <= s.end;
  const overlaps = (s: Span, a: Span) => a.start < s.end && a.end > s.start;

  /** The one actor a name stands for when it is a state plus agent words, else null. */
  const stateOf = (name: Span, nameWords: Word[]): string | null => {
    // A group named by agent words only ('People's Defence Force') inside a state's army name
    // ('Uganda People's Defence Force') is part of that name.
    const within = out.filter((m) => overlaps(name, m) && !agentWordsOnly(m));
    const ids = new Set(within.flatMap((m) => m.actorIds));
    if (within.length === 0 || ids.size !== 1) return null;
    // A place is no state's agent: 'Goma Security Council' is not the DRC.
    if (within.some((m) => m.kind === 'place')) return null;
    if (!within.every((m) => inside(name, m))) return null;
    const rest = nameWords.filter((w) => !within.some((m) => overlaps(m, w)));
    return rest.every((w) => d.agentWords.has(bare(w.text))) ? ([...ids][0] ?? null) : null;
  };

  /** A mention of a non-state actor whose words are all agent words ('People's Defence Force'). */
  const agentWordsOnly = (m: Mention): boolean =>
    m.kind === 'actor' &&
    lex.actors.get(m.actorIds[0] ?? '')?.type !== 'country' &&
    words(work, m.start, m.end).every((w) => d.agentWords.has(bare(w.text)));

  const registerAs = (id: string, name: string, type: ActorType): void => {
    // The same name for every order of input files: the first in code-unit order.
    const seen = orgs.get(id);
    if (!seen || name < seen.name) orgs.set(id, { id, name, type: seen?.type ?? type });
    const found = (discourse.discovered ??= new Map());
    if (!found.has(id)) found.set(id, name);
  };

  const register = (name: string, type: ActorType): string => {
    const id =
      articleAliases.get(name) ?? `${type === 'armed_group' ? 'group' : 'org'}-${slug(name)}`;
    registerAs(id, name, type);
    articleAliases.set(name, id);
    return id;
  };

  const replace = (span: Span, actorId: string, surface: string, parts?: string[]) => {
    for (let i = out.length - 1; i >= 0; i--) {
      const m = out[i];
      if (m && overlaps(span, m)) out.splice(i, 1);
    }
    const mention: Mention = { ...span, actorIds: [actorId], kind: 'actor', surface };
    if (parts) mention.parts = parts;
    out.push(mention);
  };

  const isBlocked = (span: Span) => blocked.some((b) => overlaps(span, b));

  // 1. '… Liberation Front', '… Defence Forces' not of a state, and 'Fano militia'. Not in a
  // headline in title case ('Sahel States Unite Forces'), where every word is capitalised.
  const lettered = sentenceWords.filter((w) => /^\p{L}/u.test(w.text));
  const titleCase =
    lettered.length >= 4 &&
    !lettered.some(
      (w) => !isCapital(w.text) && w.text.length > 3 && !TITLE_SMALL_WORDS.has(w.text),
    );
  /**
   * A known group's name after unknown capitalised words is part of a longer name: 'Karen' +
   * 'National Liberation Army' is not the ELN.
   */
  const extendKnown = (known: Mention) => {
    if (known.kind !== 'actor' || lex.actors.get(known.actorIds[0] ?? '')?.type === 'country')
      return;
    const at = sentenceWords.findIndex((w) => w.start === known.start);
    if (at <= 0) return;
    const lead = capitalRunBefore(sentenceWords, at, work, false);
    while (lead[0] && d.notNames.has(bare(lead[0].text))) lead.shift();
    const first = lead[0];
    if (!first || lead.some((w) => d.agentWords.has(bare(w.text)) || CALENDAR.test(w.text))) return;
    const span = { start: first.start, end: known.end };
    if (isBlocked(span)) return;
    const nameText = work.slice(span.start, span.end);
    // 'Uganda' + 'People's Defence Force' is Uganda's army, not Myanmar's resistance.
    const state = stateOf(span, words(work, span.start, span.end));
    if (state) {
      replace(span, state, nameText);
      return;
    }
    if (out.some((o) => o !== known && overlaps(span, o))) return;
    replace(span, register(nameText, 'armed_group'), nameText);
  };

  for (let i = 0; i < sentenceWords.length && !titleCase; i++) {
    const head = sentenceWords[i];
    if (!head) continue;
    const lowerHead = head.text.toLowerCase();
    const capitalHead = isCapital(head.text) && d.groupNameHeads.has(lowerHead);
    const plainHead = !isCapital(head.text) && d.groupHeads.has(lowerHead);
    if (!capitalHead && !plainHead) continue;
    const known = out.find((o) => overlaps(o, head));
    if (known) {
      if (capitalHead && known.end === head.end) extendKnown(known);
      continue;
    }
    const nameWords = capitalHead
      ? capitalRunBefore(sentenceWords, i, work, true)
      : capitalRunBefore(sentenceWords, i, work, false).slice(-3);
    while (
      nameWords[0] &&
      (CONNECTORS.has(nameWords[0].text) || d.notNames.has(bare(nameWords[0].text)))
    )
      nameWords.shift();
    const first = nameWords[0];
    if (!first) continue;
    const span = { start: first.start, end: head.end };
    if (isBlocked(span)) continue;
    const own = [...nameWords, head];
    const meaningful = nameWords.filter(
      (w) =>
        !CONNECTORS.has(w.text) && !d.agentWords.has(bare(w.text)) && !d.notNames.has(bare(w.text)),
    );
    if (!meaningful.length || nameWords.some((w) => CALENDAR.test(w.text))) continue;
    const within = out.filter((o) => overlaps(span, o));
    if (within.some((o) => !inside(span, o))) continue;
    if (within.some((o) => o.actorIds.length !== 1)) continue;
    const patron = BACKED.exec(nameWords.length === 1 ? (nameWords[0]?.text ?? '') : '');
    const sponsor = within.length === 1 ? within[0] : undefined;
    // '… forces of the Libyan government', '… fighters loyal to X' belong to what follows.
    const owned = /^\s+(?:of|loyal to|aligned (?:with|to)|allied (?:with|to))\s/u.test(
      work.slice(head.end, head.end + 16),
    );
    if (plainHead && owned) continue;
    if (plainHead && patron && sponsor && sponsor.end <= head.start) {
      // 'The RSF, a UAE-backed militia,': an apposition describes the name before it.
      const comma = /,\s*(?:a|an|the)\s+$/iu.exec(
        work.slice(Math.max(0, span.start - 8), span.start),
      );
      const apposed =
        comma !== null &&
        out.some(
          (o) =>
            o.kind === 'actor' && /^\s*$/u.test(work.slice(o.end, span.start - comma[0].length)),
        );
      if (apposed) continue;
      // 'Rwandan-backed rebels': unnamed rebels, an actor of their own beside their backer.
      const nameText = work.slice(span.start, span.end);
      const id = `group-${slug(`${sponsor.actorIds[0] ?? ''} ${patron[1] ?? ''} ${lowerHead}`)}`;
      registerAs(id, nameText, 'armed_group');
      out.push({
        start: head.start,
        end: head.end,
        actorIds: [id],
        kind: 'actor',
        surface: nameText,
      });
      continue;
    }
    if (within.length) {
      // 'Houthi rebels', 'Rwandan troops': a name the dictionary knows, not a new one.
      if (plainHead || stateOf(span, own)) continue;
      // Inside a capitalised name a state's name is part of it ('Sudan Liberation Army'),
      // another actor's is not.
      if (
        within.some(
          (o) => o.kind === 'actor' && lex.actors.get(o.actorIds[0] ?? '')?.type !== 'country',
        )
      )
        continue;
    }
    const nameText = work.slice(span.start, span.end);
    replace(span, register(nameText, 'armed_group'), nameText);
  }
  // 2. 'Name Of Body (NOB)', after the names of step 1, which may be what it spells out.
  const defineAcronyms = () => {
    const sentence = work.slice(start, end);
    ACRONYM_DEF.lastIndex = 0;
    for (let m = ACRONYM_DEF.exec(sentence); m !== null; m = ACRONYM_DEF.exec(sentence)) {
      const acronym = m[1] ?? '';
      if ((acronym.match(/\p{Lu}/gu) ?? []).length < 2) continue;
      const parenStart = start + m.index;
      const parenEnd = parenStart + m[0].length;
      const acrStart = start + m.index + m[0].indexOf(acronym);
      const acrSpan = { start: acrStart, end: acrStart + acronym.length };
      const before = sentenceWords.filter((w) => w.end <= parenStart);
      const nameWords = nameBefore(before, acronym, work, parenStart);
      const first = nameWords[0];
      const last = nameWords[nameWords.length - 1];
      if (!first || !last || nameWords.filter((w) => isCapital(w.text)).length < 2) continue;
      const name = { start: first.start, end: last.end };
      const full = { start: name.start, end: parenEnd };
      if (isBlocked(full)) continue;
      const nameText = work.slice(name.start, name.end);
      const covering = out.find(
        (o) => o.start <= name.start && o.end >= name.end && o.actorIds.length === 1,
      );
      const acrMention = out.find((o) => inside(acrSpan, o) || inside(o, acrSpan));
      if (covering) {
        const id = covering.actorIds[0] ?? '';
        // The name decides what its acronym means here ('Ambazonia Defence Forces (ADF)' is
        // not the Allied Democratic Forces).
        const other = acrMention && acrMention.actorIds.join() !== id;
        if (!acrMention || other) {
          if (other || !articleAliases.has(acronym)) articleAliases.set(acronym, id);
          const whole = { start: Math.min(covering.start, full.start), end: full.end };
          replace(whole, id, covering.surface, [covering.surface, acronym]);
        }
        continue;
      }
      const state = stateOf(name, nameWords);
      if (state) {
        if (!articleAliases.has(acronym)) articleAliases.set(acronym, state);
        replace(full, state, nameText, [nameText, acronym]);
        continue;
      }
      if (nameWords.every((w) => CONNECTORS.has(w.text) || d.agentWords.has(bare(w.text)))) {
        // 'Japan's Self-Defense Forces (SDF)': agent words only are the state named before them.
        const owner = out.find(
          (o) => o.actorIds.length === 1 && /^['’]s\s+$/u.test(work.slice(o.end, name.start)),
        );
        const id =
          owner && lex.actors.get(owner.actorIds[0] ?? '')?.type === 'country'
            ? owner.actorIds[0]
            : null;
        if (id) {
          articleAliases.set(acronym, id);
          replace(full, id, nameText, [nameText, acronym]);
        }
        continue;
      }
      const known = acrMention?.actorIds.length === 1 ? (acrMention.actorIds[0] ?? '') : '';
      const knownActor = known ? lex.actors.get(known) : undefined;
      if (knownActor && knownActor.type !== 'country' && sharesWord(nameWords, knownActor, lex)) {
        // A known acronym names what the spelled-out name means ('Alliance Fleuve Congo (AFC)').
        replace(full, known, nameText, [nameText, acronym]);
        continue;
      }
      // A known acronym spelled out as something else ('Popular Resistance Committees (PRC)',
      // 'Ambazonia Defence Forces (ADF)') is that something else in this article.
      const type = typeOfName(nameWords, lex);
      if (!type) continue;
      const id = register(nameText, type);
      if (!articleAliases.has(acronym) || known) articleAliases.set(acronym, id);
      replace(full, id, nameText, [nameText, acronym]);
    }
  };

  defineAcronyms();
  out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The name an acronym in parentheses spells out: the capitalised words (and connectors) just
 * before it, from the first whose initial the acronym has; null-ish (empty) if the letters
 * do not fit the words ('Congo River Alliance (AFC)' spells the French name, not this one).
 */
function nameBefore(before: Word[], acronym: string, work: string, parenStart: number): Word[] {
  const run: Word[] = [];
  let edge = parenStart;
  for (let i = before.length - 1; i >= 0 && run.length < 10; i--) {
    const w = before[i];
    if (!w) break;
    if (!/^[\s,’'-]*$/u.test(work.slice(w.end, edge)) || /,/u.test(work.slice(w.end, edge))) break;
    if (!isCapital(w.text) && !CONNECTORS.has(w.text)) break;
    run.unshift(w);
    edge = w.start;
  }
  const letters = acronym.toLowerCase().replace(/[^\p{L}]/gu, '');
  while (
    run[0] &&
    (!letters.includes((run[0].text[0] ?? '').toLowerCase()) ||
      !isCapital(run[0].text) ||
      /^(?:The|A|An)$/u.test(run[0].text))
  )
    run.shift();
  while (run.length && CONNECTORS.has(run[run.length - 1]?.text ?? '')) run.pop();
  const initials = run.filter((w) => isCapital(w.text)).map((w) => (w.text[0] ?? '').toLowerCase());
  const fit = [...letters].filter((l) => initials.includes(l)).length;
  if (!initials.includes(letters[0] ?? '') || fit < Math.max(2, Math.ceil(letters.length / 2)))
    return [];
  return run;
}

/** The capitalised words (with connectors inside) that end just before `sentenceWords[i]`. */
function capitalRunBefore(
  sentenceWords: Word[],
  i: number,
  work: string,
  connectors: boolean,
): Word[] {
  const run: Word[] = [];
  let edge = sentenceWords[i]?.start ?? 0;
  for (let j = i - 1; j >= 0 && run.length < 8; j--) {
    const w = sentenceWords[j];
    if (!w || !/^[\s-]*$/u.test(work.slice(w.end, edge))) break;
    const connector = connectors && CONNECTORS.has(w.text) && run.length > 0;
    if (!connector && !isCapital(w.text)) break;
    // A possessive ends the name ('Ukraine's Azov Brigade' is the brigade, not a name with Ukraine).
    if (/['’]s$/u.test(w.text) && !/^Peoples?['’]s?$/u.test(w.text)) break;
    run.unshift(w);
    edge = w.start;
  }
  while (run[0] && CONNECTORS.has(run[0].text)) run.shift();
  return run;
}

/** What a spelled-out name is by its words: null when it is no actor ('… Renaissance Dam'). */
function typeOfName(nameWords: Word[], lex: Lexicon): ActorType | null {
  const d = lex.discovery;
  const head = bare(nameWords[nameWords.length - 1]?.text ?? '');
  if (d.groupNameHeads.has(head)) return 'armed_group';
  if (d.allianceHeads.has(head)) return 'alliance';
  if (d.organizationHeads.has(head)) return 'organization';
  return null;
}

/** Whether a spelled-out name shares a word other than agent words with a known actor's names. */
function sharesWord(
  nameWords: Word[],
  known: { name: string; knownAliases: string[] },
  lex: Lexicon,
): boolean {
  const d = lex.discovery;
  const content = (w: string) => !CONNECTORS.has(w) && !d.agentWords.has(w) && w.length > 2;
  const mine = new Set(nameWords.map((w) => bare(w.text)).filter(content));
  return [known.name, ...known.knownAliases].some((alias) =>
    alias
      .split(/[\s/-]+/u)
      .map(bare)
      .some((w) => content(w) && mine.has(w)),
  );
}
