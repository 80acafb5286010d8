/**
 * The actor dictionary, built from data files: the states from the world-countries dataset,
 * everything else from data/actors.json. (The event lexicon is events.ts.)
 */
import { z } from 'zod';
import countries from 'world-countries';
import actorData from './data/actors.json';
import placeData from './data/places.json';
import { AliasMatcher, foldText } from './matcher';
import { ACTOR_TYPES } from '../model/schema';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const ActorDataSchema = z.object({
  stateExtras: z.array(
    z.object({
      state: z.string(),
      aliases: z.array(z.string()),
      bodies: z.array(z.string()).optional(),
    }),
  ),
  ambiguousNames: z.array(z.string()),
  /** States that world-countries marks neither independent nor a UN member, which the news treats as states. */
  extraStates: z.array(z.string()),
  /** De facto states the dataset lacks, typed like states by the focus region. */
  territories: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      region: z.string(),
      aliases: z.array(z.string()),
    }),
  ),
  /** Names of two states ('Congo', 'Congolese'): the first state unless the article names only another. */
  sharedNames: z.array(z.object({ names: z.array(z.string()), states: z.array(z.string()) })),
  /** Places named after a state that are not it ('Lake Chad'), or that are another one ('Niger Delta'). */
  places: z.array(z.object({ name: z.string(), state: z.string().nullable() })),
  /** Names that are never actors here (news agencies quoted in the body): they block discovery. */
  discard: z.array(z.string()),
  discovery: z.object({
    /** Words that, after a state's name or demonym, still name the state ('Sudanese Armed Forces'). */
    agentWords: z.array(z.string()),
    /** Lower-case heads of a non-state armed actor after a proper name ('Fano militia'). */
    groupHeads: z.array(z.string()),
    /** Capitalised last words of an armed actor's own name ('… Liberation Movement'). */
    groupNameHeads: z.array(z.string()),
    /** Last words of a name defined by an acronym that make it an alliance ('… Authority on Development'). */
    allianceHeads: z.array(z.string()),
    /** Last words of a name defined by an acronym that make it an organisation. */
    organizationHeads: z.array(z.string()),
    /** Capitalised words that do not name a group ('Islamist rebels', 'Government forces'). */
    notNames: z.array(z.string()),
    /**
     * Words (one or two) after a state's name or demonym that make it a nationality, not the
     * state acting: 'Yemeni rebels', 'Colombian armed groups', 'Sudanese refugees'.
     */
    nationalityHeads: z.array(z.string()),
  }),
  organizations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.enum(ACTOR_TYPES),
      aliases: z.array(z.string()),
      members: z.array(z.string()).optional(),
    }),
  ),
  leaders: z.array(
    z.object({
      name: z.string(),
      aliases: z.array(z.string()),
      actor: z.string(),
      from: DaySchema,
      to: DaySchema.nullable(),
      /** Further tenures, of this state or another actor ('terms' of a president, a later office). */
      terms: z
        .array(z.object({ actor: z.string(), from: DaySchema, to: DaySchema.nullable() }))
        .optional(),
    }),
  ),
  collectives: z.array(
    z.object({
      pattern: z.string(),
      membersOf: z.string().optional(),
      recentList: z.boolean().optional(),
      recentOfType: z.enum(ACTOR_TYPES).optional(),
      protagonist: z.boolean().optional(),
    }),
  ),
  orgHeads: z.array(z.string()),
});

const StateCodeSchema = z.string().regex(/^[A-Z]{3}$/);

/** The gazetteer (data/places.json): places by the state they lie in, and further spellings of capitals. */
const PlaceDataSchema = z.object({
  capitals: z.array(z.object({ state: StateCodeSchema, names: z.array(z.string().min(1)).min(1) })),
  states: z.array(
    z.object({
      state: StateCodeSchema,
      /** A place is its name or its spellings, the display name first. */
      places: z.array(z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])).min(1),
    }),
  ),
});

/**
 * A pattern of printable ASCII (and caseless symbols, see `fastSafeChar`) with no \p, \P or \u
 * escape means the same with 'gi' as with 'giu'
 * on any text without a surrogate, 'ſ' (U+017F) or the Kelvin sign (U+212A): those are the
 * only characters where unicode mode differs (code points, and case folding onto 's' and 'k'
 * and so into \w and \b). Without 'u' V8 matches several times faster.
 */
export function fastVariant(pattern: string, flags: string): RegExp | null {
  if (/\\[pPu]|\\k</.test(pattern)) return null;
  for (const ch of pattern) if (!fastSafeChar(ch)) return null;
  return new RegExp(pattern, flags.replace('u', ''));
}

const ASCII_CLASSES: Record<string, string> = {
  L: 'A-Za-z',
  Lu: 'A-Z',
  Ll: 'a-z',
  N: '0-9',
  Nd: '0-9',
};

/**
 * The pattern for text of ASCII characters only (see `asciiOnly`): there `\p{L}` is
 * `[A-Za-z]`, `\p{Lu}` `[A-Z]` (with 'i' both fold to the same letters as with 'iu'),
 * `\p{Ll}` `[a-z]`, `\p{N}` and `\p{Nd}` `[0-9]`, and the non-'u' twin matches alike (see
 * `fastVariant`). Null for any other property, `\P`, `\u` or `\k`.
 */
export function asciiVariant(pattern: string, flags: string): RegExp | null {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (next === 'p') {
        const m = /^\\p\{(\w+)\}/.exec(pattern.slice(i));
        const cls = m ? ASCII_CLASSES[m[1] ?? ''] : undefined;
        if (!m || !cls) return null;
        out += inClass ? cls : `[${cls}]`;
        i += m[0].length - 1;
        continue;
      }
      if (next === 'P' || next === 'u' || next === 'k' || !fastSafeChar(next)) return null;
      out += ch + next;
      i++;
      continue;
    }
    if (!fastSafeChar(ch)) return null;
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return new RegExp(out, flags.replace('u', ''));
}

const ASCII_ONLY = /^[^\u0080-\uffff]*$/;

/** True when every unit of `text` is ASCII: `asciiVariant` regexes then match as their originals. */
export function asciiOnly(text: string): boolean {
  return ASCII_ONLY.test(text);
}

/** How plain a text is: 2 ASCII only, 1 `asciiSafe`, 0 anything else. */
export type TextMode = 0 | 1 | 2;

export function textMode(text: string): TextMode {
  return asciiOnly(text) ? 2 : asciiSafe(text) ? 1 : 0;
}

const CASELESS_MARK = /^[\p{S}\p{P}\p{Zs}]$/u;

/**
 * Printable ASCII, or a BMP symbol, punctuation mark or space without case ('©', '•', '’',
 * '–'): one code unit that matches only itself with or without 'u', case-insensitive or not.
 */
function fastSafeChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 0x20 && c <= 0x7e;
  return (
    ch.length === 1 &&
    (c < 0xd800 || c > 0xdfff) &&
    CASELESS_MARK.test(ch) &&
    ch.toLowerCase() === ch &&
    ch.toUpperCase() === ch
  );
}

/** A regex with its twins for plainer text: pick by `textMode` (see `pickRegex`). */
export interface ModeRegex {
  regex: RegExp;
  /** `fastVariant` twin, for `asciiSafe` text. */
  fast: RegExp;
  /** `asciiVariant` twin, for ASCII-only text. */
  ascii: RegExp;
}

export function modeRegex(pattern: string, flags: string): ModeRegex {
  const regex = new RegExp(pattern, flags);
  const fast = fastVariant(pattern, flags) ?? regex;
  return { regex, fast, ascii: asciiVariant(pattern, flags) ?? fast };
}

/**
 * A test for "any of `patterns` matches", as few regex scans as the text's mode allows: the
 * patterns with a `fastVariant` twin and those without are two unions, so a line with curly
 * quotes still gets the fast twin for most of them.
 */
export interface AnyOf {
  test(text: string, mode: TextMode): boolean;
}

export function anyOfRegex(patterns: string[], flags: string): AnyOf {
  const union = (ps: string[]) =>
    ps.length ? modeRegex(ps.map((p) => `(?:${p})`).join('|'), flags) : null;
  const withFast = union(patterns.filter((p) => fastVariant(p, flags)));
  const slow = union(patterns.filter((p) => !fastVariant(p, flags)));
  const all = union(patterns);
  return {
    test(text, mode) {
      if (mode === 2) return all !== null && all.ascii.test(text);
      if (mode === 0) return all !== null && all.regex.test(text);
      return (withFast?.fast.test(text) ?? false) || (slow?.regex.test(text) ?? false);
    },
  };
}

/** The twin of `r` that matches on text of `mode` exactly as `r.regex` does. */
export function pickRegex(r: ModeRegex, mode: TextMode): RegExp {
  return mode === 2 ? r.ascii : mode === 1 ? r.fast : r.regex;
}

/** A regex and its `fastVariant` twin (the regex itself when it has none). */
export function withTwin(pattern: string, flags: string): { regex: RegExp; fastRegex: RegExp } {
  const regex = new RegExp(pattern, flags);
  return { regex, fastRegex: fastVariant(pattern, flags) ?? regex };
}

const UNICODE_SENSITIVE = /[\u017f\u212a\ud800-\udfff]/;

/** True when `fastVariant` regexes give exactly the results of their 'u' originals on `text`. */
export function asciiSafe(text: string): boolean {
  return !UNICODE_SENSITIVE.test(text);
}

/** What a dictionary hit stands for. */
export type Entry =
  | {
      kind: 'actor';
      actorId: string;
      role: 'name' | 'demonym' | 'body';
      /** A name of several states: `actorId` is the default, the article decides (see `sharedNames`). */
      shared?: string[];
    }
  | { kind: 'capital'; actorId: string }
  /** A place that is not the state in its name; `actorId` is the state it lies in, if one. */
  | { kind: 'place'; actorId: string | null }
  | { kind: 'discard' }
  | {
      kind: 'leader';
      actorId: string;
      from: string;
      to: string | null;
      name: string;
      /** Other tenures under the same name (a second term, another office, a namesake). */
      also?: Array<{ actorId: string; from: string; to: string | null; name: string }>;
    };

export interface DictionaryActor {
  id: string;
  name: string;
  /** States carry their region; their type ('state' or 'foreign_power') is set per corpus. */
  type: z.infer<typeof ActorDataSchema>['organizations'][number]['type'] | 'country';
  region: string | null;
  /** Names that are safe to show as aliases before the corpus is read. */
  knownAliases: string[];
  members: string[];
}

export interface Collective {
  regex: RegExp;
  /** Non-'u' twin for `asciiSafe` text (see `fastVariant`); `regex` itself when there is none. */
  fastRegex: RegExp;
  membersOf?: string;
  recentList?: boolean;
  recentOfType?: string;
  /** 'the junta': the state the article has named most so far. */
  protagonist?: boolean;
}

export interface Lexicon {
  actors: Map<string, DictionaryActor>;
  matcher: AliasMatcher<Entry>;
  collectives: Collective[];
  orgHeads: Set<string>;
  /** The words and heads that actor discovery reads (see `discovery.ts`), lower-cased. */
  discovery: {
    agentWords: Set<string>;
    groupHeads: Set<string>;
    groupNameHeads: Set<string>;
    /** `groupHeads` and `groupNameHeads` together: a sentence with none of them names no group. */
    anyGroupHead: string[];
    allianceHeads: Set<string>;
    organizationHeads: Set<string>;
    notNames: Set<string>;
    nationalityHeads: Set<string>;
  };
  /** Named organisations by their head noun ('… Campaign Network'), compiled once. */
  orgRegex: RegExp;
  /** `orgRegex` for ASCII-only text (see `asciiVariant`). */
  orgRegexAscii: RegExp;
}

let cached: Lexicon | null = null;

/** Builds the lexicon once per process (it is immutable). */
export function getLexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}

function buildLexicon(): Lexicon {
  const data = ActorDataSchema.parse(actorData);
  const actors = new Map<string, DictionaryActor>();
  const matcher = new AliasMatcher<Entry>();
  const ambiguous = new Set(data.ambiguousNames.map(foldText));
  // A shared name ('Congo') is resolved per article (see `sharedNames`), never by the dataset.
  const shared = new Set(data.sharedNames.flatMap((s) => s.names).map(foldText));

  const extraStates = new Set(data.extraStates);
  const sovereign = countries.filter((c) => c.independent || c.unMember || extraStates.has(c.cca3));
  // A demonym shared by two states ('Congolese') names neither.
  const demonymCount = new Map<string, number>();
  for (const c of sovereign) {
    const d = c.demonyms['eng']?.m;
    if (d) demonymCount.set(d, (demonymCount.get(d) ?? 0) + 1);
  }
  // How many states a name is given to: 'Pakistan' and 'Pākistān' are one name of one state.
  const nameCount = new Map<string, number>();
  for (const c of sovereign) {
    // Counted once per state: 'Pākistān' and 'Pakistan' are one name of one state.
    for (const n of new Set([c.name.common, ...c.altSpellings].map(foldText)))
      nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
  }

  for (const c of sovereign) {
    const id = c.cca3.toLowerCase();
    const names = new Set<string>([c.name.common]);
    if (c.name.official.length <= 60) names.add(c.name.official);
    for (const alt of c.altSpellings) {
      // Two-letter codes and native-script spellings are not how English news names a state.
      if (alt.length > 3 && /^[\p{Script=Latin}\s'’.,()-]+$/u.test(alt)) names.add(alt);
      if (/^[A-Z]{3}$/.test(alt) && alt === c.cca3 && ['USA'].includes(alt)) names.add(alt);
    }
    const known: string[] = [];
    for (const n of names) {
      const folded = foldText(n);
      if (ambiguous.has(folded) || shared.has(folded) || (nameCount.get(folded) ?? 0) > 1) continue;
      matcher.add(n, { kind: 'actor', actorId: id, role: 'name' });
      known.push(n);
    }
    const demonym = c.demonyms['eng']?.m;
    if (demonym && demonymCount.get(demonym) === 1 && !ambiguous.has(foldText(demonym))) {
      matcher.add(demonym, { kind: 'actor', actorId: id, role: 'demonym' });
      known.push(demonym);
      // 'Malians', 'South Africans': the people, who stand for their state as the adjective does.
      const plural = pluralDemonym(demonym);
      if (plural) matcher.add(plural, { kind: 'actor', actorId: id, role: 'demonym' });
    }
    for (const capital of c.capital) {
      if (capital.length > 2)
        matcher.add(capital.replace(/ D\.C\.$/, ''), { kind: 'capital', actorId: id });
    }
    actors.set(id, {
      id,
      name: c.name.common,
      type: 'country',
      region: c.region || null,
      knownAliases: known,
      members: [],
    });
  }
  for (const t of data.territories) {
    actors.set(t.id, {
      id: t.id,
      name: t.name,
      type: 'country',
      region: t.region,
      knownAliases: t.aliases.filter((a) => a !== t.name),
      members: [],
    });
    for (const alias of [t.name, ...t.aliases])
      matcher.add(alias, { kind: 'actor', actorId: t.id, role: 'name' });
  }
  for (const names of data.sharedNames) {
    const states = names.states.map((s) => s.toLowerCase());
    const [first] = states;
    if (!first) continue;
    for (const name of names.names)
      matcher.add(name, { kind: 'actor', actorId: first, role: 'name', shared: states });
  }
  for (const place of data.places)
    matcher.add(place.name, { kind: 'place', actorId: place.state?.toLowerCase() ?? null });
  addGazetteer(matcher, actors);
  for (const name of data.discard) matcher.add(name, { kind: 'discard' });
  for (const extra of data.stateExtras) {
    const id = extra.state.toLowerCase();
    const actor = actors.get(id);
    if (!actor) continue;
    const bodies = new Set(extra.bodies ?? []);
    for (const alias of extra.aliases) {
      matcher.add(alias, { kind: 'actor', actorId: id, role: bodies.has(alias) ? 'body' : 'name' });
    }
  }
  for (const org of data.organizations) {
    actors.set(org.id, {
      id: org.id,
      name: org.name,
      type: org.type,
      region: null,
      knownAliases: org.aliases.filter((a) => a !== org.name),
      members: (org.members ?? []).map((m) => m.toLowerCase()),
    });
    for (const alias of [org.name, ...org.aliases])
      matcher.add(alias, { kind: 'actor', actorId: org.id, role: 'name' });
  }
  // One entry per name: a name shared by two tenures (or two people) keeps them all.
  const leaderEntries = new Map<string, Extract<Entry, { kind: 'leader' }>>();
  const idOf = (actor: string) => (actors.has(actor) ? actor : actor.toLowerCase());
  for (const leader of data.leaders) {
    const tenures = [
      { actorId: idOf(leader.actor), from: leader.from, to: leader.to, name: leader.name },
      ...(leader.terms ?? []).map((t) => ({
        actorId: idOf(t.actor),
        from: t.from,
        to: t.to,
        name: leader.name,
      })),
    ];
    for (const alias of new Set([leader.name, ...leader.aliases])) {
      const key = `${foldText(alias)}|${isCapitalised(alias)}`;
      const entry = leaderEntries.get(key);
      if (entry) {
        entry.also = [...(entry.also ?? []), ...tenures];
        continue;
      }
      const [first, ...rest] = tenures;
      if (!first) continue;
      const created: Extract<Entry, { kind: 'leader' }> = { kind: 'leader', ...first };
      if (rest.length) created.also = rest;
      leaderEntries.set(key, created);
      matcher.add(alias, created);
    }
  }

  const collectives = data.collectives.map((c) => {
    const regex = new RegExp(c.pattern, 'giu');
    const out: Collective = { regex, fastRegex: fastVariant(c.pattern, 'giu') ?? regex };
    if (c.membersOf) out.membersOf = c.membersOf;
    if (c.recentList) out.recentList = true;
    if (c.recentOfType) out.recentOfType = c.recentOfType;
    if (c.protagonist) out.protagonist = true;
    return out;
  });

  const orgRegex = new RegExp(
    `\\b((?:\\p{Lu}[\\p{L}'’-]+\\s+){1,5}(?:${[...new Set(data.orgHeads)].join('|')}))\\b`,
    'gu',
  );
  const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
  return {
    actors,
    matcher,
    collectives,
    orgHeads: new Set(data.orgHeads),
    discovery: {
      agentWords: lower(data.discovery.agentWords),
      groupHeads: lower(data.discovery.groupHeads),
      groupNameHeads: lower(data.discovery.groupNameHeads),
      anyGroupHead: [...lower([...data.discovery.groupHeads, ...data.discovery.groupNameHeads])],
      allianceHeads: lower(data.discovery.allianceHeads),
      organizationHeads: lower([...data.discovery.organizationHeads, ...data.orgHeads]),
      notNames: lower(data.discovery.notNames),
      nationalityHeads: lower(data.discovery.nationalityHeads),
    },
    orgRegex,
    orgRegexAscii: asciiVariant(orgRegex.source, orgRegex.flags) ?? orgRegex,
  };
}

/**
 * The gazetteer's places as place mentions of their state ('Goma', 'El Fasher'), and its
 * further spellings of capitals ('Kiev') as capitals. Throws on a state the dictionary lacks,
 * which is a mistake in the data file, not in an article.
 */
function addGazetteer(matcher: AliasMatcher<Entry>, actors: Map<string, DictionaryActor>): void {
  const data = PlaceDataSchema.parse(placeData);
  const stateId = (code: string): string => {
    const id = code.toLowerCase();
    if (actors.get(id)?.type !== 'country') throw new Error(`data/places.json: no state ${code}`);
    return id;
  };
  for (const capital of data.capitals) {
    const actorId = stateId(capital.state);
    for (const name of capital.names) matcher.add(name, { kind: 'capital', actorId });
  }
  for (const group of data.states) {
    const actorId = stateId(group.state);
    for (const place of group.places)
      for (const name of typeof place === 'string' ? [place] : place)
        matcher.add(name, { kind: 'place', actorId });
  }
}

/** The people of a state from its demonym ('Malian' → 'Malians'); none where the plural is the same ('Sudanese', 'Swiss'). */
export function pluralDemonym(demonym: string): string | null {
  if (/(?:ese|ss|sh|ch|s|x|z)$/iu.test(demonym)) return null;
  return `${demonym}s`;
}

function isCapitalised(alias: string): boolean {
  const first = alias[0] ?? '';
  return first !== first.toLowerCase();
}
