/**
 * Control claims: what a claim says happened to a place — captured,
 * liberated, retaken, surrounded, attacked, or a front advanced toward it
 * (with the distance when stated: "10km (six miles) from the city's
 * outskirts"). The place is the place mention the action applies to; "the
 * city" is the last city named before.
 */
import type { ControlAction, ControlClaim, EntityMention, PlaceInfo, Span } from '../../model/index.ts';
import type { MentionIndex } from './sources.ts';
import type { Token } from './tokens.ts';

/** Action phrases as lowercased token sequences; `*` matches any one word ("brought back under Russian control"). */
const ACTIONS: [ControlAction, string[][]][] = [
  ['retaken', [['recaptured'], ['recapture'], ['recapturing'], ['retook'], ['retaken'], ['retake'], ['regained'], ['regain'],
    ['brought', 'back', 'under'], ['won', 'back'], ['taken', 'back'], ['took', 'back'], ['back', 'under', '*', 'control']]],
  ['liberated', [['liberated'], ['liberate'], ['liberating'], ['liberation'], ['freed']]],
  ['surrounded', [['surrounded'], ['encircled'], ['encirclement'], ['besieged'], ['encircle'], ['surround'], ['cut', 'off']]],
  ['captured', [['captured'], ['capture'], ['capturing'], ['seized'], ['seize'], ['seizing'], ['occupied'], ['conquered'],
    ['overran'], ['overrun'], ['taken', 'control'], ['took', 'control'], ['taking', 'control'], ['take', 'control'],
    ['gained', 'control'], ['gain', 'control'], ['taken', 'over'], ['took', 'over'], ['fall', 'of'], ['established', 'control']]],
  ['attacked', [['attacked'], ['attacking'], ['shelled'], ['shelling'], ['stormed'], ['storming'], ['assault', 'on'], ['attack', 'on'],
    ['under', 'attack'], ['under', 'fire'], ['bombarded'], ['struck']]],
  ['advanced', [['advancing'], ['advanced'], ['advance', 'on'], ['advance', 'toward'], ['advance', 'towards'], ['closing', 'in'],
    ['inch', 'closer'], ['closer', 'to'], ['pushing', 'toward'], ['pushing', 'towards'], ['push', 'toward'], ['push', 'towards'],
    ['moving', 'toward'], ['moving', 'towards']]],
];

/** The patterns by their first word, in ACTIONS order: one look-up per token instead of a scan of all patterns. */
const BY_FIRST_WORD = new Map<string, { action: ControlAction; pattern: string[] }[]>();
for (const [action, patterns] of ACTIONS) {
  for (const pattern of patterns) {
    const list = BY_FIRST_WORD.get(pattern[0]!) ?? [];
    list.push({ action, pattern });
    BY_FIRST_WORD.set(pattern[0]!, list);
  }
}

/** Place kinds "the city"/"the town"/"the village" can stand for. */
const SETTLEMENT_KINDS = new Set(['city', 'town', 'village', 'settlement']);
const DEFINITE_PLACE_NOUNS: Record<string, (p: PlaceInfo) => boolean> = {
  city: (p) => SETTLEMENT_KINDS.has(p.kind),
  town: (p) => SETTLEMENT_KINDS.has(p.kind),
  village: (p) => SETTLEMENT_KINDS.has(p.kind),
  settlement: (p) => SETTLEMENT_KINDS.has(p.kind),
  region: (p) => p.kind === 'region',
};
/** Words for land without a name: the claim is still about territory ("half of the territory … liberated"). */
const TERRITORY_WORDS = new Set(['territory', 'territories', 'settlements', 'villages', 'areas', 'land', 'positions']);

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
const DISTANCE = /\b(\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\s?-?(km|kilometers|kilometres|kilometer|kilometre|miles|mile)\b/iu;
/** Within how many characters a "from" must follow a distance for it to be a distance from a place. */
const DISTANCE_TO_FROM = 40;

export interface ControlContext {
  text: string;
  tokens: readonly Token[];
  mentions: MentionIndex;
  placeOf: (key: string) => PlaceInfo | undefined;
}

/**
 * Words before "to" that make the action after it one that did not happen: a failure ("their failure to
 * capture Kharkiv", "unable to take"), an intention or a hope ("plans to seize", "wants to retake"), an
 * order or a demand. An infinitive after any other word ("continued to advance", "began to encircle",
 * "claimed to have captured") is left as it is.
 */
const FAILED_BEFORE_TO = new Set([
  'fail', 'fails', 'failed', 'failing', 'failure', 'failures', 'unable', 'inability', 'impossible', 'struggled', 'struggling',
  'plan', 'plans', 'planned', 'planning', 'want', 'wants', 'wanted', 'wanting', 'intend', 'intends', 'intended', 'intention',
  'aim', 'aims', 'aimed', 'aiming', 'hope', 'hopes', 'hoped', 'hoping', 'seek', 'seeks', 'sought', 'seeking', 'threaten',
  'threatens', 'threatened', 'threatening', 'prepare', 'prepares', 'prepared', 'preparing', 'ready', 'order', 'ordered', 'orders',
  'goal', 'objective', 'ambition', 'ambitions', 'bid', 'plot', 'vowed', 'vow', 'vows', 'pledged', 'promised',
  'expect', 'expected', 'expects', 'likely', 'unlikely', 'able', 'chance', 'chances', 'need', 'needs', 'needed', 'going',
  'demand', 'demanded', 'demands', 'urged', 'called', 'asked', 'told', 'wish', 'wishes', 'dream', 'dreams', 'refuse', 'refused',
  'enough', 'hard', 'difficult',
]);
/** Words before "to" that make the action an attempt: what the text says happened is an attack, not a capture. */
const ATTEMPT_BEFORE_TO = new Set(['try', 'tries', 'tried', 'trying', 'attempt', 'attempts', 'attempted', 'attempting', 'effort', 'efforts', 'sought']);
/** Words that deny the action that follows them: "has not captured", "never took control", "is no longer surrounded". */
const NEGATORS = new Set(['not', 'never', 'no', 'nor', 'cannot', 'without']);
/** Words that may stand between a negator and the action: auxiliaries and adverbs ("has not yet fully captured"). */
const BETWEEN_NEGATOR_AND_ACTION = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'yet', 'fully', 'completely', 'entirely', 'still',
  'ever', 'really', 'actually', 'longer', 'so', 'far', 'successfully', 'managed', 'did', 'does', 'do', 'will', 'would', 'could',
  'can', 'able', 'to', 'the', 'a', 'an',
]);
/** Modifiers of an action noun that make it one not (yet) happened. */
const IRREALIS_MODIFIERS = new Set(['possible', 'potential', 'planned', 'prospective', 'hypothetical', 'feared', 'expected', 'imminent', 'future', 'threatened', 'looming', 'impending']);
/** "the threat of (an) attack", "fears of a capture". */
const THREAT_NOUNS = new Set(['threat', 'threats', 'fear', 'fears', 'risk', 'prospect', 'possibility', 'danger']);
/** Modals before a bare verb: "could capture", "will retake" is a prediction or a possibility, not a claim that it happened. */
const MODALS = new Set(['could', 'would', 'might', 'may', 'will', 'can', 'should', 'must', "'ll"]);
/** How many words before an action its negator may stand: "has not yet been fully captured" is five. */
const NEGATOR_WINDOW = 5;

/**
 * Whether an action the text names at token `i` did happen as far as the words say: `no` for a negated,
 * failed or intended action, `attempt` for one only tried, `yes` otherwise.
 */
function modality(tokens: readonly Token[], i: number, floor: number): 'yes' | 'no' | 'attempt' {
  const before = tokens[i - 1];
  const bare = !/(ed|en)$/.test(tokens[i]!.lower) && !['took', 'overran', 'freed', 'struck', 'won', 'fall'].includes(tokens[i]!.lower);
  if (before && before.lower === 'to' && bare && i - 2 >= floor) {
    // Skip an adverb: "failed to fully capture", "tried to quickly retake".
    let k = i - 2;
    if (/ly$/.test(tokens[k]!.lower) && k - 1 >= floor) k--;
    const word = tokens[k]!.lower;
    if (ATTEMPT_BEFORE_TO.has(word)) return 'attempt';
    if (FAILED_BEFORE_TO.has(word)) return 'no';
  }
  // "Russia's possible attack on Ukraine", "a planned assault", "the threat of an attack": not (yet) an event.
  if (before && IRREALIS_MODIFIERS.has(before.lower)) return 'no';
  let of = i - 1;
  if (['a', 'an', 'the'].includes(tokens[of]?.lower ?? '')) of--;
  if (of - 1 >= 0 && tokens[of]!.lower === 'of' && THREAT_NOUNS.has(tokens[of - 1]!.lower)) return 'no';
  if (bare && before && (MODALS.has(before.lower) || (/ly$/.test(before.lower) && MODALS.has(tokens[i - 2]?.lower ?? '')))) return 'no';
  for (let k = i - 1, n = 0; k >= floor && n < NEGATOR_WINDOW; k--, n++) {
    const t = tokens[k]!;
    if (NEGATORS.has(t.lower) || t.lower.endsWith("n't")) {
      // "no longer", "not yet", "never": the action is denied; "not only captured" is not a denial.
      return tokens[k + 1]?.lower === 'only' ? 'yes' : 'no';
    }
    if (!BETWEEN_NEGATOR_AND_ACTION.has(t.lower) && !/ly$/.test(t.lower)) break;
  }
  return 'yes';
}

function matchAt(tokens: readonly Token[], i: number, pattern: string[]): number {
  for (let k = 0; k < pattern.length; k++) {
    const t = tokens[i + k];
    if (!t || (pattern[k] !== '*' && t.lower !== pattern[k])) return -1;
  }
  return i + pattern.length - 1;
}

/** The control claim a content span makes, or null. The last action wins: "areas captured by Ukraine … have been brought back". */
export function controlIn(ctx: ControlContext, content: Span): ControlClaim | null {
  const { tokens, text, mentions } = ctx;
  let found: { action: ControlAction; first: number; last: number } | null = null;
  let contentFloor = 0;
  while (contentFloor < tokens.length && tokens[contentFloor]!.start < content.start) contentFloor++;
  for (let i = contentFloor; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start < content.start || t.end > content.end || !t.word) continue;
    for (const { action, pattern } of BY_FIRST_WORD.get(t.lower) ?? []) {
      const last = matchAt(tokens, i, pattern);
      if (last >= 0 && tokens[last]!.end <= content.end) {
        // A negated, failed or intended action is no claim that it happened; an attempt is an attack.
        // The words before the content count too: "plans | to capture Pokrovsk", "failed | to take".
        const mood = modality(tokens, i, 0);
        if (mood !== 'no') found = { action: mood === 'attempt' ? 'attacked' : action, first: i, last };
        i = last;
        break;
      }
    }
  }
  if (!found) return null;
  const places = mentions.within(content.start, content.end).filter((m) => m.type === 'place');
  const actionStart = tokens[found.first]!.start;
  const after = places.find((m) => m.start >= actionStart);
  const before = [...places].reverse().find((m) => m.end <= actionStart);
  let place: ControlClaim['place'] | null = null;
  const asPlace = (m: EntityMention) => ({ start: m.start, end: m.end, text: m.text, entity: m.entity });
  if (after && (!before || after.start - tokens[found.last]!.end < 60)) place = asPlace(after);
  else if (before) place = asPlace(before);
  if (!place) {
    // "the city", "the settlement": the last place of that kind named before.
    for (let i = 0; i < tokens.length && !place; i++) {
      const t = tokens[i]!;
      if (t.start < content.start || t.end > content.end) continue;
      const fits = DEFINITE_PLACE_NOUNS[t.lower];
      if (fits && tokens[i - 1]?.lower === 'the') {
        const m = mentions.lastBefore(tokens[i - 1]!.start, (m) => m.type === 'place' && !!ctx.placeOf(m.entity) && fits(ctx.placeOf(m.entity)!));
        if (m) place = { start: tokens[i - 1]!.start, end: t.end, text: text.slice(tokens[i - 1]!.start, t.end), entity: m.entity };
      } else if (TERRITORY_WORDS.has(t.lower)) {
        place = { start: t.start, end: t.end, text: t.text, entity: null };
      }
    }
  }
  if (!place) return null;
  let distanceKm: number | null = null;
  if (found.action === 'advanced' || /\bfrom\b/.test(text.slice(content.start, content.end))) {
    const m = DISTANCE.exec(text.slice(content.start, content.end));
    if (m) {
      const tail = text.slice(content.start + m.index + m[0].length, content.start + m.index + m[0].length + DISTANCE_TO_FROM);
      if (/\bfrom\b/.test(tail)) {
        const value = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]!.replace(',', '.'));
        distanceKm = /^mi/i.test(m[2]!) ? Math.round(value * 1.609344 * 10) / 10 : value;
        if (found.action !== 'advanced') found.action = 'advanced';
      }
    }
  }
  return { action: found.action, place, distanceKm };
}
