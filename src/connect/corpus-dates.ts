/**
 * Corpus-level dating: years for the year-less dates of undated articles,
 * read from the rest of the corpus, and the publication dates that follow.
 *
 * An article that says "July 30" and "on Wednesday" but never a year cannot
 * be dated alone. The corpus can help in two ways, used together:
 * - **the years the corpus is about**: the hull of the other articles' own
 *   dated evidence (metadata dates, inferred ranges and their bounds);
 * - **weekday–date agreement**: a weekday named with a year-less date
 *   ("Wednesday, July 31"), in the article itself or across two articles
 *   that quote the same words and date that statement, one by a weekday
 *   ("said on Wednesday"), the other by a day ("told French media on
 *   July 30").
 * A year is taken only when exactly one year of the corpus's years fits
 * every agreement; otherwise nothing is decided. Nothing is invented: the
 * decision carries its reasoning in the evidence, the expressions it dated
 * are marked `yearFrom: 'corpus'`, and the published date stays `inferred`.
 *
 * Pure: the same articles give the same decisions, whatever order they were
 * ingested in. Only each article's own evidence is read (never what an
 * earlier pass decided), so running the pass again changes nothing.
 */
import {
  dayNumber,
  formatDate,
  fromDayNumber,
  inferPublishedDate,
  isoWeekday,
  isValidDate,
  publicationBoundsFor,
  sentenceTimes,
  timexSpan,
  WEEKDAYS,
  extractTimes,
  type InferredPublishedDate,
  type OutsideBound,
} from '../analyze/time/index.ts';
import type { SentenceTime, Span, TimeExpression } from '../model/index.ts';

/** One article as the corpus pass sees it: its own dating, before any corpus pass. */
export interface DatingArticle {
  id: string;
  /** Clean text (may be empty for an article that can only give evidence, not receive it). */
  text: string;
  sentences: Span[];
  /** The date its container or its own text gave (value, provenance, evidence, range). */
  published: InferredPublishedDate;
  /** Its time expressions as resolved against that date. */
  times: TimeExpression[];
  /** Set for a near-duplicate: a copy repeats its original's evidence, so it does not count again. */
  duplicateOf?: string | null;
}

/** What the corpus decided for one undated article. */
export interface CorpusDating {
  id: string;
  published: InferredPublishedDate;
  times: TimeExpression[];
  sentenceTimes: SentenceTime[];
}

/**
 * Fewer articles than this giving dated evidence is not a corpus: one other
 * article's dates say little about which years a third one is from.
 */
const MIN_FRAME_ARTICLES = 2;

/**
 * Two outlets date one statement a day apart when an interview is given one
 * day and published the next ("told French media on July 30", "in an
 * interview published on July 31"), or across time zones: a weekday is
 * matched against the day either side as well.
 */
const STATEMENT_DAY_TOLERANCE = 1;

/**
 * Quoted words shared verbatim by two articles mark the same statement when
 * they run this long: "throwing everything they have" is four words, and a
 * chance repeat of four quoted words is rare.
 */
const MIN_SHARED_QUOTE_WORDS = 4;

/**
 * A quote repeated by more articles than this (syndicated copy) is compared
 * with the first this many only: enough to date a statement, and the work
 * stays linear in the number of quotes.
 */
const MAX_QUOTE_COPIES = 50;

/**
 * A statement's date is written where its report starts: in the quote's
 * sentence or a sentence or two before it in the same paragraph. Further
 * back, a date usually belongs to another statement.
 */
const STATEMENT_LOOKBACK_SENTENCES = 2;

const YEARLESS_DAY = /^XXXX-(\d{2})-(\d{2})$/;
const FULL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_ONLY = /^XXXX-WXX-([1-7])$/;

const shortId = (id: string) => id.slice(0, 10);
const quoted = (t: TimeExpression) => `"${t.text.replace(/\s+/g, ' ')}"`;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The days an article's own evidence puts on the corpus's timeline: its date, or the ends of its range. */
function evidenceDays(published: InferredPublishedDate): number[] {
  const days: number[] = [];
  const add = (v: string | null | undefined) => {
    const span = v ? timexSpan(v.slice(0, 10)) : null;
    if (span !== null) days.push(span[0], span[1]);
  };
  if (published.value !== null && /^\d{4}-\d{2}-\d{2}/.test(published.value)) add(published.value);
  else {
    add(published.range?.earliest);
    add(published.range?.latest);
  }
  return days;
}

const isDated = (a: DatingArticle) => a.published.value !== null && /^\d{4}-\d{2}-\d{2}/.test(a.published.value);

/** A weekday and a year-less day that must fall together (within `tolerance` days). */
interface Agreement {
  month: number;
  day: number;
  weekday: number;
  tolerance: number;
  /** The expression naming the day (in this article), if any: it takes the decided year. */
  dayExpression: TimeExpression | null;
  /** The weekday-only expression (in this article), if any: it takes the decided date. */
  weekdayExpression: TimeExpression | null;
  /** In words, for the evidence. */
  says: string;
  /** Set when the day's year is written ("July 30, 2024"): only that year can fit. */
  onlyYear: number | null;
}

/** Years of `years` in which the agreement holds, with the day the weekday falls on in each. */
function fitting(agreement: Agreement, years: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const year of years) {
    if (agreement.onlyYear !== null && year !== agreement.onlyYear) continue;
    if (!isValidDate(year, agreement.month, agreement.day)) continue;
    const base = dayNumber({ year, month: agreement.month, day: agreement.day });
    for (let d = -agreement.tolerance; d <= agreement.tolerance; d++) {
      if (isoWeekday(fromDayNumber(base + d)) === agreement.weekday) out.set(year, base + d);
    }
  }
  return out;
}

/** "Wednesday, July 31" in the article itself: a weekday prefixed to a year-less day. */
function ownAgreements(article: DatingArticle): Agreement[] {
  const out: Agreement[] = [];
  for (const t of article.times) {
    const m = YEARLESS_DAY.exec(t.value);
    const weekday = WEEKDAYS.get(/^\p{L}+/u.exec(t.text)?.[0]?.toLowerCase() ?? '');
    if (m === null || weekday === undefined) continue;
    out.push({ month: Number(m[1]), day: Number(m[2]), weekday, tolerance: 0, dayExpression: t, weekdayExpression: null, says: quoted(t), onlyYear: null });
  }
  return out;
}

/** Text lowercased to letters and digits, one space between words, with each character's offset in the original. */
function normalise(text: string): { norm: string; offsets: number[] } {
  let norm = '';
  const offsets: number[] = [];
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/[\p{L}\p{N}]/u.test(c)) {
      norm += c.toLowerCase();
      offsets.push(i);
      space = false;
    } else if (!space) {
      norm += ' ';
      offsets.push(i);
      space = true;
    }
  }
  return { norm, offsets };
}

/** Passages inside quotation marks, long enough to identify a statement. */
function quotations(text: string): Span[] {
  const out: Span[] = [];
  const re = /[“"]([^“”"\n]+)[”"]/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const inner = m[1]!;
    if (inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= MIN_SHARED_QUOTE_WORDS) {
      out.push({ start: m.index + 1, end: m.index + 1 + inner.length });
    }
  }
  return out;
}

/** The day-level date of the statement reported at `offset`: nearest in its sentence, else a sentence or two before, same paragraph. */
function statementDate(article: DatingArticle, offset: number, quotes: readonly Span[]): TimeExpression | null {
  const k = article.sentences.findIndex((s) => s.start <= offset && offset < s.end);
  if (k < 0) return null;
  const insideQuote = (t: TimeExpression) => quotes.some((q) => q.start <= t.start && t.end <= q.end);
  const dayLevel = (t: TimeExpression) => YEARLESS_DAY.test(t.value) || WEEKDAY_ONLY.test(t.value) || FULL_DAY.test(t.value);
  for (let back = 0; back <= STATEMENT_LOOKBACK_SENTENCES && k - back >= 0; back++) {
    const s = article.sentences[k - back]!;
    if (back > 0 && /\n\s*\n/.test(article.text.slice(s.end, article.sentences[k - back + 1]!.start))) break;
    const candidates = article.times.filter((t) => t.start >= s.start && t.end <= s.end && dayLevel(t) && !insideQuote(t));
    if (candidates.length === 0) continue;
    return candidates.reduce((best, t) => (Math.abs(t.start - offset) < Math.abs(best.start - offset) ? t : best));
  }
  return null;
}

/**
 * Statements two articles share (the same quoted words), dated in one by a
 * weekday and in the other by a day: an agreement for each of the two.
 */
function sharedStatementAgreements(articles: readonly DatingArticle[]): Map<string, Agreement[]> {
  const out = new Map<string, Agreement[]>();
  interface QuoteRecord { article: DatingArticle; span: Span; norm: string; offsets: number[]; all: Span[] }
  // Every quote, and an index from each run of MIN_SHARED_QUOTE_WORDS words in it to the quotes holding it:
  // a quote is then compared only with the quotes that hold its first words, not with every text.
  const records: QuoteRecord[] = [];
  const byGram = new Map<string, QuoteRecord[]>();
  for (const article of articles) {
    if (article.text.length === 0) continue;
    const all = quotations(article.text);
    for (const span of all) {
      const { norm, offsets } = normalise(article.text.slice(span.start, span.end));
      const record = { article, span, norm, offsets, all };
      records.push(record);
      const words = norm.trim().split(' ');
      for (let k = 0; k + MIN_SHARED_QUOTE_WORDS <= words.length; k++) {
        const gram = words.slice(k, k + MIN_SHARED_QUOTE_WORDS).join(' ');
        const list = byGram.get(gram) ?? [];
        if (list.length < MAX_QUOTE_COPIES && list[list.length - 1] !== record) list.push(record);
        byGram.set(gram, list);
      }
    }
  }
  const seen = new Set<string>();
  for (const qa of records) {
    const a = qa.article;
    const words = qa.norm.trim();
    for (const qb of byGram.get(words.split(' ').slice(0, MIN_SHARED_QUOTE_WORDS).join(' ')) ?? []) {
      const b = qb.article;
      if (b === a) continue;
      const at = qb.norm.indexOf(words);
      if (at < 0) continue;
      const dateA = statementDate(a, qa.span.start, qa.all);
      const dateB = statementDate(b, qb.span.start + qb.offsets[at]!, qb.all);
      if (dateA === null || dateB === null) continue;
      for (const [weekdaySide, daySide, wt, dt] of [
        [a, b, dateA, dateB],
        [b, a, dateB, dateA],
      ] as const) {
        const w = WEEKDAY_ONLY.exec(wt.value);
        const yearless = YEARLESS_DAY.exec(dt.value);
        const full = FULL_DAY.exec(dt.value);
        if (w === null || (yearless === null && full === null)) continue;
        const key = `${weekdaySide.id}:${wt.start}|${daySide.id}:${dt.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const excerpt = words.split(' ').slice(0, 8).join(' ');
        const says = `${quoted(wt)} in ${shortId(weekdaySide.id)} and ${quoted(dt)} in ${shortId(daySide.id)} date the same statement ("${excerpt}…")`;
        const base = {
          month: Number(yearless ? yearless[1] : full![2]),
          day: Number(yearless ? yearless[2] : full![3]),
          weekday: Number(w[1]),
          tolerance: STATEMENT_DAY_TOLERANCE,
          says,
          onlyYear: full === null ? null : Number(full[1]),
        };
        const push = (id: string, agreement: Agreement) => out.set(id, [...(out.get(id) ?? []), agreement]);
        push(weekdaySide.id, { ...base, dayExpression: null, weekdayExpression: wt });
        // A day whose year is written needs nothing from the corpus.
        if (full === null) push(daySide.id, { ...base, dayExpression: dt, weekdayExpression: null });
      }
    }
  }
  return out;
}

/**
 * The years the other articles' own dated evidence covers, or null when too
 * few articles give any. A near-duplicate and the article it copies count as
 * one article with the evidence of both: which of two copies is the
 * "original" depends on which was stored first, and the years must not.
 * The article's own copies are left out with it (their evidence is its own).
 */
function corpusYears(articles: readonly DatingArticle[], exclude: string): { years: number[]; says: string } | null {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const groupOf = (a: DatingArticle): string => {
    let id = a.id;
    for (let hops = 0; hops < 20; hops++) {
      const parent = byId.get(id)?.duplicateOf;
      if (!parent || !byId.has(parent)) break;
      id = parent;
    }
    return id;
  };
  const excluded = byId.has(exclude) ? groupOf(byId.get(exclude)!) : exclude;
  const groups = new Map<string, number[]>();
  for (const a of articles) {
    const group = groupOf(a);
    if (group === excluded) continue;
    const days = evidenceDays(a.published);
    if (days.length > 0) groups.set(group, [...(groups.get(group) ?? []), ...days]);
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const days of groups.values()) {
    lo = Math.min(lo, ...days);
    hi = Math.max(hi, ...days);
  }
  const contributing = groups.size;
  if (contributing < MIN_FRAME_ARTICLES) return null;
  const [from, to] = [fromDayNumber(lo), fromDayNumber(hi)];
  const years: number[] = [];
  for (let y = from.year; y <= to.year; y++) years.push(y);
  return { years, says: `that the other articles' dated evidence spans (${formatDate(from)} to ${formatDate(to)}, ${contributing} articles)` };
}

/** The years the article's own range allows (all, when open). */
function ownAllows(published: InferredPublishedDate, year: number): boolean {
  const earliest = published.range?.earliest;
  const latest = published.range?.latest;
  return (!earliest || Number(earliest.slice(0, 4)) <= year) && (!latest || Number(latest.slice(0, 4)) >= year);
}

/** A year-less value read in the year, of `year - 1`, `year`, `year + 1`, that puts it nearest `near` (a day number). */
function nearestReading(value: string, year: number, near: number): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const y of [year - 1, year, year + 1]) {
    const candidate = value.replace(/^XXXX/, String(y));
    const span = timexSpan(candidate);
    if (span === null) continue;
    const distance = span[1] < near ? near - span[1] : span[0] > near ? span[0] - near : 0;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function dayOf(value: string | null): string | null {
  return value !== null && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** Applies a decided year to one article: its expressions, then its publication date. */
function applyYear(
  article: DatingArticle,
  year: number,
  pinned: Map<TimeExpression, number>,
  statements: ReadonlySet<TimeExpression>,
  reason: string,
): CorpusDating {
  const anchor = Math.max(...pinned.values());
  const pinnedWeekdays = new Map<string, number>();
  for (const [t, day] of pinned) {
    const w = WEEKDAY_ONLY.exec(t.value);
    if (w !== null) pinnedWeekdays.set(w[1]!, day);
  }
  const filled: TimeExpression[] = article.times.map((t) => {
    if (t.type !== 'DATE' && t.type !== 'TIME') return t;
    const pinnedDay = pinned.get(t);
    // One weekday name in one article is one day: "said on Wednesday" … "spoke on Wednesday".
    const weekday = WEEKDAY_ONLY.exec(t.value);
    const day = pinnedDay ?? (weekday !== null ? pinnedWeekdays.get(weekday[1]!) : undefined);
    if (day !== undefined && (weekday !== null || YEARLESS_DAY.test(t.value))) {
      return { ...t, value: formatDate(fromDayNumber(day)), granularity: 'day', yearFrom: 'corpus' as const };
    }
    if (!/^XXXX-(?:\d{2}|SP|SU|FA|WI|Q[1-4]|H[12])/.test(t.value)) return t;
    const reading = nearestReading(t.value, year, anchor);
    return reading === null ? t : { ...t, value: reading, yearFrom: 'corpus' as const };
  });
  // What naming the pinned weekday says of the article's own date ("said on Wednesday": within the week after).
  const outside: OutsideBound[] = [];
  const own = article.published;
  if (own.range && (own.range.earliest !== null || own.range.latest !== null)) {
    outside.push({ earliest: own.range.earliest, latest: own.range.latest, evidence: own.evidence ?? 'the article\'s own evidence' });
  }
  for (const [t, day] of pinned) {
    const date = formatDate(fromDayNumber(day));
    if (WEEKDAY_ONLY.test(t.value)) {
      const bound = publicationBoundsFor(article.text, t, date);
      if (bound !== null) outside.push(bound);
    } else if (statements.has(t)) {
      // A statement the article reports (quoted by another outlet too): already made when it was written.
      outside.push({ earliest: date, latest: null, evidence: `not before ${date}: ${quoted(t)}` });
    }
  }
  // A year-less date read after the anchor may be one announced rather than
  // reported ("a summit in November"); its year is a guess, and a guessed
  // year must not bound the article's date. Only the pinned dates and those
  // read at or before the anchor do.
  const bounding = filled.map((t, k) => {
    const span = t === article.times[k] ? null : timexSpan(t.value);
    return span !== null && span[0] > anchor && !pinned.has(article.times[k]!) ? article.times[k]! : t;
  });
  const inferred = inferPublishedDate(article.text, bounding, { value: null, provenance: 'unknown', evidence: null }, { outside });
  const published: InferredPublishedDate = { ...inferred, provenance: 'inferred', evidence: `year ${year} from the corpus: ${reason}; ${inferred.evidence ?? ''}`.replace(/; $/, '') };
  const publishedDay = dayOf(published.value);
  let times = filled;
  if (publishedDay !== null) {
    // Dated to the day: relative expressions ("yesterday") can now be resolved too.
    const resolved = extractTimes(article.text, { published: publishedDay, sentences: article.sentences });
    const ownAt = new Map(article.times.map((t) => [t.start, t]));
    times = resolved.map((t) => (/^X/.test(ownAt.get(t.start)?.value ?? '') && !/^X/.test(t.value) ? { ...t, yearFrom: 'corpus' as const } : t));
  }
  return { id: article.id, published, times, sentenceTimes: sentenceTimes(article.text, article.sentences, times, publishedDay) };
}

/**
 * Decides years for the undated articles of a corpus. `articles` holds every
 * article with its own dating (dated ones give evidence only; their text
 * may be empty). Returns a dating for each undated article the corpus
 * dates; articles it cannot date are left out, and keep their own.
 */
export function dateFromCorpus(articles: readonly DatingArticle[]): CorpusDating[] {
  const undated = articles.filter((a) => !isDated(a) && a.text.length > 0);
  if (undated.length === 0) return [];
  const shared = sharedStatementAgreements(undated);
  const out: CorpusDating[] = [];
  for (const article of undated) {
    const agreements = [...ownAgreements(article), ...(shared.get(article.id) ?? [])];
    if (agreements.length === 0) continue;
    const frame = corpusYears(articles, article.id);
    if (frame === null) continue;
    let years = frame.years.filter((y) => ownAllows(article.published, y));
    const fits = agreements.map((g) => fitting(g, years));
    years = years.filter((y) => fits.every((f) => f.has(y)));
    if (years.length !== 1) continue;
    const year = years[0]!;
    const pinned = new Map<TimeExpression, number>();
    const statements = new Set<TimeExpression>();
    agreements.forEach((g, k) => {
      const weekdayDay = fits[k]!.get(year)!;
      if (g.weekdayExpression !== null) pinned.set(g.weekdayExpression, weekdayDay);
      if (g.dayExpression !== null) pinned.set(g.dayExpression, dayNumber({ year, month: g.month, day: g.day }));
      if (g.tolerance > 0 && g.dayExpression !== null) statements.add(g.dayExpression);
    });
    const agreed = agreements
      .map((g) => `${g.says}: ${g.tolerance > 0 ? `a ${WEEKDAY_NAMES[g.weekday]} within a day of ${MONTH_NAMES[g.month - 1]} ${g.day}` : `${MONTH_NAMES[g.month - 1]} ${g.day} on a ${WEEKDAY_NAMES[g.weekday]}`} falls only in ${year}`)
      .join('; ');
    const span = frame.years.length === 1 ? `${year}` : `${frame.years[0]}–${frame.years[frame.years.length - 1]}`;
    out.push(applyYear(article, year, pinned, statements, `${agreed} among the years ${span} ${frame.says}`));
  }
  return out;
}
