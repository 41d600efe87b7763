/**
 * The line rules of the furniture stripper: each recognises one kind of page
 * furniture in a single normalised line (paragraph) and may read something
 * off it (the outlet of a syndication credit, the author of a byline).
 *
 * The rules describe the *shape* of furniture — an imperative appeal at the
 * start of a short line, a credit in parentheses, a line of share-button
 * labels — so that they recognise pages nobody here has seen. Every rule errs
 * on the side of keeping a line: losing a sentence of the story is worse than
 * leaving a "Tweet" in it.
 *
 * This module imports nothing from the rest of ingest, so `dates.ts` can use
 * `isPhotoCaption` without a cycle.
 */

export interface LineMatch {
  rule: string;
  /** The outlet named by the line ("Read the original article on Business Insider"). */
  outlet?: string;
  /** The author(s) named by a byline, as a reader would write them ("A and B"). */
  author?: string;
  /** The line heads a block of related headlines: the headline-like lines after it are furniture too. */
  opensRelatedBlock?: boolean;
}

export interface LineRule {
  name: string;
  match(line: string): LineMatch | null;
}

/** A rule that only recognises a line, reading nothing off it. */
function recogniser(name: string, test: (line: string) => boolean): LineRule {
  return { name, match: (line) => (test(line) ? { rule: name } : null) };
}

/** Lowercase, typographic quotes and dashes made plain, trailing punctuation and arrows dropped. */
function simplify(line: string): string {
  return line
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[\s.:!›»>→…]+$/u, '')
    .trim();
}

// ---------------------------------------------------------------------------
// Shape helpers shared by several rules (and by the title and related-block logic)

/** Characters used as list bullets; a leading "-" or "*" counts only when followed by a space. */
const BULLET = /^(?:[•·▪●◦‣►▸■□]|[-*–](?=\s))\s*/u;

/** The line without its leading bullet ("  • Zelenskyy said…" → "Zelenskyy said…"). */
export function stripBullet(line: string): string {
  return line.replace(BULLET, '').trim();
}

/**
 * Ends like a sentence: . ! ? … : ; or , possibly followed by closing quotes
 * or brackets. Headlines, section headings and button labels do not.
 */
const SENTENCE_END = /[.!?…:;,]["'”’»)\]]*$/u;

/**
 * A related headline is at most about 150 characters: long headlines run to
 * 120; beyond that a line without final punctuation is a paragraph whose
 * full stop was lost, not a headline.
 */
const MAX_HEADLINE_CHARS = 150;

/**
 * Looks like an item in a list of links — a headline or a topic tag
 * ("Ukraine", "Russia"): short, with letters, no sentence ending.
 */
export function isHeadlineLike(line: string): boolean {
  return line.length <= MAX_HEADLINE_CHARS && !SENTENCE_END.test(line) && /\p{L}/u.test(line);
}

// ---------------------------------------------------------------------------
// Photo captions and credits

/**
 * Agencies and picture desks whose names appear in photo credits, in the
 * forms credits use ("AP Photo/…", "Reuters/…", "…/AFP via Getty Images",
 * "БГНЕС/ EPA"). Used only next to a slash or in a credit position, never to
 * judge a sentence that merely names an agency.
 */
const PICTURE_AGENCIES = [
  'AP', 'AFP', 'Reuters', 'EPA', 'EPA-EFE', 'EFE', 'Getty Images', 'Getty', 'Anadolu(?: Agency)?', 'TASS',
  'Sputnik', 'RIA Novosti', 'Ukrinform', 'UNIAN', 'Xinhua', 'dpa', 'Bloomberg', 'NurPhoto', 'SOPA Images',
  'LightRocket', 'Alamy', 'Shutterstock', 'ZUMA(?: Press| Wire)?', 'Imago', 'Abaca', 'PA(?: Media| Wire)?',
  'Associated Press', 'Wikimedia Commons', 'BGNES', 'БГНЕС', 'BTA', 'БТА', 'Pool', 'Handout',
].join('|');

/** Words that label a credit or caption, in the languages of the corpus ("Снимка" is Bulgarian, "Фото"/"Світлина" Ukrainian/Russian). */
const PHOTO_LABELS =
  'photo(?:graph)?s?|fotos?|images?|pictures?|pic|credits?|photo credit|image credit|image source|illustration|снимк[аи]|фото(?:графия)?|світлина|zdjęcie|bild';

/** "Снимка: БГНЕС/ EPA", "Photo: Reuters", "Image source, Getty Images": a label and what it credits. */
const LABELLED_CREDIT = new RegExp(String.raw`^(?:(?:${PHOTO_LABELS})\s*[:：]|image source\s*,)\s*\S`, 'iu');

/** "Reuters/Alina Smutko", "Sergey Bobok/AFP via Getty Images", "Getty Images": a credit and nothing else. */
const BARE_CREDIT = new RegExp(
  String.raw`^(?:[\p{L}.'’ -]{1,40}\s*/\s*)?(?:${PICTURE_AGENCIES})(?:\s*/\s*[\p{L}.'’ -]{1,40})?(?:\s+via\s+Getty Images)?$`,
  'u',
);

/** A credit only ever stands alone on a short line: a name or two and an agency. */
const MAX_BARE_CREDIT_CHARS = 80;

/**
 * A credit in parentheses — "(AP Photo/Mark Schiefelbein)", "(Photo by X/AFP
 * via Getty Images)", "(Photo: Reuters)" — anywhere in the line; or, at the
 * end of the line only, "(Reuters/Alina Smutko)" (mid-sentence that shape is
 * a poll: "a Reuters/Ipsos poll").
 */
const PARENTHESISED_PHOTO_CREDIT = new RegExp(
  String.raw`\(\s*(?:[\p{L}-]+\s+)?(?:photo(?:graph)?|foto|image|picture|pic)s?\s*(?:/|:|by\b)[^()]{1,80}\)|\(\s*credit\s*:[^()]{1,80}\)`,
  'iu',
);
const TRAILING_AGENCY_CREDIT = new RegExp(
  String.raw`\(\s*(?:(?:${PICTURE_AGENCIES})\s*/[^()]{1,60}|[^()]{1,60}/\s*(?:${PICTURE_AGENCIES})[^()]{0,30})\)\s*$`,
  'u',
);

/** "… near Kyiv. Photo: Reuters", "… Photograph: Sergey Dolzhenko/EPA": a labelled credit closing the caption. */
const TRAILING_LABELLED_CREDIT = new RegExp(
  String.raw`(?:[.!?]["”’]?\s+|\s[|–—-]\s)(?:${PHOTO_LABELS})\s*[:：]\s*[^.]{1,80}\.?$`,
  'iu',
);

/** "… in Kyiv. Sergey Supinsky/AFP via Getty Images": the caption's last "sentence" is a credit. */
const TRAILING_GETTY_CREDIT = /(?:^|[.!?]["”’]?\s+)[^.]{0,60}\bGetty Images\.?$/u;

/** BBC-style caption labels left by text extraction. */
const CAPTION_LABEL = /^(?:image|media|video|photo) caption\b|^caption\s*:/i;

/** A credit line alone: "Снимка: БГНЕС/ EPA", "Getty Images", "(AP Photo/Efrem Lukatsky)". */
export function isPhotoCredit(line: string): boolean {
  if (LABELLED_CREDIT.test(line)) return true;
  if (line.length > MAX_BARE_CREDIT_CHARS) return false;
  const unwrapped = line.replace(/^\((.*)\)$/u, '$1').trim();
  const isParenthesisedCredit = /^\(.*\)$/u.test(line) && PARENTHESISED_PHOTO_CREDIT.test(line);
  return BARE_CREDIT.test(unwrapped) || isParenthesisedCredit;
}

/**
 * A photo caption: a paragraph that carries a photo credit or a caption
 * label. A sentence that merely mentions a photo ("Photos posted on Telegram
 * showed…") has no credit and is not one.
 */
export function isPhotoCaption(line: string): boolean {
  return (
    CAPTION_LABEL.test(line) ||
    PARENTHESISED_PHOTO_CREDIT.test(line) ||
    TRAILING_AGENCY_CREDIT.test(line) ||
    TRAILING_LABELLED_CREDIT.test(line) ||
    TRAILING_GETTY_CREDIT.test(line)
  );
}

// ---------------------------------------------------------------------------
// Bylines

/** Words that make a byline segment an employer, not a co-author ("By A, Reuters", "By A, Kyiv Independent"). */
const ORGANISATION_WORDS =
  /\b(?:news|press|post|times|journal|independent|agency|media|reuters|ap|afp|bloomberg|tass|ukrinform|unian|bbc|cnn|radio|tv|television|service|network|daily|herald|tribune|guardian|telegraph|gazette|magazine|review|institute|university|group|wire|associated|insider)\b/i;

/** Words that make a byline segment a job title ("By A, Staff Writer"). */
const ROLE_WORDS =
  /\b(?:correspondent|reporter|editor|writer|staff|contributor|columnist|analyst|journalist|producer|bureau|chief|desk|intern)\b/i;

/** "By Monday, …", "By July …": a time phrase, not a byline. */
const NOT_A_NAME = /^(?:the|a|an|this|that|then|now|today|tomorrow|yesterday|early|late|mid|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/** Particles that stay lowercase inside names ("Ursula von der Leyen", "Ahmed al-Sharaa"). */
const NAME_PARTICLE = /^(?:de|da|del|della|di|du|dos|van|von|der|den|la|le|al|el|bin|ibn|ben|ter)$/;

/** Names have one to five words ("Liz Heflin", "Ursula von der Leyen", "Mary-Kate O'Neill"). */
const MAX_NAME_WORDS = 5;

function isPersonOrAgencyName(segment: string): boolean {
  const words = segment.split(/\s+/);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return false;
  if (NOT_A_NAME.test(words[0]!)) return false;
  return words.every(
    (w, i) =>
      /^\p{Lu}[\p{L}'’.-]*$/u.test(w) || (i > 0 && NAME_PARTICLE.test(w)) || /^(?:al|el)-\p{Lu}\p{L}*$/u.test(w),
  );
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The author(s) a byline names, or null when what follows "By" is not names.
 * After the first comma come co-authors ("By A, B and C"), employers ("By A,
 * Reuters") and job titles ("By A, Staff Writer"); only co-authors are kept.
 * Places ("By Luke Harding in Kyiv and Pjotr Sauer in Moscow") and an
 * outlet after "for" or "|" are dropped.
 */
function readBylineNames(rest: string): string | null {
  const beforeOutlet = rest.split(/\s+(?:for|from)\s+|\s*[|·•]\s*|\s+[-–—]\s+|;/)[0]!;
  const splitNames = (segment: string) =>
    segment.split(/\s+(?:and|&)\s+/).map((name) => name.replace(/\s+(?:in|at)\s+.*$/, '').replace(/\.$/, '').trim());
  const [first = '', ...others] = beforeOutlet.split(/\s*,\s*/);
  const names = splitNames(first);
  if (!names.every(isPersonOrAgencyName)) return null;
  for (const segment of others) {
    if (ROLE_WORDS.test(segment) || ORGANISATION_WORDS.test(segment) || /\d/.test(segment)) continue;
    const parts = splitNames(segment);
    // One word after a comma is an employer ("Reuters"); a co-author has a full name.
    const isCoAuthors = parts.length > 1 || segment.includes(' ');
    if (!isCoAuthors || !parts.every(isPersonOrAgencyName)) continue;
    names.push(...parts);
  }
  return joinNames(names);
}

/** A byline is a name line, not a sentence: 120 characters holds three names and an employer. */
const MAX_BYLINE_CHARS = 120;

const BYLINE = /^(?:by|written by|words by|story by|text by|reporting by|report by)\s*:?\s+(.+)$/i;

/** Credits that name contributors who are not the article's author (Reuters' trailers). */
const SECONDARY_CREDIT = /^(?:additional reporting|editing|edited|writing|compiled|graphics|research|translated|translation)\s+by\s+\S/i;

const byline: LineRule = {
  name: 'byline',
  match(line) {
    if (line.length > MAX_BYLINE_CHARS) return null;
    if (SECONDARY_CREDIT.test(line)) return { rule: 'byline' };
    const m = line.match(BYLINE);
    if (!m) return null;
    const author = readBylineNames(m[1]!.trim());
    return author === null ? null : { rule: 'byline', author };
  },
};

// ---------------------------------------------------------------------------
// Syndication credits

/** Longer than this, the "outlet" read off a credit is a clause, not a name. */
const MAX_OUTLET_CHARS = 60;

/** Syndication credits are one sentence; longer lines are prose that happens to start the same way. */
const MAX_SYNDICATION_CHARS = 200;

const SYNDICATION_CREDITS = [
  /^read (?:the )?(?:full |original )+(?:article|story|post|report)(?:\s+(?:on|at|in|from|here))?\s*:?\s*(.*)$/i,
  /^(?:this|the)\s+(?:article|story|piece|post|report|interview|column|op-ed)\s+(?:was\s+|is\s+|has\s+been\s+)?(?:originally\s+|first\s+)?(?:appeared|published|posted|republished|reprinted|ran)\s+(?:originally\s+|first\s+)?(?:with permission\s+)?(?:on|in|by|at|from|with|courtesy of)\s+(.+)$/i,
  /^(?:first|originally)\s+(?:published|appeared|posted)\s+(?:on|in|by|at)\s+(.+)$/i,
  /^republished\s+(?:with permission\s+)?(?:from|by|courtesy of)\s+(.+)$/i,
];

/** "on 31 July 2024", "July 31": what follows was a date, not an outlet. */
const STARTS_LIKE_A_DATE =
  /^(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)/i;

/** The outlet in what follows a syndication phrase, or null when it is not a name. */
function readOutlet(rest: string): string | null {
  const outlet = rest
    .split(/\s+(?:under|on|in|at|with)\s+(?=\S*\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\w*\b|a\s|the\s+\w+\s+licen)|\s+under\s+|,\s+|\.\s+|\s*\(|\s+[-–—|]\s+/i)[0]!
    .replace(/[.,;:!"'”’]+$/u, '')
    .trim();
  if (outlet === '' || outlet.length > MAX_OUTLET_CHARS) return null;
  if (!/^[\p{Lu}\d]/u.test(outlet) || STARTS_LIKE_A_DATE.test(outlet)) return null;
  return outlet;
}

const syndicationCredit: LineRule = {
  name: 'syndication-credit',
  match(line) {
    if (line.length > MAX_SYNDICATION_CHARS) return null;
    for (const pattern of SYNDICATION_CREDITS) {
      const m = line.match(pattern);
      if (!m) continue;
      // "First published on 31 July 2024" is a publication stamp, read as the stated date.
      if (STARTS_LIKE_A_DATE.test(m[1] ?? '')) return null;
      const outlet = readOutlet(m[1] ?? '');
      return outlet === null ? { rule: 'syndication-credit' } : { rule: 'syndication-credit', outlet };
    }
    return null;
  },
};

// ---------------------------------------------------------------------------
// Appeals

/**
 * Donation and membership appeals are a sentence or two (seen: 36–70
 * characters); 200 leaves room for a long one while a reporting paragraph
 * that starts with "Support…" stays.
 */
const MAX_APPEAL_CHARS = 200;

/** Each pattern is an imperative or a direct address at the start of the line, not the words alone. */
const DONATION_APPEALS = [
  /^support\s+(?:us\b|our\s+(?:work|journalism|newsroom|reporting|mission|team|independent)|(?:independent|quality|free|fearless|trusted|local|nonprofit|non-profit|reader-funded|this|ad-free)\s+(?:\w+\s+)?(?:journalism|reporting|media|news))/i,
  /^donate(?:\s+(?:now|today|here|monthly|once)|\s+to\s+(?:us|our|the\s+\S+(?:\s+\S+)?\s*$))?\s*[.!]?\s*$/i,
  /^make\s+a\s+(?:donation|contribution|one-time|monthly|recurring|gift)\b/i,
  /^(?:give|contribute|chip in)\s+(?:now|today|monthly|once|to\s+(?:us|our))\b/i,
  /^become\s+a\s+(?:member|supporter|patron|subscriber|donor|friend\s+of)\b/i,
  /^join\s+(?:us\b|our\s+(?:community|members|supporters|membership|club)|the\s+\S+\s+(?:community|club|membership)|[\d,.]+k?\s+(?:readers|supporters|members))/i,
  /^(?:please\s+)?consider\s+(?:supporting|donating|a\s+donation|becoming|subscribing|making\s+a)\b/i,
  /^help\s+us\s+(?:keep|continue|do|grow|report|fund|stay|bring|cover)\b/i,
  /^we\s+(?:need|rely\s+on|depend\s+on)\s+(?:your|readers)\b/i,
  /^your\s+(?:support|donation|contribution|membership)\s+(?:helps|keeps|makes|matters|allows|enables|powers|funds)\b/i,
  /^if\s+you\s+(?:value|like|enjoy|appreciate|found|rely\s+on)\s+(?:this|our|what|the\s+work)\b/i,
  /^already\s+a\s+(?:member|subscriber|supporter|donor)\b/i,
];

const NEWSLETTER_SIGNUPS = [
  /^(?:subscribe|sign\s*up|register)(?:\s+(?:now|today|here|for\s+free|free))?\s*[.!]?\s*$/i,
  // Not "register for": "Register for evacuation by calling 112" is news a reader needs.
  /^(?:sign\s*up|subscribe)\s+(?:to|for)\b/i,
  /^(?:get|receive)\s+(?:our|the\s+\S+)\s+.{0,60}\b(?:newsletter|briefing|digest|alerts|updates)\b/i,
  /^(?:enter|your)\s+e-?mail(?:\s+address)?\b.{0,60}$/i,
  /^by\s+(?:signing\s+up|subscribing|clicking|registering|submitting\s+your\s+e-?mail)\b/i,
  // Newsletter pickers: "Newsletter As news happens", "The Sports Moment: A newsletter for…".
  /^newsletters?\b/i,
  /^[^.!?]{0,60}:\s+a\s+(?:daily\s+|weekly\s+)?newsletter\s+(?:for|about|with|on|from)\b/i,
  /\bnewsletter\s*$/i,
  /\bnewsletter\s+promotion\b/i,
  /^privacy\s+(?:notice|policy)\s*:/i,
];

/**
 * "Join us in Kharkiv", "Join us at Bankova": an invitation to a named place
 * is news, an invitation to a cause is an appeal. (Case-sensitive, to see the
 * capital of the place name.)
 */
const INVITATION_TO_A_PLACE = /^[Jj]oin\s+us\s+(?:in|at)\s+\p{Lu}/u;

function appealRule(name: string, patterns: RegExp[], exceptions: RegExp[] = []): LineRule {
  return recogniser(
    name,
    (line) =>
      line.length <= MAX_APPEAL_CHARS && patterns.some((p) => p.test(line)) && !exceptions.some((e) => e.test(line)),
  );
}

// ---------------------------------------------------------------------------
// Widgets, navigation, counters

const SOCIAL_NETWORKS =
  'facebook|twitter|x|whatsapp|linkedin|telegram|email|e-mail|reddit|viber|messenger|pinterest|bluesky|threads|mastodon|flipboard';

/** One share-bar label: "Share", "Share on Facebook", "Tweet", "Copy link", "Email", "Print"… */
const SHARE_LABEL = String.raw`(?:share(?:\s+(?:this|the))?(?:\s+(?:article|story|page|post|link))?(?:\s+(?:on|to|via|with)\s+(?:${SOCIAL_NETWORKS}))?|tweet(?:\s+this)?|copy(?:\s+the)?\s+(?:link|url)|(?:link|url)\s+copied|e-?mail(?:\s+this)?(?:\s+article)?|print(?:\s+this)?(?:\s+(?:article|page))?|save(?:\s+(?:article|for later))?|gift(?:\s+this)?\s+article|comments?|${SOCIAL_NETWORKS})`;

/** A share bar is a handful of labels: 80 characters is six or seven of them. */
const MAX_SHARE_BAR_CHARS = 80;

const SHARE_BAR = new RegExp(String.raw`^${SHARE_LABEL}(?:[\s|·•,/]+${SHARE_LABEL})*$`, 'i');

const FOLLOW_PROMO = new RegExp(
  String.raw`^(?:follow|join|subscribe\s+to|find)\s+(?:us|our|the\s+\S+)\b.{0,80}\b(?:on|at|in|via)\s+(?:${SOCIAL_NETWORKS}|instagram|youtube|tiktok|google news)\b`,
  'i',
);

/** A follow promo is one sentence; 160 characters leaves room for a channel name and a pitch. */
const MAX_FOLLOW_PROMO_CHARS = 160;

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty';

const READING_TIME = new RegExp(
  String.raw`^(?:⏱\s*)?(?:(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*)?(?:\d{1,3}|${NUMBER_WORDS})(?:\s*[-–]\s*\d{1,3})?[\s-]*(?:min(?:ute)?s?|mins?)\.?(?:\s+(?:read|reading|read time|to read|listen))?$|^(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*(?:\d{1,3}|${NUMBER_WORDS})?\s*(?:min(?:ute)?s?)?$`,
  'i',
);

/**
 * Labels of links and widgets that text extraction leaves behind: skip
 * links, AMP "main version" links, advertising slots, "back to top",
 * pagination and audio players. Matched against the whole simplified line.
 */
const NAVIGATION = new RegExp(
  [
    String.raw`skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|search|article)`,
    String.raw`(?:view|link\s+to|go\s+to|switch\s+to|open|see|read)\s+(?:the\s+)?(?:main|full|desktop|mobile|original|amp|web|standard|non-amp|classic)\s+(?:version|site|article|page)(?:\s+of\s+this\s+(?:article|page|story))?`,
    String.raw`back\s+to\s+(?:the\s+)?(?:top|home|homepage|main\s+page)`,
    String.raw`(?:advertisement|advertising|ad|sponsored(?:\s+content)?|promoted(?:\s+content)?|paid\s+content|partner\s+content)(?:\s*-\s*scroll\s+to\s+continue(?:\s+reading)?)?`,
    String.raw`scroll\s+(?:down\s+)?to\s+continue(?:\s+reading)?`,
    String.raw`continue\s+reading(?:\s+(?:below|the\s+main\s+story))?`,
    String.raw`(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?`,
    String.raw`listen\s+to\s+(?:this\s+)?(?:article|story)(?:\s*\d{1,3}\s*min(?:ute)?s?)?`,
    String.raw`(?:toggle|open|close)\s+(?:navigation|menu|search)|main\s+menu|menu|home|search|close`,
    String.raw`log\s*in|sign\s*in|sign\s*out|log\s*out|my\s+account`,
    String.raw`loading|show\s+(?:more|less)|load\s+more(?:\s+comments)?|see\s+more|read\s+less|expand|collapse`,
    String.raw`(?:previous|next)(?:\s+(?:article|story|page|post))?`,
    String.raw`(?:leave|post|add|view|show)\s+(?:a\s+)?comments?`,
    String.raw`(?:accept|reject|manage)\s+(?:all\s+)?cookies|cookie\s+(?:settings|preferences|policy)`,
    String.raw`reuse\s+this\s+content|republish\s+this\s+(?:article|story)|report\s+an?\s+(?:error|issue|typo)|submit\s+a\s+correction|contact\s+us|(?:view|jump\s+to)\s+comments`,
  ].map((alternative) => `(?:${alternative})`).join('|'),
);
const NAVIGATION_LINE = new RegExp(`^(?:${NAVIGATION.source})$`);

/**
 * Counters left by widgets: comment, share and view counts ("408", "1.2K",
 * "12 comments"), list numbers ("1."), gallery positions ("3/12").
 */
const STRAY_COUNTER =
  /^(?:[+-]?\d[\d.,\s]{0,9}[km]?(?:\s+(?:views?|comments?|shares?|likes?|reads?|reactions?|replies))?|\d{1,3}[.)]|\d{1,3}\s*\/\s*\d{1,3})$/i;

const BULLET_ONLY = /^[•·▪●◦‣►▸■□*–—|\-\s]+$/u;

/** "5 hours ago", "Updated 2 hours ago": a relative time stamp says nothing about the date once copied. */
const RELATIVE_TIME_STAMP =
  /^(?:(?:published|posted|updated|last\s+updated)\s*:?\s*)?(?:\d{1,3}|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?)\s+ago$|^just\s+now$/i;

/** Copyright lines: "© 2024 Reuters", "Copyright 2024 The Kyiv Independent. All rights reserved." Short: a notice, not prose about copyright law. */
const COPYRIGHT = /^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,120}$|^.{0,80}all rights reserved\.?$/i;

// ---------------------------------------------------------------------------
// Related content

/** A related-content heading is a few words; 60 characters holds "More from our coverage of the war in Ukraine". */
const MAX_RELATED_HEADING_CHARS = 60;

const RELATED_HEADING =
  /^(?:(?:read|see|watch|listen)\s+(?:more|also|next)|(?:also|further)\s+(?:read|reading|see|watch)|related(?:\s+\S+){0,2}|more\s+(?:on|from|in|about|news|stories|coverage|to\s+read)\b.*|(?:delve|dig|go)\s+deeper\b.*|explore\s+more\b.*|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|have\s+missed)|recommended(?:\s+(?:for\s+you|reading|stories|articles))?|most\s+(?:read|popular|viewed|shared)|top\s+stories|latest(?:\s+(?:news|stories|updates|headlines))?|trending(?:\s+now)?|editor'?s\s+picks?|in\s+other\s+news)$/i;

/**
 * "RELATED: High hopes for…", "Read more: Ukraine destroys…": a promo for
 * another story on one line. The label must be followed by a colon or a
 * separator, so "More than 100 settlements…" stays.
 */
const RELATED_PROMO =
  /^(?:read\s+(?:more|also|next)|also\s+read|see\s+also|related(?:\s+(?:article|story|coverage|content|news))?|more|watch|listen|recommended|most\s+read|also\s+on\s+[\p{L} ]{1,30}|more\s+(?:from|on)\s+[\p{L} ]{1,30})\s*[:|»›>–—]\s*\S/iu;

/** A promo paragraph is a headline and maybe a caption; past 400 characters something is wrong with the line, keep it. */
const MAX_RELATED_PROMO_CHARS = 400;

// ---------------------------------------------------------------------------

/**
 * The rules in the order they are tried; the first that matches names the
 * removal. Specific rules come before general ones: a "RELATED:" promo that
 * carries a photo credit is a promo.
 */
export const LINE_RULES: readonly LineRule[] = [
  recogniser('bullet-only', (line) => BULLET_ONLY.test(line)),
  recogniser('stray-counter', (line) => STRAY_COUNTER.test(line)),
  recogniser('navigation', (line) => NAVIGATION_LINE.test(simplify(line))),
  recogniser('share-widget', (line) => line.length <= MAX_SHARE_BAR_CHARS && SHARE_BAR.test(simplify(line))),
  recogniser('social-follow', (line) => line.length <= MAX_FOLLOW_PROMO_CHARS && FOLLOW_PROMO.test(line)),
  recogniser('reading-time', (line) => READING_TIME.test(simplify(line))),
  recogniser('publication-stamp', (line) => RELATIVE_TIME_STAMP.test(simplify(line))),
  appealRule('donation-appeal', DONATION_APPEALS, [INVITATION_TO_A_PLACE]),
  appealRule('newsletter-signup', NEWSLETTER_SIGNUPS),
  syndicationCredit,
  {
    name: 'related-links',
    match: (line) =>
      line.length <= MAX_RELATED_HEADING_CHARS && RELATED_HEADING.test(simplify(line))
        ? { rule: 'related-links', opensRelatedBlock: true }
        : null,
  },
  recogniser('related-promo', (line) => line.length <= MAX_RELATED_PROMO_CHARS && RELATED_PROMO.test(line)),
  byline,
  recogniser('photo-credit', isPhotoCredit),
  recogniser('photo-caption', isPhotoCaption),
  recogniser('copyright', (line) => COPYRIGHT.test(line)),
];

/** The first rule that recognises `line` as furniture, or null for content. */
export function matchFurnitureLine(line: string): LineMatch | null {
  for (const rule of LINE_RULES) {
    const hit = rule.match(line);
    if (hit) return hit;
  }
  return null;
}
