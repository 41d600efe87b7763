/**
 * What a figure counts or measures, as a short phrase read from the words
 * around the number: the counted noun with its modifiers and what places
 * it ("settlements in the Kursk region"), the verb it is the subject or the
 * object of ("individuals still reside in Pokrovsk", "soldiers withdrawn
 * from the frontlines"), or, for a measure, what it is a part or a distance
 * of ("half of the territory occupied by the enemy" → "territory occupied
 * by the enemy", "10km from the city's outskirts" → "distance from the
 * city's outskirts").
 *
 * Without a part-of-speech tagger the phrase is bounded by closed word
 * lists (lexicon.ts): it ends at punctuation, conjunctions, speech verbs,
 * subordinators and pronouns, and after at most MAX_SEGMENTS prepositional
 * or verbal segments, so it stays short and never swallows a next clause.
 */
import type { EntityMention } from '../../model/index.ts';
import {
  AUXILIARIES, DETERMINERS, LINKING_ADVERBS, PHRASE_STOPS, PREPOSITIONS, SPEECH_VERBS, isGerund, isParticiple,
} from './lexicon.ts';
import type { NumberReading } from './numbers.ts';
import type { Token } from './tokens.ts';
import type { UnitReading } from './units.ts';

/** Segments after the noun: "in the Kursk region" + "along the Russian border" + one more is enough to place it. */
const MAX_SEGMENTS = 3;
/** Content words in one noun phrase: "the [city's] [outskirts]", "nine [border] [regions]"; longer runs are clauses. */
const MAX_NP_WORDS = 5;
/** Words in the whole phrase: a label, not a sentence. */
const MAX_COUNTED_WORDS = 14;

/** Words ending in -ly that are not adverbs. */
const NOT_ADVERBS = new Set(['family', 'supply', 'ally', 'assembly', 'rally', 'tally', 'italy', 'anomaly', 'monopoly', 'july', 'belly']);

type Piece = [first: number, last: number];

function isBoundary(token: Token): boolean {
  return token.kind === 'punct' && !(token.text === '-' && !token.spaced) && token.text !== "'" && token.text !== '’';
}

function isAdverb(token: Token): boolean {
  return token.text === token.lower && token.lower.length > 4 && token.lower.endsWith('ly') && !NOT_ADVERBS.has(token.lower);
}

/** End (exclusive) of the noun phrase starting at `j`, or `j` when none starts there. */
export function nounPhraseEnd(tokens: readonly Token[], j: number, end: number): number {
  let k = j;
  let dets = 0;
  while (k < end && dets < 2 && DETERMINERS.has(tokens[k]!.lower) && tokens[k]!.kind === 'word') {
    k++;
    dets++;
  }
  let content = 0;
  while (k < end && content < MAX_NP_WORDS) {
    const t = tokens[k]!;
    if (t.kind === 'punct') {
      const next = tokens[k + 1];
      // "Czarist-ruled", "Russian-held": the word after the hyphen belongs to the same word
      if (t.text === '-' && !t.spaced && content > 0 && next !== undefined && !next.spaced && next.kind !== 'punct') {
        k += 2;
        continue;
      }
      break;
    }
    if (t.kind === 'number') {
      content++;
      k++;
      continue;
    }
    const w = t.lower;
    if (PHRASE_STOPS.has(w) || PREPOSITIONS.has(w) || AUXILIARIES.has(w) || SPEECH_VERBS.has(w)) break;
    if (content > 0 && (isParticiple(w) || isGerund(w))) break;
    if (isAdverb(t)) break;
    content++;
    k++;
  }
  return content > 0 ? k : j;
}

/** "to" is a preposition before a name, a determiner or a number ("to Kursk", "to the border"), not before a verb ("to relieve"). */
function opensPlace(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!;
  if (!PREPOSITIONS.has(t.lower)) return false;
  if (t.lower !== 'to') return true;
  const next = tokens[j + 1];
  return next !== undefined && (next.kind === 'number' || DETERMINERS.has(next.lower) || next.text !== next.lower);
}

/**
 * The segments after a noun: prepositional phrases and at most one verbal
 * one (auxiliaries dropped: "have been evacuated from" → "evacuated from").
 */
function segmentsAfter(tokens: readonly Token[], j: number, end: number): { pieces: Piece[]; verbal: boolean } {
  const pieces: Piece[] = [];
  let verbal = false;
  let segments = 0;
  while (j < end && segments < MAX_SEGMENTS) {
    const t = tokens[j]!;
    if (isBoundary(t)) break;
    if (opensPlace(tokens, j)) {
      const npEnd = nounPhraseEnd(tokens, j + 1, end);
      if (npEnd === j + 1) break;
      pieces.push([j, npEnd - 1]);
      j = npEnd;
      segments++;
      continue;
    }
    if (verbal) break;
    let k = j;
    while (k < end && AUXILIARIES.has(tokens[k]!.lower) && k - j < 3) k++;
    const adverbsFrom = k;
    while (k < end && (LINKING_ADVERBS.has(tokens[k]!.lower) || isAdverb(tokens[k]!)) && k - adverbsFrom < 2) k++;
    const verb = tokens[k];
    if (verb === undefined || k >= end || verb.kind !== 'word' || verb.text !== verb.lower) break;
    const w = verb.lower;
    if (SPEECH_VERBS.has(w) || PHRASE_STOPS.has(w) || DETERMINERS.has(w) || PREPOSITIONS.has(w) || AUXILIARIES.has(w)) break;
    const shaped = isParticiple(w) || isGerund(w);
    // An unknown word is a verb only where a verb must be: after an auxiliary
    // or an adverb, with a place or an object after it ("still reside in").
    const follower = tokens[k + 1];
    const placed = follower !== undefined && (PREPOSITIONS.has(follower.lower) || DETERMINERS.has(follower.lower));
    if (!shaped && !(k > j && placed)) break;
    pieces.push([adverbsFrom, k]);
    verbal = true;
    j = k + 1;
    segments++;
    // the verb's object: "leaving [the area]", "seizing [several villages]"
    if (j < end && !PREPOSITIONS.has(tokens[j]!.lower)) {
      const objectEnd = nounPhraseEnd(tokens, j, end);
      if (objectEnd > j) {
        pieces.push([j, objectEnd - 1]);
        j = objectEnd;
      }
    }
  }
  return { pieces, verbal };
}

/** First index at or after `j` that is not a determiner: "the territory" → "territory". */
function skipDeterminers(tokens: readonly Token[], j: number, last: number): number {
  while (j < last && DETERMINERS.has(tokens[j]!.lower)) j++;
  return j;
}

/** A participle right before the number (past any qualifier): "withdrawn almost 50,000 soldiers", "expanded over 1,250 km²". */
function verbBefore(tokens: readonly Token[], first: number): number | null {
  let k = first - 1;
  while (k >= 0 && k >= first - 2 && DETERMINERS.has(tokens[k]!.lower)) k--;
  const t = tokens[k];
  if (t === undefined || t.kind !== 'word' || t.text !== t.lower) return null;
  if (SPEECH_VERBS.has(t.lower) || !isParticiple(t.lower)) return null;
  return k;
}

/** Direction words after a distance: "10km from", "20 km west of", "5 km away". */
const DISTANCE_WORDS = new Set(['from', 'away', 'off', 'short', 'outside', 'west', 'east', 'north', 'south', 'northwest', 'northeast', 'southwest', 'southeast', 'beyond']);
/** Before what money is spent on or worth: "$2 billion in military aid", "$400 million of weapons", "$1 billion for Ukraine". */
const MONEY_OBJECT = new Set(['of', 'in', 'for', 'worth']);

export interface CountedInput {
  reading: NumberReading;
  unit: UnitReading;
  /** First token of the figure including its qualifier and currency: where the verb before it is looked for. */
  figureFirst: number;
  /** Tokens end (exclusive) of the sentence. */
  end: number;
  /** Places mentioned in the text, by their end offset: "Pokrovsk, which had 60,000 people" → people in Pokrovsk. */
  placeEndingAt: ReadonlyMap<number, EntityMention>;
}

/** After a conversion in brackets ("10km (six miles)"), the phrase goes on past the bracket. */
function skipBracket(tokens: readonly Token[], j: number, end: number): number {
  if (tokens[j]?.text !== '(' || tokens[j + 1]?.kind === 'punct') return j;
  const inside = tokens[j + 1];
  if (inside === undefined || (inside.kind !== 'number' && !/^(?:one|two|three|four|five|six|seven|eight|nine|ten|about|around|some|roughly|nearly|almost|over)$/.test(inside.lower))) return j;
  for (let k = j + 1; k < end && k < j + 6; k++) if (tokens[k]!.text === ')') return k + 1;
  return j;
}

/** The possessor of a population: "Pokrovsk, which had …", "Pokrovsk has …", "a city of …" is left alone. */
function possessorPlace(tokens: readonly Token[], figureFirst: number, placeEndingAt: ReadonlyMap<number, EntityMention>): EntityMention | null {
  let k = figureFirst - 1;
  const verb = tokens[k]?.lower;
  if (verb !== 'had' && verb !== 'has' && verb !== 'have') return null;
  k--;
  if (tokens[k]?.lower === 'which' || tokens[k]?.lower === 'still') k--;
  if (tokens[k]?.text === ',') k--;
  const before = tokens[k];
  if (before === undefined) return null;
  const place = placeEndingAt.get(before.end);
  return place !== undefined && place.type === 'place' ? place : null;
}

function render(text: string, tokens: readonly Token[], pieces: readonly Piece[]): string | null {
  const words: string[] = [];
  let count = 0;
  for (const [first, last] of pieces) {
    if (last < first) continue;
    count += last - first + 1;
    if (count > MAX_COUNTED_WORDS) break;
    words.push(text.slice(tokens[first]!.start, tokens[last]!.end));
  }
  const phrase = words.join(' ').replace(/\s+/g, ' ').trim();
  return phrase === '' ? null : phrase;
}

/** The phrase saying what the figure counts, or null when the words around it do not say. */
export function countedPhrase(text: string, tokens: readonly Token[], input: CountedInput): string | null {
  const { unit, end } = input;
  if (unit.head !== null && unit.modifiersFirst !== null) {
    const pieces: Piece[] = [[skipDeterminers(tokens, unit.modifiersFirst, unit.head), unit.head]];
    const after = segmentsAfter(tokens, unit.next, end);
    const verb = after.verbal ? null : verbBefore(tokens, input.figureFirst);
    // the verb follows the noun and its "of" part: "canceled eight connections of the S40 line"
    // → "connections of the S40 line canceled"; other places follow the verb ("soldiers withdrawn from …")
    const ofPart = after.pieces[0] !== undefined && tokens[after.pieces[0][0]]!.lower === 'of' ? 1 : 0;
    pieces.push(...after.pieces.slice(0, ofPart));
    if (verb !== null) pieces.push([verb, verb]);
    pieces.push(...after.pieces.slice(ofPart));
    const place = possessorPlace(tokens, input.figureFirst, input.placeEndingAt);
    const phrase = render(text, tokens, pieces);
    return place !== null && phrase !== null && after.pieces.length === 0 ? `${phrase} in ${place.text}` : phrase;
  }
  let j = skipBracket(tokens, unit.next, end);
  const t = tokens[j];
  if (t === undefined || j >= end) {
    return unit.kind === 'count' ? render(text, tokens, verbPiece(tokens, input.figureFirst)) : null;
  }
  const w = t.lower;
  const partOf = w === 'of' || (unit.kind === 'money' && MONEY_OBJECT.has(w));
  if (partOf) {
    if (w === 'worth' && tokens[j + 1]?.lower === 'of') j++;
    const npEnd = nounPhraseEnd(tokens, j + 1, end);
    if (npEnd === j + 1) return null;
    const after = segmentsAfter(tokens, npEnd, end);
    return render(text, tokens, [[skipDeterminers(tokens, j + 1, npEnd - 1), npEnd - 1], ...after.pieces]);
  }
  if (unit.kind === 'money' && t.kind === 'word' && t.text === t.lower) {
    // "$61 billion aid bill for Ukraine", "$3bn humanitarian package"
    const npEnd = nounPhraseEnd(tokens, j, end);
    if (npEnd > j) return render(text, tokens, [[j, npEnd - 1], ...segmentsAfter(tokens, npEnd, end).pieces]);
  }
  if (unit.unit === 'km' && DISTANCE_WORDS.has(w)) {
    let k = j;
    if (w !== 'from' && tokens[k + 1] !== undefined && (tokens[k + 1]!.lower === 'of' || tokens[k + 1]!.lower === 'from')) k++;
    const after = segmentsAfter(tokens, k === j && w === 'from' ? j : k, end);
    const phrase = render(text, tokens, w === 'from' ? after.pieces : [[j, j], ...after.pieces.filter(([a]) => a > j)]);
    return phrase === null ? null : `distance ${phrase}`;
  }
  if (unit.kind === 'measure' || unit.kind === 'count') {
    const after = segmentsAfter(tokens, j, end);
    const pieces = [...verbPiece(tokens, input.figureFirst), ...after.pieces];
    return render(text, tokens, pieces);
  }
  return null;
}

function verbPiece(tokens: readonly Token[], figureFirst: number): Piece[] {
  const verb = verbBefore(tokens, figureFirst);
  return verb === null ? [] : [[verb, verb]];
}
