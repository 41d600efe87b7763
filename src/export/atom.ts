/**
 * Alerts as an Atom feed (RFC 4287), so any feed reader can subscribe to
 * what a user follows. Every piece of text is escaped; characters XML 1.0
 * forbids (control characters an article may carry) are dropped.
 */
import type { StoredAlert } from '../store/index.ts';

// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export interface AtomOptions {
  title: string;
  /** The feed's own id: a stable URI (the API's alerts feed URL, or a tag: URI). */
  id: string;
  /** Where the feed is served, for rel="self", when known. */
  selfUrl?: string;
  /** Base of links to articles (e.g. the web app's `http://host/#/article/`), when known. */
  articleUrl?: (articleId: string) => string;
  /** The feed's updated time when there are no alerts. */
  updated: string;
}

export function alertsAtom(alerts: readonly StoredAlert[], options: AtomOptions): string {
  const updated = alerts[0]?.createdAt ?? options.updated;
  const entries = alerts.map((a) => {
    const link = a.articleId && options.articleUrl ? `\n    <link href="${escapeXml(options.articleUrl(a.articleId))}"/>` : '';
    return `  <entry>
    <id>${escapeXml(`${options.id}:alert:${a.id}`)}</id>
    <title>${escapeXml(a.title)}</title>
    <updated>${a.createdAt}</updated>${link}
    <category term="${a.kind}"/>
    <summary>${escapeXml(`Following ${a.follow.kind} “${a.follow.label}”. ${a.summary}`)}</summary>
  </entry>`;
  });
  const self = options.selfUrl ? `\n  <link rel="self" href="${escapeXml(options.selfUrl)}"/>` : '';
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(options.id)}</id>
  <title>${escapeXml(options.title)}</title>
  <updated>${updated}</updated>${self}
  <author><name>sitrep</name></author>
${entries.join('\n')}
</feed>
`;
}
