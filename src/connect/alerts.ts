/**
 * Alerts: what a user follows (an entity, a place, a keyword, a story) set
 * against what one ingest run added — a new story, a claim, a control claim,
 * a figure that changed. Pure: the pipeline hands in the run's records and
 * stores the alerts; `subject` makes each alert idempotent (the same match
 * found again is the same alert).
 */
import { STORY_ID_PREFIX } from '../model/index.ts';
import type { AlertKind, Claim, FigureSeries, Follow, NewAlert, StoryRecordOut } from '../model/index.ts';

/** One stored article of the run, with what connecting made of it. */
export interface RunArticle {
  id: string;
  title: string;
  text: string;
  /** Canonical keys of the entities it names. */
  entities: string[];
  claims: Claim[];
}

export interface RunRecords {
  articles: RunArticle[];
  /** The stories the run's articles are in, after connecting. */
  stories: StoryRecordOut[];
  /** Figure series with a point from one of the run's articles. */
  series: FigureSeries[];
  /** An entity key → its canonical key (aliases the registry merged). */
  canonical: (key: string) => string;
}

/** Words of a keyword follow, matched as whole words, case-insensitively. */
function keywordPattern(keyword: string): RegExp {
  const escaped = keyword.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}

function claimText(claim: Claim): string {
  const who = claim.party?.text ? `${claim.party.text}: ` : '';
  return `${who}${claim.kind === 'denial' ? 'denies ' : ''}${claim.content.text}`;
}

/**
 * Whether `story` is the one followed. A story's id comes from its earliest
 * article, so it changes when an earlier article joins; the story followed
 * is the one that still holds the article its id came from.
 */
function isFollowedStory(story: StoryRecordOut, follow: Follow): boolean {
  if (story.id === follow.target) return true;
  const founder = follow.target.startsWith(STORY_ID_PREFIX) ? follow.target.slice(STORY_ID_PREFIX.length) : null;
  return founder !== null && story.articles.includes(founder);
}

/**
 * A new point of a series that differs from what was known: compared with the
 * point before it in time from an earlier-stored article, or — when the new
 * point is the earliest — with the one after it.
 */
function changeOf(series: FigureSeries, newArticles: Set<string>): { from: number; to: number; articleId: string } | null {
  const points = series.points;
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i]!;
    if (!newArticles.has(point.articleId)) continue;
    const known = (p: (typeof points)[number]) => !newArticles.has(p.articleId);
    const before = points.slice(0, i).reverse().find(known) ?? points.slice(i + 1).find(known);
    if (!before) continue;
    return before.value === point.value ? null : { from: before.value, to: point.value, articleId: point.articleId };
  }
  return null;
}

/**
 * The alerts one run raises. A story alert fires when a story is new (all its
 * articles came in this run) and matches, or when a followed story gains an
 * article; claim and control alerts for each matching claim of a new article;
 * figure alerts when a series touching the follow got a different value.
 */
export function matchAlerts(follows: readonly Follow[], run: RunRecords): NewAlert[] {
  const out: NewAlert[] = [];
  const newIds = new Set(run.articles.map((a) => a.id));
  const byId = new Map(run.articles.map((a) => [a.id, a]));
  const storyEntities = (story: StoryRecordOut) => new Set(story.articles.flatMap((id) => byId.get(id)?.entities ?? []));

  for (const follow of follows) {
    const keyword = follow.kind === 'keyword' ? keywordPattern(follow.target) : null;
    // The registry may have merged the followed entity into another since it was followed.
    const target = follow.kind === 'entity' || follow.kind === 'place' ? run.canonical(follow.target) : follow.target;
    const namesTarget = (key: string | null | undefined) => key !== null && key !== undefined && run.canonical(key) === target;

    for (const story of run.stories) {
      const isNew = story.articles.every((id) => newIds.has(id));
      if (follow.kind === 'story') {
        if (!isFollowedStory(story, follow)) continue;
        for (const id of story.articles.filter((a) => newIds.has(a))) {
          out.push({ followId: follow.id, kind: 'story', subject: `${story.id}+${id}`, articleId: id, title: `New in “${story.title}”: ${byId.get(id)?.title ?? id}`, summary: story.summary, record: story });
        }
        continue;
      }
      if (!isNew) continue;
      const matches = keyword ? keyword.test(`${story.title}\n${story.summary}`) : storyEntities(story).has(target);
      if (matches) out.push({ followId: follow.id, kind: 'story', subject: story.id, articleId: story.articles[0] ?? null, title: `New story: ${story.title}`, summary: story.summary, record: story });
    }

    for (const article of run.articles) {
      const inFollowedStory = follow.kind === 'story' && run.stories.some((s) => isFollowedStory(s, follow) && s.articles.includes(article.id));
      article.claims.forEach((claim, index) => {
        const matches =
          follow.kind === 'story'
            ? inFollowedStory
            : keyword
              ? keyword.test(claim.content.text)
              : namesTarget(claim.party?.entity) || namesTarget(claim.control?.place.entity) ||
                // A claim about a place names it inside its proposition; the article's mentions tie the words to the key.
                (follow.kind === 'place' && claim.control === null && article.entities.includes(target) && keywordPattern(follow.label).test(claim.content.text));
        if (!matches) return;
        const kind: AlertKind = claim.control ? 'control' : 'claim';
        const title = claim.control
          ? `${claim.party?.text ?? 'Unattributed'}: ${claim.control.place.text} ${claim.control.action}${claim.flags.unverified ? ' (unverified)' : ''}`
          : claimText(claim);
        out.push({ followId: follow.id, kind, subject: `${article.id}#${index}`, articleId: article.id, title, summary: `${article.title}: ${claim.content.text}`, record: claim });
      });
    }

    for (const series of run.series) {
      const change = changeOf(series, newIds);
      if (!change) continue;
      const about =
        follow.kind === 'story'
          ? run.stories.some((s) => isFollowedStory(s, follow) && s.articles.includes(change.articleId))
          : keyword
            ? keyword.test(series.subject)
            : namesTarget(series.place) || series.points.some((p) => namesTarget(p.party));
      if (!about) continue;
      out.push({
        followId: follow.id,
        kind: 'figure',
        subject: `${series.id}@${change.articleId}`,
        articleId: change.articleId,
        title: `${series.subject}: ${change.from} → ${change.to} ${series.unit}`,
        summary: `${series.subject} changed from ${change.from} to ${change.to} ${series.unit}`,
        record: series,
      });
    }
  }
  return out;
}
