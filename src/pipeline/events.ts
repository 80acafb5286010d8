/**
 * The event lexicon (data/events.json): head words by lemma with their relation type,
 * polarity and the slots that hold who acts and who is acted on. Checked by a schema when it
 * is first loaded, then indexed by lemma.
 */
import { z } from 'zod';
import eventData from './data/events.json';
import { POLARITIES, RELATION_TYPES, type Polarity, type RelationType } from '../model/schema';

/** 'subject', 'object', 'poss', 'prefix', or a preposition ('on', 'from', 'between', …). */
const SlotSchema = z.string().min(1);

const EventEntrySchema = z.object({
  lemma: z.union([z.string(), z.array(z.string()).min(1)]),
  pos: z.enum(['verb', 'noun', 'any']),
  type: z.union([z.enum(RELATION_TYPES), z.literal('auto')]),
  defaultType: z.enum(RELATION_TYPES).optional(),
  polarity: z.enum(POLARITIES),
  agent: z.array(SlotSchema).optional(),
  patient: z.array(SlotSchema).optional(),
  passiveAgent: z.array(SlotSchema).optional(),
  with: z.array(z.string()).min(1).optional(),
  after: z.array(z.string()).min(1).optional(),
  particle: z.array(z.string()).min(1).optional(),
  hyphen: z.boolean().optional(),
  mutual: z.boolean().optional(),
  membership: z.boolean().optional(),
  membershipOnly: z.boolean().optional(),
  place: z.boolean().optional(),
  claimsAttack: z.boolean().optional(),
  passiveOnly: z.boolean().optional(),
  ownAgent: z.boolean().optional(),
  talks: z.boolean().optional(),
});

const EventDataSchema = z.object({
  cues: z.array(z.object({ type: z.enum(RELATION_TYPES), pattern: z.string() })),
  negators: z.array(z.string()),
  modals: z.array(z.string()),
  hedgeVerbs: z.array(z.string()),
  hedgeWords: z.array(z.string()),
  allegationVerbs: z.array(z.string()),
  allegationNouns: z.array(z.string()),
  reportVerbs: z.array(z.string()),
  agentHeads: z.array(z.string()),
  irregularForms: z.record(z.string(), z.string()),
  eventVerbs: z.array(z.string()),
  refusalVerbs: z.array(z.string()),
  refusalNouns: z.array(z.string()),
  commentVerbs: z.array(z.string()),
  demandVerbs: z.array(z.string()),
  mediatorVerbs: z.array(z.string()),
  entries: z.array(EventEntrySchema),
});

export interface EventEntry {
  index: number;
  lemmas: string[];
  pos: 'verb' | 'noun' | 'any';
  type: RelationType | 'auto';
  defaultType: RelationType;
  polarity: Polarity;
  agent: string[];
  patient: string[];
  passiveAgent: string[];
  with: Set<string> | null;
  after: Set<string> | null;
  particle: Set<string> | null;
  hyphen: boolean;
  mutual: boolean;
  membership: boolean;
  membershipOnly: boolean;
  place: boolean;
  claimsAttack: boolean;
  /** Read only in the passive: 'controlled by X' (X backs it), not 'X controls the town'. */
  passiveOnly: boolean;
  /** A noun whose agent is only what its own slots name ('a US base'), never the clause subject. */
  ownAgent: boolean;
  /** Talks, a meeting or a call: neutral between two sides at war (see the pipeline's build). */
  talks: boolean;
  /** How constrained the entry is: the more specific reading of a word wins. */
  specificity: number;
}

export interface EventLexicon {
  byLemma: Map<string, EventEntry[]>;
  /**
   * Stems of every head (a lemma less a final 'e' or 'y', at least three letters): a sentence
   * with no word that starts with one has no event head and is not tagged at all.
   */
  stems: Set<string>;
  /** Irregular verb forms by their lemma ('withdrew' → 'withdraw'), for the gate and for words the tagger leaves unlemmatised. */
  irregular: Map<string, string>;
  /** Intransitive verbs an event noun takes before its phrase goes on: 'war erupted between X and Y'. */
  eventVerbs: Set<string>;
  /** Verbs that turn down or end the help they take as object: 'rejected help from X' is no support. */
  refusalVerbs: Set<string>;
  /** Nouns that end the help they govern: 'the end to military cooperation'. */
  refusalNouns: Set<string>;
  /** Verbs that judge an event someone else did: 'condemned the attack on X'. */
  commentVerbs: Set<string>;
  /** Verbs that demand what follows of someone: 'urged France to withdraw' is hostile to France. */
  demandVerbs: Set<string>;
  /** Verbs of a third party that brings two sides to talks: 'Qatar hosted talks between X and Y'. */
  mediatorVerbs: Set<string>;
  /** Length of the longest stem. */
  maxStem: number;
  cues: Array<{ type: RelationType; regex: RegExp }>;
  negators: Set<string>;
  modals: Set<string>;
  hedgeVerbs: Set<string>;
  hedgeWords: Set<string>;
  allegationVerbs: Set<string>;
  /** 'claims of X supplying Y': what follows is alleged. */
  allegationNouns: Set<string>;
  reportVerbs: Set<string>;
  agentHeads: Set<string>;
}

let cached: EventLexicon | null = null;

/** The event lexicon, parsed and indexed once. Throws if data/events.json breaks its schema. */
export function getEventLexicon(): EventLexicon {
  if (cached) return cached;
  const data = EventDataSchema.parse(eventData);
  const byLemma = new Map<string, EventEntry[]>();
  data.entries.forEach((raw, index) => {
    const isNoun = raw.pos === 'noun';
    const entry: EventEntry = {
      index,
      lemmas: typeof raw.lemma === 'string' ? [raw.lemma] : raw.lemma,
      pos: raw.pos,
      type: raw.type,
      defaultType: raw.defaultType ?? 'diplomatic_engagement',
      polarity: raw.polarity,
      agent: raw.agent ?? (isNoun ? ['poss', 'by'] : ['subject']),
      patient: raw.patient ?? (isNoun ? ['on', 'against', 'with', 'to'] : ['object']),
      passiveAgent: raw.passiveAgent ?? ['by'],
      with: raw.with ? new Set(raw.with) : null,
      after: raw.after ? new Set(raw.after) : null,
      particle: raw.particle ? new Set(raw.particle) : null,
      hyphen: raw.hyphen ?? false,
      mutual: raw.mutual ?? false,
      membership: raw.membership ?? false,
      membershipOnly: raw.membershipOnly ?? false,
      place: raw.place ?? false,
      claimsAttack: raw.claimsAttack ?? false,
      passiveOnly: raw.passiveOnly ?? false,
      ownAgent: raw.ownAgent ?? false,
      talks: raw.talks ?? false,
      specificity:
        (raw.hyphen ? 4 : 0) +
        (raw.passiveOnly ? 1 : 0) +
        (raw.with ? 2 : 0) +
        (raw.after ? 2 : 0) +
        (raw.particle ? 2 : 0),
    };
    for (const lemma of entry.lemmas) {
      const list = byLemma.get(lemma) ?? [];
      list.push(entry);
      byLemma.set(lemma, list);
    }
  });
  for (const list of byLemma.values())
    list.sort((a, b) => b.specificity - a.specificity || a.index - b.index);
  const stems = new Set<string>();
  for (const lemma of byLemma.keys()) stems.add(stemOf(lemma));
  const irregular = new Map(Object.entries(data.irregularForms));
  for (const [form, lemma] of irregular) if (byLemma.has(lemma)) stems.add(stemOf(form));
  cached = {
    byLemma,
    stems,
    irregular,
    eventVerbs: new Set(data.eventVerbs),
    refusalVerbs: new Set(data.refusalVerbs),
    refusalNouns: new Set(data.refusalNouns),
    commentVerbs: new Set(data.commentVerbs),
    demandVerbs: new Set(data.demandVerbs),
    mediatorVerbs: new Set(data.mediatorVerbs),
    maxStem: Math.max(...[...stems].map((x) => x.length)),
    cues: data.cues.map((c) => ({ type: c.type, regex: new RegExp(c.pattern, 'iu') })),
    negators: new Set(data.negators),
    modals: new Set(data.modals),
    hedgeVerbs: new Set(data.hedgeVerbs),
    hedgeWords: new Set(data.hedgeWords),
    allegationVerbs: new Set(data.allegationVerbs),
    allegationNouns: new Set(data.allegationNouns),
    reportVerbs: new Set(data.reportVerbs),
    agentHeads: new Set(data.agentHeads),
  };
  return cached;
}

function stemOf(lemma: string): string {
  const base = lemma.length > 4 && /[ey]$/u.test(lemma) ? lemma.slice(0, -1) : lemma;
  return base.length > 3 ? base.slice(0, Math.max(3, base.length - 1)) : base;
}

const WORDS = /[a-z]+/gu;

/**
 * True when some word of `text` could be an event head: it starts with a head's stem
 * ('attack' for 'attacked', 'sever' for 'severs', 'seiz' for 'seized'). Cheap enough to run on
 * every sentence before the tagger, which costs far more.
 */
export function mayHaveEventHead(lex: EventLexicon, text: string): boolean {
  WORDS.lastIndex = 0;
  const lower = text.toLowerCase();
  for (let m = WORDS.exec(lower); m !== null; m = WORDS.exec(lower)) {
    const w = m[0];
    if (w.length < 3) continue;
    for (let k = Math.min(w.length, lex.maxStem); k >= 3; k--)
      if (lex.stems.has(w.slice(0, k))) return true;
  }
  return false;
}
