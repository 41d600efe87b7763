/**
 * The watch configuration: which feeds to poll, how often, and the limits
 * every fetch obeys. A JSON file (a format every editor and script speaks);
 * every mistake is reported with where it is and what was expected.
 */

export interface FeedConfig {
  url: string;
  /** A name for logs and the state file; defaults to the URL. */
  name: string;
  /** Seconds between polls. */
  intervalSeconds: number;
  /** Outlet given to the feed's articles, over what the feed says of itself. */
  outlet: string | null;
  /** BCP 47 language given to the feed's articles, over detection. */
  language: string | null;
  /** Fetch each item's page when the feed carries only a summary. */
  fetchArticles: boolean;
}

export interface WatchConfig {
  feeds: FeedConfig[];
  timeoutSeconds: number;
  maxFeedBytes: number;
  maxArticleBytes: number;
  /** Seconds between two requests to the same host. */
  hostDelaySeconds: number;
  /** Whether article pages (links in feed items) and redirects may go to private or loopback addresses. */
  allowPrivateAddresses: boolean;
  userAgent: string | null;
}

/** Ten minutes: most news feeds refresh every 5–15 minutes; polling faster fetches the same items. */
export const DEFAULT_INTERVAL_SECONDS = 600;
/** Twenty seconds covers a slow origin behind a CDN; a feed slower than that is down for this poll. */
export const DEFAULT_TIMEOUT_SECONDS = 20;
/** 10 MB: the largest real feeds (full-text, hundreds of items) are 2–5 MB; beyond is a misconfigured URL. */
export const DEFAULT_MAX_FEED_BYTES = 10 * 1024 * 1024;
/** 5 MB: a news page with inline scripts and styles is rarely over 2 MB. */
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** Two seconds between requests to one host: polite to a news site when fetching item pages one by one. */
export const DEFAULT_HOST_DELAY_SECONDS = 2;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "90s", "15m", "1h", "1d" or a number of seconds. */
export function parseInterval(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$/i.exec(value);
    if (m) return Number(m[1]) * UNITS[m[2]!.toLowerCase()]!;
  }
  throw new ConfigError(`${where}: expected a duration such as "15m", "90s", "1h" or a number of seconds, got ${JSON.stringify(value)}`);
}

function optionalString(value: unknown, where: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`${where}: expected a non-empty string`);
  return value.trim();
}

function positive(value: unknown, fallback: number, where: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new ConfigError(`${where}: expected a positive number`);
  return value;
}

function flag(value: unknown, fallback: boolean, where: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new ConfigError(`${where}: expected true or false`);
  return value;
}

const TOP_KEYS = new Set(['feeds', 'interval', 'timeoutSeconds', 'maxFeedBytes', 'maxArticleBytes', 'hostDelaySeconds', 'allowPrivateAddresses', 'userAgent']);
const FEED_KEYS = new Set(['url', 'name', 'interval', 'outlet', 'language', 'fetchArticles']);

function unknownKeys(object: Record<string, unknown>, allowed: Set<string>, where: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.has(key)) throw new ConfigError(`${where}: unknown setting "${key}" (known: ${[...allowed].join(', ')})`);
  }
}

/** Validates a parsed configuration; `source` names the file in messages. */
export function parseWatchConfig(raw: unknown, source: string): WatchConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${source}: expected a JSON object with "feeds"`);
  const top = raw as Record<string, unknown>;
  unknownKeys(top, TOP_KEYS, source);
  if (!Array.isArray(top['feeds']) || top['feeds'].length === 0) throw new ConfigError(`${source}: "feeds" must be a non-empty list`);
  const defaultInterval = top['interval'] === undefined ? DEFAULT_INTERVAL_SECONDS : parseInterval(top['interval'], `${source}: interval`);
  const seen = new Set<string>();
  const feeds = top['feeds'].map((value, i): FeedConfig => {
    const where = `${source}: feeds[${i}]`;
    const feed: Record<string, unknown> = typeof value === 'string' ? { url: value } : (value as Record<string, unknown>);
    if (typeof feed !== 'object' || feed === null || Array.isArray(feed)) throw new ConfigError(`${where}: expected a URL or an object with "url"`);
    unknownKeys(feed, FEED_KEYS, where);
    const url = optionalString(feed['url'], `${where}.url`);
    if (!url) throw new ConfigError(`${where}: "url" is required`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`${where}.url: not a URL: ${url}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigError(`${where}.url: only http and https feeds are polled`);
    if (seen.has(parsed.href)) throw new ConfigError(`${where}.url: ${parsed.href} is listed twice`);
    seen.add(parsed.href);
    const language = optionalString(feed['language'], `${where}.language`);
    if (language && !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(language)) throw new ConfigError(`${where}.language: expected a language code such as "en" or "uk"`);
    return {
      url: parsed.href,
      name: optionalString(feed['name'], `${where}.name`) ?? parsed.href,
      intervalSeconds: feed['interval'] === undefined ? defaultInterval : parseInterval(feed['interval'], `${where}.interval`),
      outlet: optionalString(feed['outlet'], `${where}.outlet`),
      language,
      fetchArticles: flag(feed['fetchArticles'], false, `${where}.fetchArticles`),
    };
  });
  return {
    feeds,
    timeoutSeconds: positive(top['timeoutSeconds'], DEFAULT_TIMEOUT_SECONDS, `${source}: timeoutSeconds`),
    maxFeedBytes: positive(top['maxFeedBytes'], DEFAULT_MAX_FEED_BYTES, `${source}: maxFeedBytes`),
    maxArticleBytes: positive(top['maxArticleBytes'], DEFAULT_MAX_ARTICLE_BYTES, `${source}: maxArticleBytes`),
    hostDelaySeconds: top['hostDelaySeconds'] === 0 ? 0 : positive(top['hostDelaySeconds'], DEFAULT_HOST_DELAY_SECONDS, `${source}: hostDelaySeconds`),
    allowPrivateAddresses: flag(top['allowPrivateAddresses'], false, `${source}: allowPrivateAddresses`),
    userAgent: optionalString(top['userAgent'], `${source}: userAgent`),
  };
}

/** Parses the text of a configuration file. */
export function readWatchConfig(text: string, source: string): WatchConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseWatchConfig(raw, source);
}
