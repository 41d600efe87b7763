/**
 * Attribution cues: the verbs and phrases that tie words to a source ("said",
 * "told", "according to", "quoted him as saying", "denied"), each with the
 * kind of attribution it makes.
 *
 * The verbs are the frequent cues of the PolNeAR train split (see
 * eval/quotes.ts; "said" alone is a fifth of its 22k cues), grouped by what
 * a situation report does with them: speech becomes a quote, an assertion
 * of fact also a claim, a denial a denial, a belief a claim only.
 */
import type { Token } from './tokens.ts';

/**
 * stance: a speech act toward someone or something ("criticized the West for
 * …", "called for talks", "praised the troops") — a reported quote, not a claim.
 * speech: words someone said or wrote (a quote; a claim too when it states a
 * that-clause); assert: asserting a fact (a quote and a claim); deny: a denial;
 * belief: a stated belief or expectation (a claim, not a quote); intent: what a party wants, plans or
 * seeks ("plans to …", "wants talks", "hopes to …"): a claim of its position, not a quote, and never a
 * claim that the thing happened.
 */
export type CueClass = 'speech' | 'assert' | 'deny' | 'belief' | 'stance' | 'intent';

/** Verbs taking the speaker as subject and the content as a clause or a quotation. */
const VERBS: Record<CueClass, string[]> = {
  speech: [
    'say', 'tell', 'add', 'note', 'remark', 'mention', 'explain', 'write', 'post', 'tweet', 'reply', 'respond',
    'answer', 'recall', 'stress', 'emphasize', 'emphasise', 'warn', 'inform', 'comment', 'continue', 'observe',
    'describe', 'point out', 'told', 'joke', 'quip', 'recount', 'reiterate', 'repeat', 'concede', 'admit',
    'acknowledge', 'complain', 'predict', 'promise', 'vow', 'pledge', 'suggest', 'argue', 'agree', 'explain',
    'reveal', 'indicate', 'estimate', 'conclude', 'testify', 'signal', 'underline', 'highlight', 'ask', 'urge', 'remind',
    'caution', 'counter', 'retort',
    // Verbs of manner that tie a quotation to its speaker ("“Quiet,” he demanded", "“Yessss!” she shouted"): PolNeAR train.
    'exclaim', 'confess', 'shout', 'yell', 'scream', 'chant', 'recite', 'muse', 'wonder', 'snap', 'gush', 'marvel', 'interject',
    'whisper', 'mutter', 'proclaim', 'advise', 'lecture', 'concur', 'echo',
  ],
  assert: [
    'claim', 'allege', 'assert', 'insist', 'maintain', 'report', 'announce', 'declare', 'state', 'confirm',
    'contend', 'accuse', 'charge', 'boast', 'brag', 'affirm', 'show', 'find', 'project', 'forecast', 'warn',
  ],
  deny: ['deny', 'reject', 'dismiss', 'refute', 'dispute', 'rebut'],
  belief: ['believe', 'think', 'expect', 'fear', 'hope', 'doubt', 'assess', 'feel', 'worry', 'suspect', 'consider', 'know', 'realize',
    'realise', 'recognize', 'recognise', 'understand', 'acknowledge'],
  intent: ['want', 'plan', 'intend', 'aim', 'seek', 'wish'],
  stance: [
    'criticize', 'criticise', 'praise', 'condemn', 'denounce', 'blame', 'defend', 'slam', 'blast', 'mock', 'thank',
    'applaud', 'welcome', 'decry', 'lament', 'question', 'challenge', 'demand', 'propose', 'recommend', 'endorse',
    'call', 'appeal', 'plead', 'threaten', 'vow', 'pledge', 'promise', 'offer', 'insult', 'ridicule', 'hail',
    'support', 'oppose', 'cite',
  ],
};

/** Irregular and spelling-changing forms; everything else is inflected by rule. */
const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'written', 'writing'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  feel: ['feel', 'feels', 'felt', 'feeling'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  testify: ['testify', 'testifies', 'testified', 'testifying'],
  worry: ['worry', 'worries', 'worried', 'worrying'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  signal: ['signal', 'signals', 'signaled', 'signalled', 'signaling', 'signalling'],
  quip: ['quip', 'quips', 'quipped', 'quipping'],
  brag: ['brag', 'brags', 'bragged', 'bragging'],
  rebut: ['rebut', 'rebuts', 'rebutted', 'rebutting'],
  slam: ['slam', 'slams', 'slammed', 'slamming'],
  plead: ['plead', 'pleads', 'pleaded', 'pled', 'pleading'],
  question: ['questions', 'questioned', 'questioning'],
  call: ['calls', 'called', 'calling'],
  offer: ['offers', 'offered', 'offering'],
  welcome: ['welcomes', 'welcomed', 'welcoming'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  show: ['show', 'shows', 'showed', 'shown', 'showing'],
  find: ['find', 'finds', 'found', 'finding'],
  forecast: ['forecast', 'forecasts', 'forecasted', 'forecasting'],
  retort: ['retort', 'retorts', 'retorted', 'retorting'],
  seek: ['seek', 'seeks', 'sought', 'seeking'],
  plan: ['plan', 'plans', 'planned', 'planning'],
  know: ['know', 'knows', 'knew', 'known', 'knowing'],
  understand: ['understand', 'understands', 'understood', 'understanding'],
  support: ['supports', 'supported', 'supporting'],
  cite: ['cites', 'cited', 'citing'],
  snap: ['snaps', 'snapped', 'snapping'],
  marvel: ['marvels', 'marveled', 'marvelled', 'marveling', 'marvelling'],
  wonder: ['wonders', 'wondered', 'wondering'],
  lecture: ['lectures', 'lectured', 'lecturing'],
  chant: ['chants', 'chanted', 'chanting'],
  shout: ['shouts', 'shouted', 'shouting'],
  echo: ['echo', 'echoes', 'echoed', 'echoing'],
};

function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return irregular;
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const s = /(s|sh|ch|x)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  return [lemma, s, `${stem}ed`, `${stem}ing`];
}

/** Cues that attribute only a that-clause: "the study found that …", not "found the body". */
export const NEEDS_THAT = new Set(['find', 'reveal', 'indicate', 'conclude', 'project', 'counter', 'estimate', 'signal', 'know', 'realize',
  'realise', 'recognize', 'recognise', 'understand']);

export interface CueForm {
  lemma: string;
  cls: CueClass;
  /** Present participle ("saying"): a cue only after a comma or as "quoted him as saying". */
  participle: boolean;
}

export const CUE_FORMS = new Map<string, CueForm>();
for (const [cls, lemmas] of Object.entries(VERBS) as [CueClass, string[]][]) {
  for (const lemma of lemmas) {
    if (lemma.includes(' ')) continue;
    for (const form of inflect(lemma)) {
      if (!CUE_FORMS.has(form)) CUE_FORMS.set(form, { lemma, cls, participle: form.endsWith('ing') });
    }
  }
}
// "point out" is two words; its verb form alone ("point") is not a cue.
const POINT_OUT = new Set(['point', 'points', 'pointed', 'pointing']);

/**
 * Words that, right before a cue form, show it is not a verb of attribution:
 * "the report" (a noun), "to say" inside a purpose clause is still speech, but
 * "a claim" is a noun.
 */
const NOUN_BEFORE = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Nouns of the polls "in a … poll" credits. */
const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys']);
/** Longest name of a poll between "in" and its noun: "an NBC News/Wall Street Journal poll" is 8 tokens. */
const POLL_PHRASE_TOKENS = 9;

/** Prepositions that take a noun, never a finite verb: the bare cue form after them is the noun. */
const PREPOSITIONS_BEFORE_NOUN = new Set(['for', 'of', 'with', 'without', 'in', 'on', 'at', 'by', 'from', 'under', 'after', 'upon', 'into']);

export interface Cue {
  /** First and last token index (inclusive) of the cue phrase. */
  first: number;
  last: number;
  lemma: string;
  cls: CueClass;
  /** Which way the source is found: verb cues look at their subject; "according to" at its object. */
  /** `perception`: "seems to", "appears to", "is expected to": what someone unnamed perceives or expects, no source. */
  shape: 'verb' | 'according-to' | 'as-reported-by' | 'quoted-as-saying' | 'perception';
}

/** Whether a determiner stands one or two lowercase singular words before token `i`: "his biggest worry". */
function nounAfterModifiers(tokens: readonly Token[], i: number): boolean {
  const modifier = tokens[i - 1];
  const determiner = tokens[i - 2];
  if (!modifier || !determiner || !DETERMINERS_OF_NOUNS.has(determiner.lower)) return false;
  return modifier.word && /^[a-z-]+$/.test(modifier.text) && !modifier.lower.endsWith('s') && !CUE_FORMS.has(modifier.lower) &&
    !SUBJECT_WORDS.has(modifier.lower) && !NOUN_BEFORE.has(modifier.lower);
}
/** Determiners of a noun phrase ("that" and "those" also open clauses: "said that people say"). */
const DETERMINERS_OF_NOUNS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this']);
/** Singular words that are the subject, not a modifier, before a bare verb: "the people say", "the government say". */
const SUBJECT_WORDS = new Set(['many', 'most', 'few', 'some', 'all', 'both', 'people', 'police', 'media', 'military', 'government', 'public', 'staff', 'majority', 'team', 'army', 'press', 'other', 'others']);

/** Words that open an adjunct after "put it" ("put it in his memo", "put it on Twitter"), not an object ("put it on the table" is rare in reporting). */
const ADJUNCT_AFTER_PUT_IT = new Set(['in', 'on', 'at', 'during', 'to', 'bluntly', 'simply', 'succinctly', 'recently', 'later', 'earlier', 'best', 'another']);

/** Verbs whose cue is the verb and a particle. */
const PHRASAL_CUES = new Map<string, { particles: string[]; verb: string; cls: CueClass }>();
for (const form of ['point', 'points', 'pointed', 'pointing']) PHRASAL_CUES.set(form, { particles: ['to'], verb: 'point', cls: 'speech' });
for (const form of ['refer', 'refers', 'referred', 'referring']) PHRASAL_CUES.set(form, { particles: ['to'], verb: 'refer', cls: 'speech' });
for (const form of ['call', 'calls', 'called', 'calling']) PHRASAL_CUES.set(form, { particles: ['for', 'on'], verb: 'call', cls: 'stance' });
// "Trump talked about the wall", "she spoke of her mother": what one speaks about is a reported quote of its topic, no claim.
for (const form of ['talk', 'talks', 'talked', 'talking']) PHRASAL_CUES.set(form, { particles: ['about', 'of'], verb: 'talk', cls: 'stance' });
for (const form of ['speak', 'speaks', 'spoke', 'spoken', 'speaking']) PHRASAL_CUES.set(form, { particles: ['about', 'of'], verb: 'speak', cls: 'stance' });
for (const verb of ['write', 'complain', 'joke', 'boast', 'brag', 'warn', 'gush', 'tweet']) {
  for (const form of inflect(verb)) PHRASAL_CUES.set(form, { particles: ['about'], verb, cls: 'stance' });
}

/** Forms of "see" and "view" that cast someone as something: "sees Cruz as a uniter". */
const SEE_AS = new Set(['see', 'sees', 'saw', 'seen', 'seeing', 'view', 'views', 'viewed', 'viewing', 'regard', 'regards', 'regarded']);
/** Before a participle these make it passive ("is seen as"): the one who sees is unnamed. */
const PASSIVE_BEFORE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'widely', 'largely', 'often', 'generally']);
/** Farthest "as" after the object of "see": "saw the death of Navy SEAL Charles Keating IV during … as a sign" is 14 tokens. */
const SEE_AS_WINDOW = 14;

/** Whether "as" follows within the window, before any punctuation that ends the object. */
function asFollows(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + SEE_AS_WINDOW; k++) {
    const t = tokens[k]!;
    if (t.lower === 'as') return k > from;
    if (!t.word && t.text !== "'s" && t.text !== '-' && t.text !== '’') return false;
  }
  return false;
}

/** Verbs of appearance: "seemed to be shrinking", "appears to be unanimous", "seems equally unperturbed". */
const PERCEPTION_FORMS = new Set(['seem', 'seems', 'seemed', 'appear', 'appears', 'appeared']);
/** Words after "appear" that make it physical ("appeared on CNN", "appeared in court"), and after "seem" that make it no perception. */
const PLACE_WORDS = new Set(['in', 'on', 'at', 'before', 'with', 'alongside', 'together', 'onstage', 'for', 'during', 'from', 'next', 'live', 'by', 'as', 'and', 'or']);
/** Auxiliaries and adverbs of the passive "is widely expected to". */
const EXPECTED_BEFORE = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", 'widely', 'also', 'now', 'still', 'not', 'generally', 'largely']);

/**
 * "X seemed to …", "X appears to …", "It seems that …", "X is expected to …": PolNeAR counts what
 * someone unnamed perceives or expects as an attribution without a source. "appeared on CNN" and
 * "the expected result" are not.
 */
function perceptionAt(tokens: readonly Token[], i: number): Cue | null {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (!next || !next.word) return null;
  if (PERCEPTION_FORMS.has(t.lower)) {
    if (i > 0 && /^\p{Lu}/u.test(t.text) && tokens[i - 1]!.word) return null;
    if (tokens[i - 1] && NOUN_BEFORE.has(tokens[i - 1]!.lower) && tokens[i - 1]!.lower !== 'that') return null;
    const appear = t.lower.startsWith('appear');
    if (appear ? !(next.lower === 'to' || next.lower === 'that') : PLACE_WORDS.has(next.lower)) return null;
    return { first: i, last: i, lemma: appear ? 'appear' : 'seem', cls: 'belief', shape: 'perception' };
  }
  if (t.lower === 'expected' && next.lower === 'to' && EXPECTED_BEFORE.has(tokens[i - 1]?.lower ?? '')) {
    let first = i;
    while (first > 0 && EXPECTED_BEFORE.has(tokens[first - 1]!.lower)) first--;
    return { first, last: i, lemma: 'be expected', cls: 'belief', shape: 'perception' };
  }
  return null;
}

/** Every word a cue phrase can open with: one look-up tells the (far more common) other words apart. */
const CUE_STARTS = new Set([...CUE_FORMS.keys(), ...POINT_OUT, ...PHRASAL_CUES.keys(), 'according', 'per', 'quoted', 'quotes', 'cited', 'cites', 'as', 'in', 'put', 'puts',
  ...PERCEPTION_FORMS, ...SEE_AS]);

/** Every cue in a run of tokens (one sentence), left to right. */
export function findCues(tokens: readonly Token[]): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!CUE_STARTS.has(t.lower)) continue;
    const next = tokens[i + 1];
    if ((t.lower === 'according' && next?.lower === 'to') || (t.lower === 'per' && tokens[i - 1]?.lower !== 'one')) {
      const last = t.lower === 'per' ? i : i + 1;
      cues.push({ first: i, last, lemma: 'according to', cls: 'speech', shape: 'according-to' });
      i = last;
      continue;
    }
    // "In a CNN poll released Monday, 50 percent …", "…, in the same poll.": a poll is a source as after "according to".
    if (t.lower === 'in' && (i === 0 || tokens[i - 1]!.text === ',') && next && ['a', 'an', 'the', 'its', 'their'].includes(next.lower)) {
      let k = i + 2;
      while (k < tokens.length && k <= i + POLL_PHRASE_TOKENS && !POLL_NOUNS.has(tokens[k]!.lower) && (tokens[k]!.word || tokens[k]!.text === '/' || tokens[k]!.text === "'s")) k++;
      if (k < tokens.length && POLL_NOUNS.has(tokens[k]!.lower)) {
        // The phrase runs to its comma (or the sentence's end): "released Monday".
        let end = k + 1;
        while (end < tokens.length && end <= k + 4 && tokens[end]!.word) end++;
        const after = tokens[end];
        if (after === undefined || after.text === ',' || after.text === '.') {
          cues.push({ first: i, last: i, lemma: 'according to', cls: 'speech', shape: 'according-to' });
          continue;
        }
      }
    }
    // "quoted him as saying": the source is the object, the subject is the channel.
    if ((t.lower === 'quoted' || t.lower === 'quotes' || t.lower === 'cited' || t.lower === 'cites') &&
        tokens[i + 2]?.lower === 'as' && tokens[i + 3]?.lower === 'saying') {
      cues.push({ first: i, last: i + 3, lemma: 'quote', cls: 'speech', shape: 'quoted-as-saying' });
      i += 3;
      continue;
    }
    // "X has been quoted as saying", "was cited as saying": passive, the subject is the speaker.
    if ((t.lower === 'quoted' || t.lower === 'cited') && next?.lower === 'as' && tokens[i + 2]?.lower === 'saying' &&
        ['been', 'was', 'were', 'is', 'are', 'being'].includes(tokens[i - 1]?.lower ?? '')) {
      cues.push({ first: i, last: i + 2, lemma: 'quote', cls: 'speech', shape: 'verb' });
      i += 2;
      continue;
    }
    // "as reported by X", "as pointed out by X": the source follows "by".
    if (t.lower === 'as' && next && tokens[i + 2]?.lower === 'by') {
      const form = CUE_FORMS.get(next.lower);
      if (form || next.lower === 'pointed') {
        cues.push({ first: i, last: i + 2, lemma: form?.lemma ?? 'point out', cls: form?.cls ?? 'speech', shape: 'as-reported-by' });
        i += 2;
        continue;
      }
    }
    // "The statement reads as follows:" — the words are what comes after the colon.
    if (t.lower === 'as' && next?.lower === 'follows' && tokens[i + 2]?.text === ':') {
      cues.push({ first: i, last: i + 1, lemma: 'say', cls: 'speech', shape: 'verb' });
      i++;
      continue;
    }
    // "As Jeff Weiner put it in his memo, ''…''", "He put it this way:": the words are what follows.
    if ((t.lower === 'put' || t.lower === 'puts') && next?.lower === 'it' && (tokens[i + 2] === undefined || !tokens[i + 2]!.word || tokens[i + 2]!.lower === 'this' ||
        ADJUNCT_AFTER_PUT_IT.has(tokens[i + 2]!.lower)) && i > 0) {
      cues.push({ first: i, last: i + 1, lemma: 'put it', cls: 'speech', shape: 'verb' });
      i++;
      continue;
    }
    if (POINT_OUT.has(t.lower) && next?.lower === 'out') {
      cues.push({ first: i, last: i + 1, lemma: 'point out', cls: 'speech', shape: 'verb' });
      i++;
      continue;
    }
    // "pointed to the polls", "called for talks", "called on Kyiv to …", "…, referring to the border":
    // the preposition is part of the cue, the phrase after it the words.
    const phrasal = PHRASAL_CUES.get(t.lower);
    if (phrasal && next !== undefined && phrasal.particles.includes(next.lower) && (i === 0 || !/^\p{Lu}/u.test(t.text) || !tokens[i - 1]!.word) &&
        !(tokens[i - 1] && NOUN_BEFORE.has(tokens[i - 1]!.lower))) {
      cues.push({ first: i, last: i + 1, lemma: `${phrasal.verb} ${next.lower}`, cls: phrasal.cls, shape: 'verb' });
      i++;
      continue;
    }
    // "Viguerie sees Cruz as a uniter", "voters view the campaign as unfair": a view of someone is a belief.
    if (SEE_AS.has(t.lower) && !(i > 0 && /^\p{Lu}/u.test(t.text)) && !PASSIVE_BEFORE.has(tokens[i - 1]?.lower ?? '') && next?.word && asFollows(tokens, i + 1)) {
      cues.push({ first: i, last: i, lemma: t.lower.startsWith('v') ? 'view' : 'see', cls: 'belief', shape: 'verb' });
      continue;
    }
    const perception = perceptionAt(tokens, i);
    if (perception) {
      cues.push(perception);
      i = perception.last;
      continue;
    }
    const form = CUE_FORMS.get(t.lower);
    if (!form) continue;
    // A capitalised form inside a sentence is a name: "the United States".
    if (i > 0 && /^\p{Lu}/u.test(t.text) && tokens[i - 1]!.word) continue;
    const before = tokens[i - 1];
    if (before && NOUN_BEFORE.has(before.lower) && !form.participle && !/ed$/.test(t.lower)) continue;
    // "his biggest worry", "the latest report", "a new claim": a determiner and an adjective or two before a
    // bare form make it a noun. A plural between them is the subject instead ("the officials say").
    if (t.lower === form.lemma && nounAfterModifiers(tokens, i)) continue;
    // A bare form after a preposition is a noun: "a request for comment", "in response", "with comment".
    if (before && PREPOSITIONS_BEFORE_NOUN.has(before.lower) && !form.participle && !/ed$/.test(t.lower)) continue;
    if (form.lemma === 'say' && before?.lower === 'to' && tokens[i - 2]?.lower === 'is') continue; // "is to say"
    if (form.cls === 'belief' && next === undefined) continue;
    // "continued his push", "continued to rise": with an object or an infinitive it is no speech; only
    // "“…,” he continued" and "He continued: “…”" are.
    if (form.lemma === 'continue' && next !== undefined && next.word) continue;
    // "the state Senate", "11 states are in play": in political news "state" is a noun unless a clause
    // or a quotation follows it ("The report states that …", "states: “…”").
    if ((t.lower === 'state' || t.lower === 'states') && !(next !== undefined && (next.lower === 'that' || next.text === ':' || next.text === ','))) continue;
    // "hopes to win", "expects to meet": a belief about one's own doing is an intention.
    const cls = form.cls === 'belief' && next?.lower === 'to' ? 'intent' : form.cls;
    // "the plans", "its aim", "a wish": an intention verb is a noun as often as not; only a finite form
    // with "to" or an object after it is a cue ("wants talks", "plans to …").
    if (cls === 'intent' && (form.participle || (before !== undefined && !before.word && before.text !== ',') || next === undefined || !next.word)) continue;
    cues.push({ first: i, last: i, lemma: form.lemma, cls, shape: 'verb' });
  }
  return cues;
}
