/**
 * Hypothetical and rhetorical numbers: inside a conditional clause ("if
 * three out of the 14 (brigades) are fully equipped, can…") or a question.
 * They are kept, flagged, because a reader may want them, but they count
 * nothing: "three fully equipped brigades" is not a claim that three are.
 */
import type { Token } from './tokens.ts';

/**
 * Words that open a clause whose numbers are supposed, not stated. Not
 * "whether": "did not determine whether three men knew each other" counts three men.
 */
const CONDITIONAL_OPENERS = new Set(['if', 'unless', 'suppose', 'supposing', 'imagine', 'hypothetically', 'should']);
/** Marks that end a clause: the supposition does not reach past them. */
const CLAUSE_ENDS = new Set([',', ';', ':', '—', '–', '.', '!', '?']);
const SENTENCE_ENDS = new Set(['.', '!', '?']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'a', 'hundreds', 'thousands', 'millions']);

function startsNumber(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === 'number' || NUMBER_WORDS.has(token.lower));
}

/**
 * For each token of one sentence, whether it sits in a conditional clause
 * or a question. Two linear passes, so a sentence of any length costs O(n).
 */
export function hypotheticalTokens(tokens: readonly Token[], from: number, to: number): boolean[] {
  const flags = new Array<boolean>(to - from).fill(false);
  // "If confirmed, it would mean that Russia has one bridge left": a sentence
  // opening with a supposition supposes its main clause as well.
  let first = from;
  while (first < to && tokens[first]!.kind === 'punct') first++;
  if (first < to && first - from < 3 && CONDITIONAL_OPENERS.has(tokens[first]!.lower)) return flags.fill(true);
  let conditional = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    // "should" opens a supposition only at the head of a clause ("Should Pokrovsk fall, …")
    if (CONDITIONAL_OPENERS.has(t.lower) && (t.lower !== 'should' || i === from || CLAUSE_ENDS.has(tokens[i - 1]!.text))) conditional = true;
    // a comma ends the "if" clause, the main clause after it states what follows;
    // not a comma inside a list of numbers ("if we have 50,000, 150 or one million soldiers")
    else if (CLAUSE_ENDS.has(t.text) && !(t.text === ',' && startsNumber(tokens[i + 1]))) conditional = false;
    flags[i - from] = conditional;
  }
  // a question: every token before the "?" that ends its stretch of the sentence
  let question = false;
  for (let i = to - 1; i >= from; i--) {
    const t = tokens[i]!;
    if (SENTENCE_ENDS.has(t.text)) question = t.text === '?';
    if (question) flags[i - from] = true;
  }
  return flags;
}
