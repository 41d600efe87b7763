/**
 * One article reduced to what grouping compares: weighted words, entities,
 * specific places, figures, the event's date, leading sentences for the
 * summary, and whom the article credits. Pure; the text itself is not kept.
 */
import { eventSpan, latestYearOf, publishedSpan, toDateSpan } from './dates.ts';
import { contentTerms, termCounts } from './terms.ts';
import type { ArticleFeatures, StoryArticle } from './types.ts';

/** Title words are the article's own summary of its event: each counts as this many body occurrences. */
const TITLE_TERM_WEIGHT = 3;
/** An entity named in the title is what the article is about: this many mentions added. */
const TITLE_ENTITY_BONUS = 2;
/** Place kinds too wide to tell two events apart (both earthquakes were "in Indonesia"). */
const GENERAL_PLACE_KINDS = new Set(['country', 'continent', 'region', 'sea', 'ocean', 'state', 'province']);
/** Sentences kept per article as summary candidates: news puts the event in its first few. */
const LEAD_SENTENCES = 3;
/** A longer lead sentence is usually a run-on or a list, poor as a summary. */
const MAX_LEAD_CHARS = 320;
/** Shorter "sentences" are bylines, datelines and captions. */
const MIN_LEAD_CHARS = 40;

/** Words per quote shingle: four words in a row are rarely shared by chance. */
const QUOTE_SHINGLE_WORDS = 4;
/** Shingles kept per quote: the opening of a quote is what copies keep. */
const MAX_QUOTE_SHINGLES = 8;

/** Words before a name that credit it as the source of what follows. */
const CREDIT_BEFORE = /\b(?:according to|reported by|translation (?:by|from)|translated by|via|citing|cited by|told|quoted by|first reported by|said in an interview with)\s+(?:the\s+)?((?:Ukrainian outlet\s+|outlet\s+)?[A-Z][\p{L}.&'’-]*(?:[ ]+(?:of[ ]+)?[A-Z][\p{L}.&'’-]*){0,4})/gu;
/** A name followed by words that make it the reporter of what the article relays. */
const CREDIT_AFTER = /\b((?:The\s+)?[A-Z][\p{L}.&'’-]*(?:[ ]+[A-Z][\p{L}.&'’-]*){0,4})[ ]+(?:reported|reports|said in a report|first reported|wrote|quoted)\b/gu;

/** Quotation-mark spans of at least a few words: the quoted passages when analysis has not listed the quotes. */
const QUOTED = /["“”„«]([^"“”„«»\n]{12,600}?)["”“»]/gu;

function quotedPassages(article: StoryArticle): string[] {
  if (article.quotes && article.quotes.length > 0) return article.quotes.map((q) => q.content);
  return [...article.text.matchAll(QUOTED)].map((m) => m[1]!);
}

function sublinear(count: number): number {
  return 1 + Math.log(count);
}

function sentencesOf(article: StoryArticle): string[] {
  if (article.sentences && article.sentences.length > 0) return article.sentences.map((s) => article.text.slice(s.start, s.end));
  return article.text.split(/(?<=[.!?])\s+(?=[A-Z"“‘'])|\n+/u);
}

function leadSentences(article: StoryArticle): string[] {
  const lead: string[] = [];
  for (const raw of sentencesOf(article)) {
    const sentence = raw.replace(/\s+/g, ' ').trim();
    if (sentence.length < MIN_LEAD_CHARS || sentence.length > MAX_LEAD_CHARS || !/[.!?"”]$/.test(sentence)) continue;
    lead.push(sentence);
    if (lead.length === LEAD_SENTENCES) break;
  }
  return lead;
}

/** Names the article credits as its sources, lowercased, without a leading "the". */
export function creditedNames(article: Pick<StoryArticle, 'text' | 'quotes'>): string[] {
  const names = new Set<string>();
  const add = (name: string | null | undefined) => {
    const clean = name?.replace(/^(?:the|ukrainian outlet|outlet)\s+/i, '').replace(/[.,;:]+$/, '').replace(/['’]s$/, '').trim().toLowerCase();
    if (clean && clean.length > 1) names.add(clean);
  };
  for (const q of article.quotes ?? []) add(q.channel);
  for (const m of article.text.matchAll(CREDIT_BEFORE)) add(m[1]);
  for (const m of article.text.matchAll(CREDIT_AFTER)) add(m[1]);
  return [...names].sort();
}

/** A name compared across entity types: lowercased, accents off ("Būsh" is the "Bush" of "George W. Bush"). */
const plainName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * One-word places and organisations named by a word of a person's full name
 * in the same article: the person named short and typed otherwise ("Cole"
 * read as a town beside "Marcus Cole", "Obama" a town in Japan beside "Barack
 * Obama"). Such a false place would tie or part two reports by a town neither
 * is about; its mentions and its forms are the person's. A word of two
 * people's names is left alone (which one is unknown).
 */
function personNamesMistyped(entities: StoryArticle['entities']): { misnamed: Set<string>; extraMentions: Map<string, number>; extraForms: Map<string, string[]> } {
  const personOf = new Map<string, string | null>();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const words = plainName(e.name).split(/\s+/);
    if (words.length < 2) continue;
    for (const w of new Set(words)) personOf.set(w, personOf.has(w) && personOf.get(w) !== e.key ? null : e.key);
  }
  const misnamed = new Set<string>();
  const extraMentions = new Map<string, number>();
  const extraForms = new Map<string, string[]>();
  for (const e of entities) {
    if (e.type === 'person') continue;
    const forms = e.variants && e.variants.length > 0 ? e.variants : [e.name];
    if (forms.some((f) => /\s/.test(f.trim()))) continue;
    const people = new Set(forms.map((f) => personOf.get(plainName(f))));
    const person = people.size === 1 ? [...people][0] : null;
    if (!person) continue;
    misnamed.add(e.key);
    extraMentions.set(person, (extraMentions.get(person) ?? 0) + e.mentions);
    extraForms.set(person, [...(extraForms.get(person) ?? []), ...forms]);
  }
  return { misnamed, extraMentions, extraForms };
}

export function articleFeatures(article: StoryArticle): ArticleFeatures {
  const counts = termCounts(article.text, article.language);
  for (const term of contentTerms(article.title, article.language)) counts.set(term, (counts.get(term) ?? 0) + TITLE_TERM_WEIGHT);
  const terms: Record<string, number> = {};
  for (const [term, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) terms[term] = sublinear(count);

  const title = article.title.toLowerCase();
  const entities: Record<string, number> = {};
  const entityNames: Record<string, string> = {};
  const placeKeys: string[] = [];
  const places: ArticleFeatures['places'] = [];
  const { misnamed, extraMentions, extraForms } = personNamesMistyped(article.entities);
  for (const e of article.entities) {
    if (e.type === 'outlet') continue; // who reports it, not what happened
    if (e.place && GENERAL_PLACE_KINDS.has(e.place.kind)) continue;
    if (misnamed.has(e.key)) continue;
    const forms = [e.name, ...(e.variants ?? []), ...(extraForms.get(e.key) ?? [])];
    const inTitle = forms.some((f) => f.length > 2 && title.includes(f.toLowerCase()));
    const weight = sublinear(Math.max(1, e.mentions + (extraMentions.get(e.key) ?? 0)) + (inTitle ? TITLE_ENTITY_BONUS : 0));
    entities[e.key] = Math.max(entities[e.key] ?? 0, weight);
    entityNames[e.key] = e.name;
    if (e.type === 'place') placeKeys.push(e.key);
    if (e.place) places.push({ key: e.key, lat: e.place.lat, lon: e.place.lon, weight, kind: e.place.kind });
  }
  // Full dates and months the text names are shared by reports of one event ("on December 9, 2008").
  for (const t of article.times) {
    if (t.type === 'DATE' && /^\d{4}-\d{2}(?:-\d{2})?$/.test(t.value)) entities[`date:${t.value}`] = 1;
  }
  const figures = new Set<string>();
  for (const f of article.figures ?? []) {
    // Years and small counts recur everywhere; only distinctive numbers tie reports together.
    if (Number.isFinite(f.value) && f.value >= 10 && f.unit !== 'fraction' && f.unit !== 'percent') figures.add(`${f.unit}:${f.value}`);
  }
  for (const figure of figures) entities[`figure:${figure}`] = 1;
  // The same words quoted are the surest sign two articles report one statement; shingles survive truncation and small edits.
  for (const quoted of quotedPassages(article)) {
    const words = quoted.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    for (let i = 0; i + QUOTE_SHINGLE_WORDS <= words.length && i < MAX_QUOTE_SHINGLES; i++) {
      entities[`quote:${words.slice(i, i + QUOTE_SHINGLE_WORDS).join(' ')}`] = 1;
    }
  }

  const lead = leadSentences(article);
  const when = eventSpan(article.published, article.times);
  const published = publishedSpan(article.published);
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    language: article.language,
    terms,
    entities,
    entityNames,
    placeKeys: [...new Set(placeKeys)].sort(),
    places: places.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1)),
    figures: [...figures].sort(),
    when,
    latestYear: latestYearOf(article.published, article.times),
    published: published ? toDateSpan(published) : null,
    lead,
    leadTerms: lead.map((s) => [...new Set(contentTerms(s, article.language))]),
    credits: creditedNames(article),
    duplicateOf: article.duplicateOf ?? null,
  };
}
