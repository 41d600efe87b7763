/**
 * The situation report: what matters in a period, every line traceable to
 * the sentences it came from. `loadSituation` reads the store (through its
 * interface only); `composeSituation` is pure: the same records and query
 * give the same report, byte for byte (stable sort keys everywhere, no clock
 * but an explicit `generatedAt`).
 */
import type {
  ArticleEntity,
  SeriesPoint,
  ClaimLink,
  ClaimRelation,
  ClaimSide,
  EntityMention,
  EntityType,
  FigureSeries,
  QuoteGroup,
  Span,
  StoryRecordOut,
  ThreadRecord,
  TimelineEntry,
} from '../model/index.ts';
import { eventId } from '../model/index.ts';
import type { ArticleSummary, StoredClaim, StoredFigure, StoredQuote, Store } from '../store/index.ts';
import { addDays, anchorDay, articleDays, isIsoDay, overlaps, periodText, timexInterval, timexText, type ArticleDays } from './dates.ts';
import type {
  Citation,
  ClaimSideOut,
  DateFit,
  NamedKey,
  QuoteCarrier,
  ReportClaim,
  ReportDispute,
  ReportEvent,
  ReportFigure,
  ReportFigurePoint,
  ReportPeriod,
  ReportPlace,
  ReportQuote,
  ReportSource,
  ReportStory,
  SituationQuery,
  SituationReport,
} from './types.ts';

export type * from './types.ts';

/** A query the report cannot answer: a malformed date, an unknown story. */
export class ReportError extends Error {
  override readonly name = 'ReportError';
  constructor(
    readonly code: 'EQUERY' | 'ENOSTORY',
    message: string,
  ) {
    super(message);
  }
}

/** What one article's analysis contributes: its sentences (to cite) and entity mentions (places, names). */
export interface ArticleEntities {
  articleId: string;
  sentences: Span[];
  entities: Array<Pick<EntityMention, 'entity' | 'type' | 'start' | 'end'>>;
  entityIndex: ArticleEntity[];
}

/** Everything the composer reads: plain records, as the store lists them. */
export interface SituationRecords {
  /** Every stored article (the period is chosen from their dates). */
  articles: ArticleSummary[];
  stories: StoryRecordOut[];
  threads: ThreadRecord[];
  events: TimelineEntry[];
  quoteGroups: QuoteGroup[];
  claimLinks: ClaimLink[];
  series: FigureSeries[];
  /** Quotes, claims and figures of the articles in scope (and of those they are set against). */
  quotes: StoredQuote[];
  claims: StoredClaim[];
  figures: StoredFigure[];
  analyses: ArticleEntities[];
  /** Entity rows: names, types, and which key an alias stands for. */
  entities: Array<{ key: string; type: EntityType; name: string; aliasOf: string | null }>;
}

// --- How much of each section a report holds --------------------------------
// A report is read in a few minutes: these caps keep each section to what fits
// a page or two, picked by importance, then shown in date order.
/** Developments within the period: a dozen is a morning's briefing. */
const KEY_EVENTS = 12;
/** Earlier events the period's articles recall: context, not news. */
const BACKGROUND_EVENTS = 6;
/** Dates ahead the articles mention (a summit in November). */
const AHEAD_EVENTS = 4;
const QUOTES = 10;
/** Lines one speaker gets before others are heard (a president is quoted in every article). */
const QUOTES_PER_SPEAKER = 4;
/**
 * A quote said more than a month before the period is background (a 2022
 * statement quoted again); within a month it is part of the week's news
 * (what was said the week before is what the period's articles react to).
 */
const QUOTE_BACKGROUND_DAYS = 30;
const DISPUTES = 10;
const CLAIMS = 10;
const FIGURES = 10;
/** Points shown per figure: a short table; a long series keeps its latest points. */
const FIGURE_POINTS = 8;
/** Stories listed: the rest are counted in the summary. */
const STORIES = 10;
const PLACES = 30;
/** Places listed under each story: enough to say where it happens. */
const STORY_PLACES = 5;
/** Sentences cited for one event: more adds length, not trust. */
const EVENT_SOURCES = 6;
/** Stories in the headline summary. */
const HEADLINE_STORIES = 3;
/** The default period: a week, the rhythm of a weekly sitrep. */
const WEEK_DAYS = 7;

const QUOTE_KIND_RANK = { direct: 0, partial: 1, reported: 2 } as const;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Nulls last. */
const byNullable = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : byString(a, b));

function checkDay(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!isIsoDay(value)) throw new ReportError('EQUERY', `${name} must be a date written YYYY-MM-DD, got "${value}"`);
  return value;
}

/** The period and the articles in it: shared by the loader (to load only what it needs) and the composer. */
export function selectScope(
  articles: readonly ArticleSummary[],
  query: SituationQuery,
  story: StoryRecordOut | null,
): { period: ReportPeriod; articles: Array<{ article: ArticleSummary; days: ArticleDays; fit: DateFit }> } {
  const since = checkDay('since', query.since);
  const until = checkDay('until', query.until);
  if (since && until && since > until) throw new ReportError('EQUERY', `since (${since}) is after until (${until})`);
  const storyIds = story ? new Set(story.articles) : null;
  const pool = articles
    .filter((a) => !storyIds || storyIds.has(a.id))
    .map((article) => ({ article, days: articleDays(article.published) }))
    .sort((a, b) => byString(a.article.id, b.article.id));
  const anchors = pool.map((p) => anchorDay(p.days)).filter((d): d is string => d !== null).sort();
  let period: ReportPeriod;
  if (since || until) period = { since, until, basis: 'requested' };
  else if (story) period = { since: anchors[0] ?? null, until: anchors.at(-1) ?? null, basis: 'story' };
  else if (anchors.length) {
    const last = anchors.at(-1)!;
    period = { since: addDays(last, -(WEEK_DAYS - 1)), until: last, basis: 'latest-week' };
  } else period = { since: null, until: null, basis: 'all' };
  const inScope = pool
    .map((p) => {
      const fit: DateFit = p.days.day ? 'exact' : p.days.earliest || p.days.latest ? 'range' : 'unknown';
      return { ...p, fit };
    })
    .filter((p) => {
      if (period.basis === 'story' || period.basis === 'all') return true;
      if (p.fit === 'unknown') return query.undated !== 'exclude';
      return overlaps(p.days, period.since, period.until);
    });
  return { period, articles: inScope };
}

/** The entity a key stands for once aliases are followed, and its display name. */
function entityResolver(rows: SituationRecords['entities']) {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const canonical = (key: string): string => {
    let k = key;
    // An alias chain is short (the registry points aliases at canonical keys); the bound guards a cycle.
    for (let i = 0; i < 8; i++) {
      const next = byKey.get(k)?.aliasOf;
      if (!next || next === k) break;
      k = next;
    }
    return k;
  };
  const name = (key: string | null): string | null => (key === null ? null : (byKey.get(canonical(key))?.name ?? byKey.get(key)?.name ?? null));
  return { canonical, name, type: (key: string) => byKey.get(canonical(key))?.type ?? byKey.get(key)?.type ?? null };
}

function dateTextOf(a: ArticleSummary, days: ArticleDays, fit: DateFit): string {
  if (fit === 'unknown') return 'date unknown';
  const inferred = a.published.provenance === 'inferred' ? ' (date inferred)' : '';
  if (days.day) return `${days.day}${inferred}`;
  if (days.earliest && days.latest) return `${days.earliest}…${days.latest}${inferred}`;
  if (days.earliest) return `on or after ${days.earliest}${inferred}`;
  return `on or before ${days.latest}${inferred}`;
}

/** Compares TIMEX3 values in time: calendar dates by first day, coarser first; others last. */
function byTimex(a: string | null, b: string | null): number {
  const ia = a ? timexInterval(a) : null;
  const ib = b ? timexInterval(b) : null;
  if (!ia || !ib) return ia ? -1 : ib ? 1 : byNullable(a, b);
  return byString(ia.start, ib.start) || byString(ib.end, ia.end);
}

const FIGURE_UNITS: Record<string, string> = {
  km: 'km',
  km2: 'km²',
  percent: '%',
  usd: 'US$',
  fraction: '',
};

/** "over 1,300 km²", "about half", "50,000–60,000 troops". */
export function figureText(p: { value: number; valueMax: number | null; qualifier: string | null; unit: string }): string {
  const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (p.unit === 'fraction') {
    // The fractions news writes in words; within 0.005 so 0.333… reads "a third".
    const words: Array<[number, string]> = [[0.5, 'half'], [0.25, 'a quarter'], [0.75, 'three quarters'], [1 / 3, 'a third'], [2 / 3, 'two thirds']];
    const word = words.find(([v]) => Math.abs(v - p.value) < 0.005)?.[1] ?? `${n(p.value * 100)}%`;
    return `${p.qualifier ? `${p.qualifier} ` : ''}${word}`;
  }
  const value = p.valueMax !== null ? `${n(p.value)}–${n(p.valueMax)}` : n(p.value);
  const unit = FIGURE_UNITS[p.unit] ?? (p.unit === 'count' ? '' : p.unit);
  const body = p.unit === 'usd' ? `US$${value}` : p.unit === 'percent' ? `${value}%` : unit ? `${value} ${unit}` : value;
  return `${p.qualifier ? `${p.qualifier} ` : ''}${body}`;
}

export function composeSituation(records: SituationRecords, query: SituationQuery = {}): SituationReport {
  const entities = entityResolver(records.entities);
  const story = query.story ? (records.stories.find((s) => s.id === query.story || s.articles.includes(query.story!)) ?? null) : null;
  if (query.story && !story) throw new ReportError('ENOSTORY', `no story "${query.story}" (stories are listed by: sitrep stories)`);
  const { period, articles: scoped } = selectScope(records.articles, query, story);
  const scope = new Map(scoped.map((s) => [s.article.id, s]));
  const allArticles = new Map(records.articles.map((a) => [a.id, a]));
  const storyOfArticle = new Map<string, StoryRecordOut>();
  for (const s of [...records.stories].sort((a, b) => byString(a.id, b.id))) for (const id of s.articles) if (!storyOfArticle.has(id)) storyOfArticle.set(id, s);
  const analyses = new Map(records.analyses.map((a) => [a.articleId, a]));

  // Citations are numbered once every section is chosen: each is created with
  // ref 0 and numbered when the source list is sorted.
  const cited = new Set<string>();
  const sentenceSpan = (articleId: string, sentence: number | null): Span | null => {
    if (sentence === null) return null;
    const s = analyses.get(articleId)?.sentences[sentence];
    return s ? { start: s.start, end: s.end } : null;
  };
  const cite = (articleId: string, span: Span | null): Citation => {
    const a = allArticles.get(articleId);
    cited.add(articleId);
    return { ref: 0, article: articleId, outlet: a?.outlet ?? null, title: a?.title ?? articleId, sentence: span };
  };
  const inScope = (articleId: string) => scope.has(articleId);
  const quoteAt = new Map(records.quotes.map((q) => [`${q.articleId}:${q.index}`, q]));
  const claimAt = new Map(records.claims.map((c) => [`${c.articleId}:${c.index}`, c]));
  const figureAt = new Map(records.figures.map((f) => [`${f.articleId}:${f.index}`, f]));

  // --- Places and how much each is mentioned in scope -----------------------
  const placeStats = new Map<string, { key: string; name: string; info: NonNullable<ArticleEntity['place']>; mentions: number; articles: Set<string> }>();
  const placesByArticle = new Map<string, Map<string, number>>();
  for (const id of [...scope.keys()].sort()) {
    const an = analyses.get(id);
    if (!an) continue;
    const counts = new Map<string, number>();
    for (const m of an.entities) if (m.type === 'place') counts.set(entities.canonical(m.entity), (counts.get(entities.canonical(m.entity)) ?? 0) + 1);
    placesByArticle.set(id, counts);
    for (const e of an.entityIndex) {
      if (e.type !== 'place' || !e.place) continue;
      const key = entities.canonical(e.key);
      let stat = placeStats.get(key);
      if (!stat) {
        stat = { key, name: entities.name(key) ?? e.name, info: e.place, mentions: 0, articles: new Set() };
        placeStats.set(key, stat);
      }
      if (!stat.articles.has(id)) {
        stat.articles.add(id);
        stat.mentions += counts.get(key) ?? 0;
      }
    }
  }
  const placeInfo = new Map<string, NonNullable<ArticleEntity['place']>>();
  for (const an of [...records.analyses].sort((a, b) => byString(a.articleId, b.articleId)))
    for (const e of an.entityIndex) if (e.place && !placeInfo.has(entities.canonical(e.key))) placeInfo.set(entities.canonical(e.key), e.place);
  /** Places (countries aside: they are parties more than places) named in an article's sentence. */
  const placesInSentence = (articleId: string, sentence: number | null): string[] => {
    const an = analyses.get(articleId);
    const span = sentence === null ? undefined : an?.sentences[sentence];
    if (!an || !span) return [];
    return an.entities
      .filter((m) => m.type === 'place' && m.start >= span.start && m.end <= span.end)
      .map((m) => entities.canonical(m.entity))
      .filter((k) => placeInfo.has(k) && placeInfo.get(k)!.kind !== 'country');
  };
  const placeOrder = (a: { mentions: number; articles: Set<string>; name: string; key: string }, b: typeof a) =>
    b.mentions - a.mentions || b.articles.size - a.articles.size || byString(a.name, b.name) || byString(a.key, b.key);

  // --- Stories ----------------------------------------------------------------
  const threads = new Map(records.threads.map((t) => [t.id, t]));
  const storiesInScope = records.stories
    .map((s) => ({ s, ids: s.articles.filter(inScope).sort() }))
    .filter(({ ids }) => ids.length > 0);
  const stories: ReportStory[] = storiesInScope
    .sort(
      (x, y) =>
        y.ids.length - x.ids.length ||
        y.s.independentSources - x.s.independentSources ||
        byNullable(y.s.dates?.end ?? null, x.s.dates?.end ?? null) ||
        byString(x.s.id, y.s.id),
    )
    .slice(0, STORIES)
    .map(({ s, ids }) => {
      const counts = new Map<string, number>();
      for (const id of ids) for (const [k, n] of placesByArticle.get(id) ?? []) counts.set(k, (counts.get(k) ?? 0) + n);
      const places = [...counts]
        .filter(([k]) => placeStats.has(k))
        .sort((a, b) => b[1] - a[1] || byString(a[0], b[0]))
        .slice(0, STORY_PLACES)
        .map(([key]) => ({ key, name: placeStats.get(key)!.name }));
      for (const id of ids) cited.add(id);
      const thread = s.thread ? threads.get(s.thread) : undefined;
      return {
        id: s.id,
        title: s.title,
        summary: s.summary,
        articles: ids,
        totalArticles: s.articles.length,
        independentSources: s.independentSources,
        firstSeen: s.dates?.start ?? null,
        lastSeen: s.dates?.end ?? null,
        thread: thread ? { id: thread.id, title: thread.title } : null,
        places,
        refs: [],
      };
    });

  // --- Key developments -------------------------------------------------------
  const timing = (e: TimelineEntry): ReportEvent['timing'] => {
    if (e.dated === 'article') return 'within';
    const iv = timexInterval(e.date);
    if (!iv) return 'within';
    if (period.since && iv.end < period.since) return 'before';
    if (period.until && iv.start > period.until) return 'after';
    return 'within';
  };
  const periodDays = period.since && period.until ? (Date.parse(period.until) - Date.parse(period.since)) / 86_400_000 + 1 : Infinity;
  /** A date coarser than the period (a year, in a week's report) says the event is somewhere in it, not when. */
  const approximate = (e: TimelineEntry) => {
    if (timing(e) !== 'within') return false;
    const iv = timexInterval(e.date);
    return !iv || (Date.parse(iv.end) - Date.parse(iv.start)) / 86_400_000 + 1 > periodDays;
  };
  const eventRank = (a: TimelineEntry, b: TimelineEntry) => b.score - a.score || byString(eventId(a), eventId(b));
  const candidates = records.events.filter((e) => e.sources.some((s) => inScope(s.articleId)));
  const pick = (t: ReportEvent['timing'], n: number) =>
    candidates
      .filter((e) => timing(e) === t)
      // Events the period can place come first; approximate ones fill what is left, up to half the list.
      .sort((a, b) => Number(approximate(a)) - Number(approximate(b)) || eventRank(a, b))
      .filter((e, i, all) => !approximate(e) || i - all.findIndex(approximate) < Math.ceil(n / 2))
      .slice(0, n);
  const keyEvents: ReportEvent[] = [...pick('before', BACKGROUND_EVENTS), ...pick('within', KEY_EVENTS), ...pick('after', AHEAD_EVENTS)]
    .sort((a, b) => byTimex(a.date, b.date) || eventRank(a, b))
    .map((e) => {
      // The period's own articles vouch for it; others reporting the same event stay in the timeline.
      const sources = e.sources
        .filter((src) => inScope(src.articleId))
        .sort((a, b) => byString(a.articleId, b.articleId) || a.sentence - b.sentence)
        .slice(0, EVENT_SOURCES);
      return {
        date: e.date,
        dateText: timexText(e.date),
        precision: e.precision,
        dated: e.dated,
        timing: timing(e),
        approximate: approximate(e),
        text: e.text,
        story: storyOfArticle.get(e.sources[0]!.articleId)?.id ?? null,
        sources: sources.map((s) => cite(s.articleId, { start: s.start, end: s.end })),
      };
    });

  // --- Who said what ------------------------------------------------------------
  const speakerName = (key: string | null, fallback: string | null) => entities.name(key) ?? fallback;
  /** When a statement's own date is unknown, what its article's date says ("date not stated, article on or after 2024-08-01 (inferred)"). */
  const saidTextOf = (said: string | null, articleId: string | undefined) => {
    if (said) return timexText(said);
    const a = articleId ? allArticles.get(articleId) : undefined;
    if (!a) return 'date unknown';
    const days = articleDays(a.published);
    const fit: DateFit = days.day ? 'exact' : days.earliest || days.latest ? 'range' : 'unknown';
    return fit === 'unknown' ? 'date unknown' : `date not stated, article ${dateTextOf(a, days, fit).replace(' (date inferred)', ' (inferred)')}`;
  };
  /** Carriers whose `creditedRef` waits for the source numbering. */
  const creditedOf = new Map<QuoteCarrier, string>();
  /** Said well before the period: background, ranked after what was said in or near it. */
  const saidBefore = (said: string | null) => {
    const iv = said ? timexInterval(said) : null;
    return Boolean(iv && period.since && iv.end < addDays(period.since, -QUOTE_BACKGROUND_DAYS));
  };
  interface QuoteCandidate {
    /** Distinct articles of the period carrying it. */
    articles: number;
    earlier: boolean;
    named: boolean;
    kind: ReportQuote['kind'];
    /** A stable tie-break. */
    key: string;
    /** Who said it (entity key, or the words naming an unnamed source). */
    speaker: string | null;
    /** `article:sentence` of each appearance: one statement is reported once. */
    sentences: string[];
    make: () => ReportQuote;
  }
  const quoteSentence = (articleId: string, index: number) => `${articleId}:${quoteAt.get(`${articleId}:${index}`)?.sentence ?? `q${index}`}`;
  const grouped = new Set<string>();
  const quoteCandidates: QuoteCandidate[] = [];
  for (const g of records.quoteGroups) {
    if (!g.appearances.some((a) => inScope(a.articleId))) continue;
    for (const a of g.appearances) grouped.add(`${a.articleId}:${a.index}`);
    const perArticle = new Map<string, QuoteGroup['appearances'][number]>();
    for (const a of g.appearances) {
      const seen = perArticle.get(a.articleId);
      // One line per carrier: the appearance that credits a channel says most about where it came from.
      if (!seen || (!seen.channel && a.channel)) perArticle.set(a.articleId, a);
    }
    const carriers = [...perArticle.values()].sort((a, b) => byNullable(a.published, b.published) || byString(a.articleId, b.articleId));
    const kind = g.appearances.map((a) => a.kind).sort((a, b) => QUOTE_KIND_RANK[a] - QUOTE_KIND_RANK[b])[0] ?? 'reported';
    const said =
      carriers.map((a) => quoteAt.get(`${a.articleId}:${a.index}`)?.saidOn ?? null).find((d) => d !== null) ?? g.earliest?.published.slice(0, 10) ?? null;
    quoteCandidates.push({
      articles: carriers.filter((a) => inScope(a.articleId)).length,
      earlier: saidBefore(said),
      named: g.speaker !== null,
      kind,
      key: g.id,
      speaker: g.speaker ? entities.canonical(g.speaker) : (g.appearances[0]?.speaker ?? null),
      sentences: g.appearances.map((a) => quoteSentence(a.articleId, a.index)),
      make: () => {
        const first = g.appearances[0];
        return {
          speaker: speakerName(g.speaker, first?.speaker ?? null),
          speakerKey: g.speaker ? entities.canonical(g.speaker) : null,
          text: g.text,
          kind,
          said,
          saidText: saidTextOf(said, carriers[0]?.articleId),
          sources: carriers.map((a) => {
            const carrier: QuoteCarrier = {
              ...cite(a.articleId, sentenceSpan(a.articleId, quoteAt.get(`${a.articleId}:${a.index}`)?.sentence ?? null)),
              published: a.published,
              channel: a.channel,
              creditedRef: null,
              creditedAs: null,
            };
            if (a.creditedArticle) {
              cited.add(a.creditedArticle);
              creditedOf.set(carrier, a.creditedArticle);
            }
            return carrier;
          }),
          shared: perArticle.size > 1,
        };
      },
    });
  }
  for (const q of records.quotes) {
    const key = `${q.articleId}:${q.index}`;
    if (!inScope(q.articleId) || grouped.has(key)) continue;
    const said = q.saidOn ?? allArticles.get(q.articleId)?.published.value?.slice(0, 10) ?? null;
    quoteCandidates.push({
      articles: 1,
      earlier: saidBefore(said),
      named: Boolean(q.speaker?.entity),
      kind: q.kind,
      key,
      speaker: q.speaker?.entity ? entities.canonical(q.speaker.entity) : (q.speaker?.description ?? q.speaker?.text ?? null),
      sentences: [quoteSentence(q.articleId, q.index)],
      make: () => {
        return {
          speaker: speakerName(q.speaker?.entity ?? null, q.speaker ? (q.speaker.description ?? q.speaker.text) : null),
          speakerKey: q.speaker?.entity ? entities.canonical(q.speaker.entity) : null,
          text: q.content.text,
          kind: q.kind,
          said,
          saidText: saidTextOf(said, q.articleId),
          sources: [
            {
              ...cite(q.articleId, sentenceSpan(q.articleId, q.sentence)),
              published: allArticles.get(q.articleId)?.published.value ?? null,
              channel: q.channel?.text ?? null,
              creditedRef: null,
              creditedAs: null,
            },
          ],
          shared: false,
        };
      },
    });
  }
  // Said in the period before what it recalls; carried by more of its articles; a named speaker's; words in quotation marks.
  quoteCandidates.sort(
    (a, b) => Number(a.earlier) - Number(b.earlier) || b.articles - a.articles || Number(b.named) - Number(a.named) || QUOTE_KIND_RANK[a.kind] - QUOTE_KIND_RANK[b.kind] || byString(a.key, b.key),
  );
  const chosen = new Set<QuoteCandidate>();
  const saidSentences = new Set<string>();
  const perSpeaker = new Map<string, number>();
  // Two passes: first no speaker takes more than a few lines, so other voices are heard; then what is left fills up.
  for (const cap of [QUOTES_PER_SPEAKER, QUOTES]) {
    for (const c of quoteCandidates) {
      if (chosen.size >= QUOTES) break;
      const speaker = c.speaker ?? '';
      // A reported line and the fragment quoted inside it are one statement: the first (best) stands for both.
      if (chosen.has(c) || c.sentences.some((s) => saidSentences.has(s)) || (perSpeaker.get(speaker) ?? 0) >= cap) continue;
      for (const s of c.sentences) saidSentences.add(s);
      perSpeaker.set(speaker, (perSpeaker.get(speaker) ?? 0) + 1);
      chosen.add(c);
    }
  }
  const quotes: ReportQuote[] = quoteCandidates.filter((c) => chosen.has(c)).map((c) => c.make());

  // --- Claims against counter-claims -------------------------------------------
  const sideKey = (s: ClaimSide) => `${s.articleId}:${s.index}`;
  const sideOut = (s: ClaimSide): ClaimSideOut => {
    const stored = claimAt.get(sideKey(s));
    return {
      ...cite(s.articleId, sentenceSpan(s.articleId, stored?.sentence ?? null)),
      party: speakerName(s.party, s.partyText),
      partyKey: s.party ? entities.canonical(s.party) : null,
      kind: s.kind,
      text: s.text,
      date: s.date,
      dateText: timexText(s.date),
      unverified: stored?.flags.unverified ?? false,
    };
  };
  const links = records.claimLinks
    .filter((l) => l.relation !== 'confirms' && (inScope(l.a.articleId) || inScope(l.b.articleId)))
    .sort((x, y) => byString(sideKey(x.a), sideKey(y.a)) || byString(sideKey(x.b), sideKey(y.b)) || byString(x.relation, y.relation));
  // Links that share a side are one dispute: the claim, its denials, its restatements.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const role = new Map<string, 'claim' | 'counter'>();
  const sides = new Map<string, ClaimSide>();
  /** Each link as claim → counter. */
  const oriented: Array<{ link: ClaimLink; claim: ClaimSide; counter: ClaimSide }> = [];
  for (const l of links) {
    // A denial answers the claim; otherwise the earlier side is the claim and the later one answers it.
    const [claim, counter] = l.relation === 'denies' && l.a.kind === 'denial' && l.b.kind !== 'denial' ? [l.b, l.a] : [l.a, l.b];
    oriented.push({ link: l, claim, counter });
    for (const [s, r] of [[claim, 'claim'], [counter, 'counter']] as const) {
      const k = sideKey(s);
      if (!parent.has(k)) parent.set(k, k);
      if (!role.has(k)) role.set(k, r);
      sides.set(k, s);
    }
    const ra = find(sideKey(claim));
    const rb = find(sideKey(counter));
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const components = new Map<string, { keys: string[]; relations: Set<ClaimRelation>; shared: Set<string>; links: typeof oriented }>();
  for (const o of oriented) {
    const l = o.link;
    const root = find(sideKey(l.a));
    let c = components.get(root);
    if (!c) {
      c = { keys: [], relations: new Set(), shared: new Set(), links: [] };
      components.set(root, c);
    }
    c.links.push(o);
    c.relations.add(l.relation);
    for (const k of l.shared) c.shared.add(entities.canonical(k));
  }
  for (const k of [...parent.keys()].sort()) components.get(find(k))?.keys.push(k);
  const bySide = (a: ClaimSide, b: ClaimSide) => byTimex(a.date, b.date) || byString(a.articleId, b.articleId) || a.index - b.index;
  const disputes: ReportDispute[] = [...components.values()]
    .map((c) => {
      const group = (r: 'claim' | 'counter') => c.keys.filter((k) => role.get(k) === r).map((k) => sides.get(k)!).sort(bySide);
      return { c, claims: group('claim'), counters: group('counter') };
    })
    // The disputes most articles take part in first, then the larger, then a stable key.
    .sort((x, y) => {
      const articlesOf = (d: typeof x) => new Set([...d.claims, ...d.counters].map((s) => s.articleId)).size;
      return articlesOf(y) - articlesOf(x) || y.c.keys.length - x.c.keys.length || byString(x.c.keys[0]!, y.c.keys[0]!);
    })
    .slice(0, DISPUTES)
    .map(({ c, claims, counters }) => {
      const shared = [...c.shared].sort();
      const isPlace = (k: string) => entities.type(k) === 'place' || k.startsWith('place:');
      // Where it is about: the places the link shares, else those named in either side's sentence.
      const placeCount = new Map<string, number>(shared.filter(isPlace).map((k) => [k, 1]));
      for (const side of [...claims, ...counters]) {
        const stored = claimAt.get(sideKey(side));
        const here = new Set(placesInSentence(side.articleId, stored?.sentence ?? null));
        if (stored?.control?.place.entity) here.add(entities.canonical(stored.control.place.entity));
        for (const k of here) placeCount.set(k, (placeCount.get(k) ?? 0) + 1);
      }
      const placeKeys = [...placeCount].sort((a, b) => b[1] - a[1] || byString(entities.name(a[0]) ?? a[0], entities.name(b[0]) ?? b[0])).map(([k]) => k);
      // Which claim each link sets against which counter (a side may take part in several links).
      const at = (list: ClaimSide[], side: ClaimSide) => list.findIndex((x) => sideKey(x) === sideKey(side));
      const pairs: Array<[number, number]> = [];
      for (const { claim, counter } of c.links) {
        const straight: [number, number] = [at(claims, claim), at(counters, counter)];
        const swapped: [number, number] = [at(claims, counter), at(counters, claim)];
        const pair = straight[0] >= 0 && straight[1] >= 0 ? straight : swapped[0] >= 0 && swapped[1] >= 0 ? swapped : null;
        if (pair && !pairs.some((p) => p[0] === pair[0] && p[1] === pair[1])) pairs.push(pair);
      }
      pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      return {
        relations: [...c.relations].sort(),
        claims: claims.map(sideOut),
        counters: counters.map(sideOut),
        pairs,
        places: placeKeys.map((key) => ({ key, name: entities.name(key) ?? key })),
        about: shared.filter((k) => !isPlace(k)).map((key) => ({ key, name: entities.name(key) ?? key })),
      };
    });
  const inDispute = new Set(parent.keys());

  // --- Claims nothing answers: control of places, unverified assertions ------------
  const claims: ReportClaim[] = records.claims
    .filter((c) => inScope(c.articleId) && !inDispute.has(`${c.articleId}:${c.index}`) && (c.control !== null || c.flags.unverified))
    .sort(
      (a, b) =>
        Number(b.flags.unverified) - Number(a.flags.unverified) ||
        Number(Boolean(b.party?.entity)) - Number(Boolean(a.party?.entity)) ||
        byTimex(a.date, b.date) ||
        byString(a.articleId, b.articleId) ||
        a.index - b.index,
    )
    // One line per proposition an article states: the same words attributed twice (a name, then "him") are one claim.
    .filter((c, i, all) => all.findIndex((o) => o.articleId === c.articleId && o.content.text === c.content.text) === i)
    .slice(0, CLAIMS)
    .map((c) => ({
      ...cite(c.articleId, sentenceSpan(c.articleId, c.sentence)),
      party: speakerName(c.party?.entity ?? null, c.party ? (c.party.description ?? c.party.text) : null),
      partyKey: c.party?.entity ? entities.canonical(c.party.entity) : null,
      kind: c.kind,
      text: c.content.text,
      date: c.date,
      dateText: timexText(c.date),
      unverified: c.flags.unverified,
      control: c.control
        ? {
            action: c.control.action,
            place: speakerName(c.control.place.entity, c.control.place.text) ?? c.control.place.text,
            placeKey: c.control.place.entity ? entities.canonical(c.control.place.entity) : null,
          }
        : null,
    }));

  // --- Figures and their changes ------------------------------------------------
  const figures: ReportFigure[] = records.series
    // A lone number with nothing named as counted ("30 km") is not a figure a reader can use.
    .filter((s) => s.points.some((p) => inScope(p.articleId)) && (s.points.length > 1 || s.points.some((p) => p.counted !== null && p.counted !== s.unit)))
    .sort((a, b) => b.points.filter((p) => inScope(p.articleId)).length - a.points.filter((p) => inScope(p.articleId)).length || b.points.length - a.points.length || byString(a.id, b.id))
    .slice(0, FIGURES)
    .map((s) => {
      const hasDate = (p: SeriesPoint) => Boolean(p.date && timexInterval(p.date));
      const byDate = (a: SeriesPoint, b: SeriesPoint) => byTimex(a.date, b.date) || byString(a.articleId, b.articleId) || a.index - b.index;
      // What the period reports, and the last value before it (what the period's figure changed from).
      const reported = s.points.filter((p) => inScope(p.articleId));
      const firstReported = reported.filter(hasDate).sort(byDate)[0];
      const baseline = firstReported
        ? s.points
            .filter((p) => !inScope(p.articleId) && hasDate(p) && byTimex(p.date, firstReported.date) <= 0)
            .sort(byDate)
            .at(-1)
        : undefined;
      const shown = [...(baseline ? [baseline] : []), ...reported];
      // The latest points when there are more than a table's worth.
      const dated = shown.filter(hasDate).sort(byDate).slice(-FIGURE_POINTS);
      const undated = shown.filter((p) => !hasDate(p)).slice(0, Math.max(0, FIGURE_POINTS - dated.length));
      const ordered = [...dated, ...undated];
      const points: ReportFigurePoint[] = ordered.map((p) => {
        const f = figureAt.get(`${p.articleId}:${p.index}`);
        return {
          ...cite(p.articleId, sentenceSpan(p.articleId, f?.sentence ?? null)),
          date: p.date,
          dateText: timexText(p.date),
          value: p.value,
          valueMax: p.valueMax,
          qualifier: p.qualifier,
          valueText: figureText({ ...p, unit: s.unit }),
          text: p.text,
          counted: p.counted,
          party: speakerName(p.party, p.partyText),
          partyKey: p.party ? entities.canonical(p.party) : null,
        };
      });
      const first = dated[0];
      const last = dated.at(-1);
      const change =
        first && last && byTimex(first.date, last.date) < 0
          ? { from: first.value, to: last.value, delta: last.value - first.value, fromDate: first.date!, toDate: last.date! }
          : null;
      const place = s.place ? { key: entities.canonical(s.place), name: entities.name(s.place) ?? s.place } : null;
      return { series: s.id, unit: s.unit, counted: s.subject, place, points, change };
    });

  // --- Places -----------------------------------------------------------------
  const places: ReportPlace[] = [...placeStats.values()]
    .sort(placeOrder)
    .slice(0, PLACES)
    .map((p) => ({
      key: p.key,
      name: p.name,
      lat: p.info.lat,
      lon: p.info.lon,
      country: p.info.country,
      kind: p.info.kind,
      mentions: p.mentions,
      articles: p.articles.size,
      refs: [],
    }));
  const placeArticles = new Map([...placeStats.values()].map((p) => [p.key, [...p.articles]]));

  // --- The numbered source list -------------------------------------------------------
  for (const id of scope.keys()) cited.add(id);
  const sourceRows = [...cited]
    .filter((id) => allArticles.has(id))
    .map((id) => {
      const a = allArticles.get(id)!;
      const s = scope.get(id);
      const days = s?.days ?? articleDays(a.published);
      const fit: DateFit = s?.fit ?? (days.day ? 'exact' : days.earliest || days.latest ? 'range' : 'unknown');
      return { a, days, fit, anchor: days.day ?? days.earliest ?? days.latest };
    })
    .sort((x, y) => byNullable(x.anchor, y.anchor) || byString(x.a.id, y.a.id));
  const refOf = new Map(sourceRows.map((r, i) => [r.a.id, i + 1]));
  const sources: ReportSource[] = sourceRows.map(({ a, days, fit }, i) => ({
    ref: i + 1,
    article: a.id,
    title: a.title,
    outlet: a.outlet,
    url: a.url,
    location: a.source,
    published: days.day,
    provenance: a.published.provenance,
    range: a.published.range ? { earliest: a.published.range.earliest, latest: a.published.range.latest } : null,
    dateText: dateTextOf(a, days, fit),
    fit,
    inPeriod: scope.has(a.id),
    duplicateOf: a.duplicateOf,
  }));
  const citations: Citation[] = [
    ...keyEvents.flatMap((e) => e.sources),
    ...quotes.flatMap((q) => q.sources),
    ...disputes.flatMap((d) => [...d.claims, ...d.counters]),
    ...claims,
    ...figures.flatMap((f) => f.points),
  ];
  for (const c of citations) c.ref = refOf.get(c.article) ?? 0;
  for (const [carrier, credited] of creditedOf) carrier.creditedRef = refOf.get(credited) ?? null;
  for (const q of quotes) {
    for (const c of q.sources) {
      const by = q.sources.find((o) => o !== c && o.creditedRef === c.ref && o.channel);
      if (by) c.creditedAs = { channel: by.channel!, by: by.ref };
    }
  }
  const refsOf = (ids: Iterable<string>) => [...new Set([...ids].map((id) => refOf.get(id)).filter((r): r is number => r !== undefined))].sort((a, b) => a - b);
  for (const s of stories) s.refs = refsOf(s.articles);
  for (const p of places) p.refs = refsOf(placeArticles.get(p.key) ?? []);

  // --- Counts and the headline ------------------------------------------------------
  const inScopeRows = [...scope.values()];
  const outlets = new Set(inScopeRows.map((s) => s.article.outlet).filter((o): o is string => o !== null));
  const generatedFrom = {
    articles: scope.size,
    stories: storiesInScope.length,
    outlets: outlets.size,
    exactDates: inScopeRows.filter((s) => s.fit === 'exact' && s.article.published.provenance !== 'inferred').length,
    inferredDates: inScopeRows.filter((s) => s.fit !== 'unknown' && s.article.published.provenance === 'inferred').length,
    unknownDates: inScopeRows.filter((s) => s.fit === 'unknown').length,
    corpus: records.articles.length,
  };
  const headline = composeHeadline(period, generatedFrom, story, stories, disputes, figures);

  return {
    period,
    story: story?.id ?? null,
    generatedFrom,
    generatedAt: query.generatedAt ?? null,
    headline,
    stories,
    keyEvents,
    quotes,
    disputes,
    claims,
    figures,
    places,
    sources,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function composeHeadline(
  period: ReportPeriod,
  counts: SituationReport['generatedFrom'],
  story: StoryRecordOut | null,
  stories: ReportStory[],
  disputes: ReportDispute[],
  figures: ReportFigure[],
): string[] {
  const basis = {
    requested: '',
    'latest-week': ' (the latest week with dated articles)',
    story: ' (the whole story)',
    all: ' (no article is dated: all articles)',
  }[period.basis];
  const dating = [
    counts.exactDates ? `${counts.exactDates} dated` : '',
    counts.inferredDates ? `${counts.inferredDates} with inferred dates` : '',
    counts.unknownDates ? `${counts.unknownDates} undated (included: they may belong to the period)` : '',
  ].filter(Boolean);
  if (counts.articles === 0) {
    return [counts.corpus === 0 ? 'No articles are stored yet: nothing to report (sitrep ingest PATH adds some).' : `No article falls in ${periodText(period.since, period.until)}${basis}.`];
  }
  const lines = [
    `${story ? `Story "${story.title}", ` : ''}${periodText(period.since, period.until)}${basis}: ${plural(counts.articles, 'article')}${counts.outlets ? ` from ${plural(counts.outlets, 'named outlet')}` : ''}` +
      `${dating.length ? ` — ${dating.join(', ')}` : ''}.`,
  ];
  if (stories.length) {
    lines.push(
      `Main ${stories.length === 1 ? 'story' : 'stories'}: ${stories
        .slice(0, HEADLINE_STORIES)
        .map((s) => `${s.title} (${plural(s.independentSources, 'independent source')})`)
        .join('; ')}.`,
    );
  }
  const d = disputes[0];
  if (d && d.claims[0] && d.counters[0]) {
    lines.push(
      `Disputed: ${d.claims[0].party ?? 'a source'} — “${clip(d.claims[0].text)}”; ${d.counters[0].party ?? 'another source'} ${d.counters[0].kind === 'denial' ? 'denies it' : 'says otherwise'}` +
        `${disputes.length > 1 ? ` (and ${plural(disputes.length - 1, 'more dispute')})` : ''}.`,
    );
  }
  const changed = figures.filter((f) => f.change && f.change.delta !== 0);
  if (changed.length) {
    lines.push(
      `Changed figures: ${changed
        .slice(0, 2)
        .map((f) => `${f.counted}: ${f.change!.from.toLocaleString('en-US')} → ${f.change!.to.toLocaleString('en-US')}`)
        .join('; ')}.`,
    );
  }
  return lines;
}

/** Words enough to recognise a sentence in a summary line. */
const CLIP_CHARS = 120;
function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= CLIP_CHARS) return t;
  const cut = t.slice(0, CLIP_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), CLIP_CHARS / 2))}…`;
}

// --- Loading from the store ------------------------------------------------------------

/** Page size for reading whole lists. */
const PAGE = 1000;

async function everything<T>(page: (p: { limit: number; offset: number }) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const rows = await page({ limit: PAGE, offset });
    out.push(...rows);
    if (rows.length < PAGE) return out;
  }
}

/**
 * Reads what the report needs for one query: every article's summary (to
 * choose the period), the corpus connections, and the quotes, claims,
 * figures and entities of the articles in scope and of those they are set against.
 */
export async function loadSituation(store: Store, query: SituationQuery = {}): Promise<SituationReport> {
  const articles = await everything((p) => store.listArticles(p));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const story = query.story ? await store.getStory(query.story) : null;
  if (query.story && !story) throw new ReportError('ENOSTORY', `no story "${query.story}" (stories are listed by: sitrep stories)`);
  const { articles: scoped } = selectScope(articles, query, story);
  const ids = scoped.map((s) => s.article.id);
  const inScope = new Set(ids);
  const [stories, threads, events, quoteGroups, claimLinks, series, entities] = await Promise.all([
    everything((p) => store.listStories(p)),
    store.listThreads(),
    ids.length ? store.listEvents({ articles: ids }) : Promise.resolve([]),
    everything((p) => store.listQuoteGroups(p)),
    everything((p) => store.listClaimLinks(p)),
    everything((p) => store.listFigureSeries(p)),
    store.allEntities(),
  ]);
  const related = new Set(ids);
  for (const g of quoteGroups) if (g.appearances.some((a) => inScope.has(a.articleId))) for (const a of g.appearances) related.add(a.articleId);
  for (const l of claimLinks) if (inScope.has(l.a.articleId) || inScope.has(l.b.articleId)) related.add(l.a.articleId).add(l.b.articleId);
  for (const s of series) if (s.points.some((p) => inScope.has(p.articleId))) for (const p of s.points) related.add(p.articleId);
  const records: SituationRecords = {
    articles,
    stories: story && !stories.some((s) => s.id === story.id) ? [...stories, story] : stories,
    threads,
    events,
    quoteGroups,
    claimLinks,
    series,
    quotes: [],
    claims: [],
    figures: [],
    analyses: [],
    entities: entities.map((e) => ({ key: e.key, type: e.type, name: e.name, aliasOf: e.aliasOf })),
  };
  // One article at a time: the store's connection pool is small, and a week is a few hundred articles.
  // The analysis carries the article's quotes, claims and figures (the same rows the attribution
  // lists read), so one query per article gives everything.
  for (const id of [...related].sort()) {
    const analysis = await store.getAnalysis(id);
    const a = byId.get(id);
    if (!analysis || !a) continue;
    const source = { articleId: id, articleTitle: a.title, outlet: a.outlet, published: a.published.value };
    analysis.quotes.forEach((q, index) => records.quotes.push({ ...q, ...source, index }));
    analysis.claims.forEach((c, index) => records.claims.push({ ...c, ...source, index }));
    analysis.figures.forEach((f, index) => {
      if (!f.hypothetical) records.figures.push({ ...f, ...source, index });
    });
    records.analyses.push({ articleId: id, sentences: analysis.sentences, entities: analysis.entities, entityIndex: analysis.entityIndex });
  }
  return composeSituation(records, { ...query, ...(story ? { story: story.id } : {}) });
}
