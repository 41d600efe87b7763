import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isSameTitle, stripFurniture } from './furniture.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/furniture/', import.meta.url));

function fixture(slug: string): string {
  return readFileSync(join(FIXTURES, slug, 'input.txt'), 'utf8');
}

function paragraphsOf(text: string): string[] {
  return text.split('\n\n');
}

function removedLines(result: ReturnType<typeof stripFurniture>, rule: string): string[] {
  return result.removed.filter((r) => r.rule === rule).map((r) => r.line);
}

describe('golden fixtures', () => {
  const slugs = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it('has a fixture for every seed article', () => {
    expect(slugs.filter((s) => s.startsWith('seed-'))).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
  });

  it.each(slugs)('%s', (slug) => {
    const expected: unknown = JSON.parse(readFileSync(join(FIXTURES, slug, 'expected.json'), 'utf8'));
    expect(stripFurniture(fixture(slug))).toEqual(expected);
  });
});

describe('the seed articles', () => {
  it('000: appeals go, the title is read, a second story on the page stays', () => {
    const result = stripFurniture(fixture('seed-000'));
    expect(result.title).toBe("Pokrovsk became Russia's main target after Kharkiv push failed, Zelensky says.");
    expect(result.text).not.toMatch(/Support independent journalism|Become a member/);
    expect(paragraphsOf(result.text)).toContain('Russia must be present at next peace summit to end war, Zelensky says');
    expect(result.text.startsWith("After Russia's Kharkiv Oblast offensive failed")).toBe(true);
    expect(result.stated).toBeNull();
  });

  it('001: the outlet is read off "Read the original article", the summary bullets stay without bullets', () => {
    const result = stripFurniture(fixture('seed-001'));
    expect(result.outlet).toBe('Business Insider');
    expect(result.text).not.toContain('Read the original article');
    const paragraphs = paragraphsOf(result.text);
    expect(paragraphs[0]).toBe(
      'Volodymyr Zelenskyy said Russia has shifted its focus away from Kharkiv, concentrating instead on the east.',
    );
    expect(result.text).not.toContain('•');
    // The body's own mention of the outlet is content.
    expect(paragraphs.at(-1)).toMatch(/by Business Insider\.$/);
  });

  it('002: the Sky News related block goes, the section heading and the paragraph after the block stay', () => {
    const result = stripFurniture(fixture('seed-002'));
    expect(removedLines(result, 'related-links')).toEqual([
      'Delve deeper into Sky News:',
      'Ukrainian mortar team engaging Russian targets',
      'Ukraine destroys vital Russian bridge',
      'Putin supporter advocates for peace between Russia and Ukraine',
    ]);
    const paragraphs = paragraphsOf(result.text);
    expect(paragraphs).toContain('‘Battle of the bridges’');
    expect(paragraphs.some((p) => p.startsWith('Although this may not completely hinder'))).toBe(true);
    // The first line is a two-sentence paragraph, not a headline: it stays in the body.
    expect(result.title).toBeNull();
    expect(paragraphs[0]).toMatch(/^According to Ukraine’s president/);
  });

  it('003: caption, byline, reading time, promo and share bar go; the caption is kept in removed', () => {
    const result = stripFurniture(fixture('seed-003'));
    expect(result.title).toBe('Russia claims recaptured territories, Zelensky maintains confidence');
    expect(result.author).toBe('Liz Heflin');
    expect(result.removed.map((r) => r.rule)).toEqual([
      'photo-caption',
      'byline',
      'reading-time',
      'related-promo',
      'share-widget',
    ]);
    expect(removedLines(result, 'photo-caption')[0]).toContain('Thursday, July 11, 2024');
    expect(result.text).not.toMatch(/AP Photo|By Liz Heflin|3 Min Read|RELATED:|Share This Article/);
    // The standfirst (a quote) stays, and the caption's date is not the article's.
    expect(paragraphsOf(result.text)[0]).toMatch(/^"Today, we note that about half/);
    expect(result.stated).toBeNull();
  });

  it('004: the AMP link, the counter and the Bulgarian photo credit go before the title', () => {
    const result = stripFurniture(fixture('seed-004'));
    expect(result.title).toBe(
      'The Wall Street Journal: Pokrovsk in ruins, Russians close to biggest victory since Bakhmut',
    );
    expect(result.removed).toEqual([
      { rule: 'navigation', line: 'Link to main version' },
      { rule: 'stray-counter', line: '408' },
      { rule: 'photo-credit', line: 'Снимка: БГНЕС/ EPA' },
    ]);
    expect(paragraphsOf(result.text)[0]).toBe(
      'Both sides suffer heavy losses, and drones and artillery have reduced the city to rubble',
    );
  });
});

describe('stripFurniture', () => {
  it('separates paragraphs by a blank line whether the input used single or blank lines', () => {
    const single = stripFurniture('Headline here\nFirst paragraph.\nSecond paragraph.');
    const blank = stripFurniture('Headline here\n\n\nFirst paragraph.\r\n\r\nSecond paragraph.');
    expect(single.text).toBe('First paragraph.\n\nSecond paragraph.');
    expect(blank).toEqual(single);
  });

  it('takes a short headline followed by its story as the title, not as a kicker', () => {
    const result = stripFurniture('Pokrovsk falls\n\nRussian troops took the city on Monday, officials said.');
    expect(result.title).toBe('Pokrovsk falls');
    expect(result.removed).toEqual([]);
  });

  it('returns nothing from an empty text', () => {
    expect(stripFurniture('  \n\n ')).toEqual({ title: null, text: '', outlet: null, author: null, stated: null, removed: [] });
  });

  it('keeps content that resembles furniture', () => {
    const lines = [
      'He did not share the details of the plan.',
      'The photo shows the bridge after the strike.',
      'Donate blood at the regional hospital, the governor urged.',
      'Support for the offensive has waned in Congress.',
      'By the end of the day, Russian forces had advanced two kilometres.',
      'More than 100 settlements were taken.',
      '"Share everything you see with the police," the mayor said.',
      'Join us in Kharkiv',
      'A poll (Reuters/Ipsos) found most Americans back the aid.',
      'Kyiv was quiet.',
    ];
    const result = stripFurniture(['Headline of the story', ...lines].join('\n\n'));
    expect(result.removed).toEqual([]);
    expect(paragraphsOf(result.text)).toEqual(lines);
  });

  it('stops a related block at the first real paragraph and keeps later headline-like lines', () => {
    const result = stripFurniture(
      [
        'Headline of the story',
        'First paragraph of the story.',
        'More on this story',
        'Kyiv hit by drones overnight',
        'The attack began at 2 a.m., officials said.',
        'What comes next',
        'Talks are not expected before spring.',
      ].join('\n'),
    );
    expect(removedLines(result, 'related-links')).toEqual(['More on this story', 'Kyiv hit by drones overnight']);
    expect(paragraphsOf(result.text)).toEqual([
      'First paragraph of the story.',
      'The attack began at 2 a.m., officials said.',
      'What comes next',
      'Talks are not expected before spring.',
    ]);
  });

  it('reads the author of bylines with co-authors, employers and places', () => {
    const author = (line: string) => stripFurniture(`Headline of the story\n${line}\nBody text.`).author;
    expect(author('By Liz Heflin')).toBe('Liz Heflin');
    expect(author('By Jane Doe and John Roe')).toBe('Jane Doe and John Roe');
    expect(author('By Jane Doe, Reuters')).toBe('Jane Doe');
    expect(author('By Jane Doe, Tom Balmforth and Olena Harmash')).toBe('Jane Doe, Tom Balmforth and Olena Harmash');
    expect(author('By Luke Harding in Kyiv')).toBe('Luke Harding');
    expect(author('By Jane Doe, Staff Writer')).toBe('Jane Doe');
    expect(author('By Monday, troops had withdrawn')).toBeNull();
  });

  it('reads the outlet of syndication credits, and none from a date', () => {
    const read = (line: string) => stripFurniture(`Headline of the story\nBody text.\n${line}`);
    expect(read('This article originally appeared on Kyiv Post.').outlet).toBe('Kyiv Post');
    expect(read('First published by Ukrainska Pravda').outlet).toBe('Ukrainska Pravda');
    expect(read('Read the original article on Business Insider').outlet).toBe('Business Insider');
    const dated = read('First published on 31 July 2024');
    expect(dated.outlet).toBeNull();
    expect(dated.removed).toEqual([{ rule: 'publication-stamp', line: 'First published on 31 July 2024' }]);
    expect(dated.stated?.value).toBe('2024-07-31');
  });

  it('keeps the first outlet and author found', () => {
    const result = stripFurniture(
      'Headline of the story\nBy Jane Doe\nBody text.\nBy John Roe\nRead the original article on Kyiv Post\nThis story first appeared in The Economist',
    );
    expect(result.author).toBe('Jane Doe');
    expect(result.outlet).toBe('Kyiv Post');
    expect(result.removed).toHaveLength(4);
  });

  it('takes no date in the future as stated when told the present', () => {
    const text = 'Headline of the story\nPublished: 2030-01-01\nBody text.';
    expect(stripFurniture(text).stated?.value).toBe('2030-01-01');
    expect(stripFurniture(text, { now: new Date('2024-08-01T00:00:00Z') }).stated).toBeNull();
  });
});

describe('stripFurniture with a known title', () => {
  const body = 'First paragraph of the story.\n\nSecond paragraph.';

  it('drops a first line that repeats the title, and records it', () => {
    const title = 'Pokrovsk in ruins, Russians close to biggest victory';
    const result = stripFurniture(`${title}\n\n${body}`, { knownTitle: title });
    expect(result.title).toBe(title);
    expect(result.text).toBe(body);
    expect(result.removed).toEqual([{ rule: 'title-repeat', line: title }]);
  });

  it('drops a near repeat: other quotes and case, or the page title with its site name', () => {
    const result = stripFurniture(`‘BATTLE OF THE BRIDGES’ looms in Kursk\n\n${body}`, {
      knownTitle: "'Battle of the bridges' looms in Kursk | Sky News",
    });
    expect(result.title).toBe("'Battle of the bridges' looms in Kursk | Sky News");
    expect(result.text).toBe(body);
  });

  it('keeps a first line that is not the title (a standfirst) as body', () => {
    const standfirst = 'Both sides suffer heavy losses, and drones have reduced the city to rubble';
    const result = stripFurniture(`${standfirst}\n\n${body}`, { knownTitle: 'Pokrovsk in ruins' });
    expect(result.title).toBe('Pokrovsk in ruins');
    expect(paragraphsOf(result.text)[0]).toBe(standfirst);
    expect(result.removed).toEqual([]);
  });

  it('drops a section kicker above the repeated title', () => {
    const result = stripFurniture(`Ukraine war\n\nPokrovsk in ruins\n\n${body}`, { knownTitle: 'Pokrovsk in ruins' });
    expect(result.removed).toEqual([
      { rule: 'kicker', line: 'Ukraine war' },
      { rule: 'title-repeat', line: 'Pokrovsk in ruins' },
    ]);
    expect(result.text).toBe(body);
  });

  it('reads the title from the text when the known title is null or blank', () => {
    expect(stripFurniture(`Headline of the story\n\n${body}`, { knownTitle: null }).title).toBe('Headline of the story');
    expect(stripFurniture(`Headline of the story\n\n${body}`, { knownTitle: '  ' }).title).toBe('Headline of the story');
  });
});

describe('isSameTitle', () => {
  it('tells an edited headline from a different sentence on the same subject', () => {
    expect(isSameTitle('Zelensky says Pokrovsk is main target', 'Zelensky says Pokrovsk is the main target')).toBe(true);
    expect(isSameTitle('Pokrovsk is under attack', 'Zelensky says Pokrovsk is the main target')).toBe(false);
  });
});
