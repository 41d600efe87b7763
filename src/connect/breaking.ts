/**
 * Breaking stories: those growing fastest against their own history — the
 * articles (and independent outlets) of the last hours, per hour, over the
 * story's rate before them. A story everyone has covered steadily for weeks
 * is not breaking for having ten articles today; a story that had two a day
 * and has eight in the last six hours is. Pure: the faces pass the stories,
 * the times their articles appeared, and the moment to judge at.
 */

export interface BreakingInput {
  id: string;
  title: string;
  articles: Array<{ id: string; at: string; outlet: string | null; duplicateOf: string | null }>;
}

export interface BreakingStory {
  id: string;
  title: string;
  /** Articles in the window, and the outlets they came from (copies not counted). */
  recentArticles: number;
  recentSources: number;
  /** Articles per hour in the window, and before it over the story's life. */
  recentRate: number;
  historyRate: number;
  /** recentRate over historyRate (the floor rate when the story is new). */
  growth: number;
}

/**
 * Six hours: a news cycle. A shorter window flags every story two wires
 * publish within minutes of each other; a longer one misses a story that
 * broke this afternoon.
 */
export const BREAKING_WINDOW_HOURS = 6;
/**
 * The history rate never counts as less than one article a day: a story new
 * in the window is judged against that floor, so three articles from two
 * outlets in six hours (12× the floor) is breaking, one article is not.
 */
const FLOOR_RATE_PER_HOUR = 1 / 24;
/** Three articles from two independent outlets: one outlet's follow-ups are not a story breaking. */
const MIN_RECENT_ARTICLES = 3;
const MIN_RECENT_SOURCES = 2;
/** Growing at three times its usual pace: steady coverage varies by less than that from day to day. */
const MIN_GROWTH = 3;

const HOUR_MS = 3_600_000;

export function breakingStories(stories: readonly BreakingInput[], at: Date, windowHours = BREAKING_WINDOW_HOURS): BreakingStory[] {
  const end = at.getTime();
  const start = end - windowHours * HOUR_MS;
  const out: BreakingStory[] = [];
  for (const story of stories) {
    const times = story.articles.map((a) => ({ ...a, t: Date.parse(a.at) })).filter((a) => !Number.isNaN(a.t) && a.t <= end);
    const recent = times.filter((a) => a.t > start);
    if (recent.length < MIN_RECENT_ARTICLES) continue;
    const outlets = new Set(recent.filter((a) => a.duplicateOf === null).map((a) => a.outlet ?? `article:${a.id}`));
    if (outlets.size < MIN_RECENT_SOURCES) continue;
    const before = times.filter((a) => a.t <= start);
    const first = Math.min(...times.map((a) => a.t));
    const historyHours = Math.max((start - first) / HOUR_MS, windowHours);
    const historyRate = Math.max(before.length / historyHours, FLOOR_RATE_PER_HOUR);
    const recentRate = recent.length / windowHours;
    const growth = recentRate / historyRate;
    if (growth < MIN_GROWTH) continue;
    out.push({ id: story.id, title: story.title, recentArticles: recent.length, recentSources: outlets.size, recentRate, historyRate, growth });
  }
  return out.sort((a, b) => b.growth - a.growth || b.recentArticles - a.recentArticles || a.id.localeCompare(b.id));
}
