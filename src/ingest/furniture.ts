/**
 * Page furniture off article text: donation appeals, share bars, related
 * headlines, photo captions and credits, bylines, reading-time counters,
 * navigation leftovers. What the furniture tells — title, outlet, author,
 * stated date — is read off it on the way. Works on plain text and on the
 * text extracted from HTML alike: one paragraph per line.
 *
 * Pure: same text, same result. Each removal is recorded with the rule that
 * made it, so nothing is lost that a later stage (the date inference) or a
 * reader checking the cleaner might want.
 */
import type { FurnitureRemoval, PublishedDate } from '../model/index.ts';
import { findStatedDate, readDateStamp } from './dates.ts';
import { isHeadlineLike, matchFurnitureLine, stripBullet } from './furniture-rules.ts';

export interface FurnitureResult {
  /** The title: the page's when given, else the first line that is not furniture and reads as a headline. */
  title: string | null;
  /** The body: paragraphs separated by a blank line, without furniture or the title line. */
  text: string;
  outlet: string | null;
  author: string | null;
  /** A publication date the page states about itself, with the words it was read from. */
  stated: PublishedDate | null;
  removed: FurnitureRemoval[];
}

export interface FurnitureOptions {
  /**
   * The title the container gave (HTML `<title>`, a feed item's title). When
   * set, a first line that repeats it is dropped and the title is this. When
   * null or absent, the title is read from the text.
   */
  knownTitle?: string | null;
  /** The present, so that dates in the future are not taken as stated; no check without it. */
  now?: Date;
}

/**
 * A headline is one line of at most 200 characters: the longest news titles
 * ("The Wall Street Journal: Pokrovsk in ruins, Russians close to biggest
 * victory since Bakhmut" is 92) stay well under it, while a first paragraph
 * that lost its title runs longer.
 */
const MAX_TITLE_CHARS = 200;

/**
 * Two sentences in one line make a paragraph, not a headline. A sentence
 * break is a full stop after a lowercase word of two letters or more (so
 * "U.S. Army" and "Mr. Putin" do not count) followed by a capital.
 */
const SENTENCE_BREAK = /\p{Ll}{2}[.!?]["”’]?\s+["“‘]?\p{Lu}/u;

function readsAsHeadline(line: string): boolean {
  return line.length <= MAX_TITLE_CHARS && /\S\s+\S/.test(line) && !SENTENCE_BREAK.test(line);
}

/**
 * A first line that ends like a sentence and runs past 120 characters is a
 * lede, not a headline: scraped texts often start straight with the first
 * paragraph ("Emmanuel Macron has told a press conference in Berlin that…",
 * 178 characters), while headlines ending in a full stop are short
 * ("Pokrovsk became Russia's main target after Kharkiv push failed, Zelensky
 * says.", 78). Taking a lede for the title would cut it out of the body.
 */
const MAX_PUNCTUATED_TITLE_CHARS = 120;

function readsAsLede(line: string): boolean {
  return line.length > MAX_PUNCTUATED_TITLE_CHARS && /[.!?]["'”’]*$/u.test(line);
}

/**
 * A kicker — the section label above a headline ("Ukraine war", "Analysis",
 * "Live") — is at most three words. A news headline of three words or fewer
 * directly followed by an unpunctuated standfirst would be misread as one;
 * such headlines are rarer than kickers on copied pages.
 */
const KICKER_MAX_WORDS = 3;

const ENDS_LIKE_A_SENTENCE = /[.!?…:;,]["'”’]*$/u;

function readsAsKicker(line: string): boolean {
  return line.split(/\s+/).length <= KICKER_MAX_WORDS && !ENDS_LIKE_A_SENTENCE.test(line);
}

/** Words of a title for comparison: case, quotes, dashes and punctuation ignored. */
function titleWords(title: string): string[] {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['‘’`´"“”«»„]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * Page titles often carry the site name after a separator ("Pokrovsk in
 * ruins | Kyiv Post"); the headline line in the text does not.
 */
function withoutSiteName(title: string): string[] {
  return title.split(/\s+[|–—-]\s+|\s+::\s+/).filter((part) => part.trim() !== '');
}

/**
 * Share of words two titles must have in common (Dice coefficient) to be
 * the same headline: 0.85 lets one or two words in ten differ (an edited
 * headline, a dropped "Live:" kicker) but not a different sentence on the
 * same subject.
 */
const SAME_TITLE_MIN_OVERLAP = 0.85;

function wordOverlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(w, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** The line repeats the known title, maybe without its site name or with a small edit. */
export function isSameTitle(line: string, knownTitle: string): boolean {
  const lineWords = titleWords(line);
  const candidates = [knownTitle, ...withoutSiteName(knownTitle)];
  return candidates.some((candidate) => wordOverlap(lineWords, titleWords(candidate)) >= SAME_TITLE_MIN_OVERLAP);
}

/**
 * What the first line that is not furniture is: a kicker above the title,
 * the title (read from the text), a repeat of the known title, or the start
 * of the body (a standfirst, or a first paragraph that lost its title).
 */
function firstLineRole(
  line: string,
  nextLine: () => string | null,
  knownTitle: string | null,
): 'kicker' | 'title' | 'title-repeat' | 'body' {
  if (knownTitle !== null && isSameTitle(line, knownTitle)) return 'title-repeat';
  if (readsAsKicker(line)) {
    const next = nextLine();
    // Without a known title, only an unpunctuated headline counts: "Kyiv\nFirst paragraph." is a title and its story.
    const titleFollows =
      next !== null &&
      (knownTitle === null ? readsAsHeadline(next) && !ENDS_LIKE_A_SENTENCE.test(next) : isSameTitle(next, knownTitle));
    if (titleFollows) return 'kicker';
  }
  if (knownTitle !== null) return 'body';
  // A lone line is the whole text, whatever it looks like.
  if (nextLine() === null) return 'body';
  return readsAsHeadline(line) && !readsAsLede(line) ? 'title' : 'body';
}

/** One paragraph per non-empty line, with invisible and non-breaking spaces made plain. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) =>
      line
        .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
        .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '');
}

/**
 * Strips page furniture from article text and reads the title, outlet,
 * author and stated publication date off it. The first outlet and author
 * found win: the top of a page names the article's own, the foot may credit
 * others.
 */
export function stripFurniture(text: string, options: FurnitureOptions = {}): FurnitureResult {
  const knownTitle = options.knownTitle?.replace(/\s+/g, ' ').trim() || null;
  const removed: FurnitureRemoval[] = [];
  const body: string[] = [];
  let title: string | null = knownTitle;
  let outlet: string | null = null;
  let author: string | null = null;
  let titleLineSeen = false;
  let inRelatedBlock = false;

  const lines = paragraphs(text);
  const isFurniture = (line: string) => matchFurnitureLine(line) !== null || readDateStamp(line, options.now) !== null;
  /** The first line after `index` that is not furniture: what a kicker would stand above. */
  const nextContent = (index: number) => {
    const next = lines.slice(index + 1).find((l) => !isFurniture(l));
    return next === undefined ? null : stripBullet(next);
  };

  for (const [index, line] of lines.entries()) {
    const content = stripBullet(line);

    const hit = matchFurnitureLine(line);
    if (hit) {
      removed.push({ rule: hit.rule, line });
      outlet ??= hit.outlet ?? null;
      author ??= hit.author ?? null;
      // A share bar or an ad inside a block of related links does not end it.
      inRelatedBlock ||= hit.opensRelatedBlock === true;
      continue;
    }
    // Headlines under a "Read more:" heading are links, up to the first real paragraph.
    if (inRelatedBlock && isHeadlineLike(content)) {
      removed.push({ rule: 'related-links', line });
      continue;
    }
    inRelatedBlock = false;
    const stamp = readDateStamp(line, options.now);
    if (stamp) {
      removed.push({ rule: stamp.kind === 'bare' ? 'date-stamp' : 'publication-stamp', line });
      continue;
    }

    if (!titleLineSeen) {
      const role = firstLineRole(content, () => nextContent(index), knownTitle);
      if (role === 'kicker') {
        removed.push({ rule: 'kicker', line });
        continue;
      }
      titleLineSeen = true;
      if (role === 'title-repeat') {
        removed.push({ rule: 'title-repeat', line });
        continue;
      }
      if (role === 'title') {
        title = content;
        continue;
      }
    }
    body.push(content);
  }

  return {
    title,
    text: body.join('\n\n'),
    outlet,
    author,
    stated: findStatedDate(text, options.now === undefined ? {} : { now: options.now }),
    removed,
  };
}
