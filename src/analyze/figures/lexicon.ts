/**
 * Closed word lists the figure rules read: function words that end a noun
 * phrase, prepositions that open a place or a part ("in the Kursk region",
 * "of Russian territory"), auxiliaries dropped from a counted phrase, and
 * irregular participles. Code, not resources: they are part of the rules.
 */

/** Prepositions that may continue what is counted: "settlements in the Kursk region", "soldiers from the frontlines". */
export const PREPOSITIONS = new Set([
  'in', 'of', 'from', 'into', 'near', 'at', 'across', 'along', 'around', 'inside', 'within', 'on', 'toward',
  'towards', 'to', 'by', 'outside', 'throughout', 'under', 'behind', 'beyond', 'onto', 'off', 'over',
]);

/** Auxiliaries and relative pronouns between a counted noun and its verb: "individuals (who) (have been) evacuated". */
export const AUXILIARIES = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'who', 'which', 'that',
  'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'shall', 'do', 'does', 'did',
]);

/** Adverbs that may sit between a counted noun and its verb: "individuals still reside". */
export const LINKING_ADVERBS = new Set(['still', 'now', 'already', 'currently', 'reportedly', 'allegedly', 'also', 'just', 'only', 'all', 'since', 'recently', 'previously', 'later', 'then']);

/** Determiners and possessives that may open a noun phrase. */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'this', 'these', 'those', 'that', 'some',
  'all', 'several', 'many', 'other', 'another', 'each', 'every', 'both', 'more', 'most', 'few', 'such',
]);

/**
 * Words that end a noun phrase whatever follows: conjunctions, pronouns,
 * subordinators, modals, speech verbs and other words that never belong to
 * what is counted.
 */
export const PHRASE_STOPS = new Set([
  'and', 'or', 'but', 'nor', 'yet', 'so', 'as', 'than', 'because', 'since', 'while', 'when', 'where', 'whereas',
  'if', 'unless', 'although', 'though', 'after', 'before', 'until', 'during', 'according', 'whether', 'who',
  'whom', 'whose', 'which', 'that', 'what', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'them', 'him', 'us',
  'me', 'said', 'says', 'say', 'told', 'tell', 'added', 'noted', 'stated', 'reported', 'claimed', 'announced',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'will', 'would', 'could', 'can',
  'may', 'might', 'must', 'should', 'shall', 'do', 'does', 'did', 'not', 'no', 'also', 'there', 'here',
  'for', 'with', 'without', 'against', 'about', 'per', 'via', 'amid', 'despite', 'including', 'like',
  'such', 'then', 'now', 'every', 'each', 'up', 'down', 'out', 'back', 'away', 'ago', 'too', 'very', 'even',
  'just', 'only', 'still', 'already', 'again', 'however', 'instead', 'last', 'next', 'this', 'these', 'those',
  'daily', 'weekly', 'monthly', 'yearly', 'annually', 'overnight', 'today', 'tonight', 'yesterday', 'tomorrow',
]);

/** Participles that do not end in -ed: "soldiers withdrawn", "villages taken". */
export const IRREGULAR_PARTICIPLES = new Set([
  'withdrawn', 'taken', 'retaken', 'overrun', 'overtaken', 'sent', 'lost', 'shot', 'brought', 'held', 'given',
  'driven', 'thrown', 'built', 'left', 'fled', 'hit', 'struck', 'drawn', 'beaten', 'caught', 'fought', 'made',
  'put', 'won', 'known', 'shown', 'seen', 'stolen', 'frozen', 'broken', 'written', 'begun', 'kept', 'found',
  'paid', 'led', 'spent', 'torn', 'blown', 'flown', 'slain', 'hidden', 'undertaken', 'forgotten', 'bought',
  'sold', 'dug', 'stuck', 'run', 'become', 'fallen', 'risen', 'grown', 'gone', 'chosen', 'spread', 'cut', 'set',
]);

/** Verbs of saying or estimating: never part of what is counted ("said 50,000 troops" is not "troops said"). */
export const SPEECH_VERBS = new Set([
  'said', 'told', 'reported', 'claimed', 'stated', 'noted', 'added', 'announced', 'estimated', 'expected',
  'asked', 'wrote', 'posted', 'confirmed', 'denied', 'cited', 'quoted', 'believed', 'thought', 'suggested',
  'counted', 'recorded', 'numbered', 'totalled', 'totaled', 'reached', 'exceeded', 'surpassed', 'topped',
]);

/** A past participle by its shape or by the list: "captured", "occupied", "withdrawn". */
export function isParticiple(lower: string): boolean {
  if (IRREGULAR_PARTICIPLES.has(lower)) return true;
  return lower.length > 4 && lower.endsWith('ed') && !lower.endsWith('eed');
}

/** A present participle: "leaving", "residing", "massing" (not "thing", "king", "spring"). */
export function isGerund(lower: string): boolean {
  return lower.length > 5 && lower.endsWith('ing') && !NOT_GERUNDS.has(lower);
}

const NOT_GERUNDS = new Set(['during', 'morning', 'evening', 'building', 'buildings', 'beijing', 'nothing', 'something', 'anything', 'everything', 'string', 'spring', 'offspring', 'ceiling', 'wedding', 'bring', 'thing', 'things', 'wing', 'king', 'sibling', 'briefing', 'meeting', 'shelling', 'fighting', 'bombing', 'training', 'funding', 'housing', 'clothing', 'heating', 'warning', 'ruling', 'uprising', 'sting', 'swing', 'sling']);

/**
 * Words shaped like plurals (or like nouns after a number) that are not
 * nouns being counted: verbs in -s, adverbs, pronouns, and "times"
 * ("three times more" is a ratio, not a count of anything).
 */
export const NOT_COUNT_NOUNS = new Set([
  'is', 'was', 'has', 'does', 'its', 'his', 'hers', 'this', 'thus', 'us', 'yes', 'as', 'plus', 'minus', 'less',
  'unless', 'across', 'towards', 'afterwards', 'besides', 'whereas', 'perhaps', 'always', 'sometimes', 'times',
  'says', 'remains', 'continues', 'includes', 'seems', 'goes', 'means', 'news', 'series', 'status', 'analysis',
  'basis', 'crisis', 'process', 'address', 'gas', 'bus', 'thanks', 'politics', 'economics', 'physics', 'ours',
  'theirs', 'yours', 'nevertheless', 'regardless', 'nonetheless', 'various', 'numerous', 'previous', 'serious',
  'famous', 'dangerous', 'enormous', 'anonymous', 'ambitious', 'obvious', 'tremendous', 'continuous', 'odds',
  'results', 'goals', 'points', 'votes', 'seats', 'runs', 'wins', 'games', 'matches', 'ones',
  'others', 'sides', 'reasons', 'ways', 'steps', 'things', 'parts', 'kinds', 'types', 'aspects', 'factors',
  'options', 'issues', 'questions', 'topics', 'levels', 'stages', 'phases', 'terms', 'words', 'pages', 'years',
  'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'decades', 'centuries', 'nights', 'mornings', 'evenings',
  'occasions', 'instances', 'percentages',
]);

/** Time nouns: a number counting them is a duration or an age, never a figure ("five days", "45-year-old"). */
export const TIME_NOUNS = new Set([
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months',
  'year', 'years', 'decade', 'decades', 'century', 'centuries', 'night', 'nights', 'fortnight', 'fortnights',
  'morning', 'evening', 'afternoon', 'weekend', 'weekends', 'hrs', 'yrs', 'mins', 'sec', 'secs', 'am', 'pm',
]);

/**
 * Words before a number that make it a label, not a quantity: "Article 5",
 * "Resolution 2231", "No. 10", "Flight 752", "page 3".
 */
export const LABEL_WORDS = new Set([
  'article', 'articles', 'page', 'pages', 'paragraph', 'section', 'chapter', 'resolution', 'clause', 'item',
  'number', 'no', 'nos', 'num', 'flight', 'highway', 'route', 'road', 'room', 'platform', 'gate', 'episode',
  'season', 'volume', 'vol', 'level', 'category', 'phase', 'stage', 'part', 'building', 'block', 'apartment',
  'office', 'ward', 'channel', 'code', 'version', 'model', 'issue', 'title', 'act', 'decree', 'order', 'protocol',
  'rule', 'step', 'figure', 'fig', 'table', 'grade', 'class', 'sector', 'zone', 'unit', 'division', 'brigade',
  'battalion', 'regiment', 'corps', 'squadron', 'group', 'line', 'tier', 'point', 'pt', 'p', 'pp', 'ch', 'art',
  'term', 'round', 'game', 'match', 'lot', 'box', 'bulletin', 'report', 'case', 'file', 'batch', 'ep',
  'aged', 'age', 'ages', 'number', 'size', 'score', 'rank', 'ranked', 'ranking', 'top', 'sunday', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
