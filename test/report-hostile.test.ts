/**
 * Article text and metadata are untrusted. A hostile article goes through
 * the real pipeline (JSON Lines ingest, analysis, corpus pass) into an
 * in-memory store; the report made from it must carry its words as text,
 * never as markup, links or script, in HTML and in Markdown.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/pipeline/ingest.ts';
import { loadSituation, renderHtml, renderMarkdown, type SituationReport } from '../src/report/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

const RLO = '\u202e';
const PAYLOADS = {
  script: '<script>alert("x")</script>',
  img: '<img src=x onerror=alert(1)>',
  link: '[click me](javascript:alert(1))',
  autolink: '<javascript:alert(1)>',
};

const hostile = [
  {
    title: `Pokrovsk ${PAYLOADS.script} under attack ${RLO}txt.exe`,
    outlet: `Evil ${PAYLOADS.img} News`,
    url: 'javascript:alert(document.cookie)',
    published: '2024-08-05',
    text:
      `Ukrainian President Volodymyr Zelensky said on Monday that Russian forces ${PAYLOADS.script} are attacking Pokrovsk. ` +
      `"We will hold Pokrovsk ${PAYLOADS.img} whatever it takes ${RLO}gnp.exe," Zelensky said. ` +
      `The Russian Defense Ministry claimed that its forces had captured Pokrovsk ${PAYLOADS.link}, a claim that has not been verified by an independent source. ` +
      `Ukraine denied that Pokrovsk had been captured ${PAYLOADS.autolink}. ` +
      `Officials said about 53,000 people ${PAYLOADS.img} still live in Pokrovsk.`,
  },
  {
    title: 'A second report " onmouseover="alert(1)',
    outlet: "O'Reilly \" onclick=\"alert(1)",
    url: 'https://example.org/story?a=1&b=<x>',
    published: '2024-08-06',
    text:
      'Ukrainian officials said on Tuesday that about 50,000 people still live in Pokrovsk, down from 53,000. ' +
      'Dmitry Peskov said that "the operation continues <svg onload=alert(1)>" and that Russian forces had surrounded Pokrovsk.',
  },
];

let dir: string;
let store: Store;
let report: SituationReport;
let html: string;
let markdown: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-hostile-'));
  const file = join(dir, 'hostile.jsonl');
  await writeFile(file, hostile.map((r) => JSON.stringify(r)).join('\n'));
  store = await openStore('memory://');
  const summary = await ingestPaths(store, [file], { now: () => new Date('2024-08-07T00:00:00Z') });
  expect(summary.stored).toBe(2);
  report = await loadSituation(store, {});
  html = renderHtml(report);
  markdown = renderMarkdown(report);
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Elements the renderer itself writes: anything else came from an article. */
const OWN_ELEMENTS = new Set(
  'html head meta title style body header main section h1 h2 h3 p ul ol li strong em span a bdi code table thead tbody tr th td'.split(' '),
);

describe('a hostile article in the report', () => {
  it('is reported: its words reach the document as text', () => {
    expect(report.sources).toHaveLength(2);
    const { document } = parseHTML(html);
    const text = document.body.textContent ?? '';
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('Evil <img src=x onerror=alert(1)> News');
  });

  it('leaves no live markup in the HTML: no script, no event handler, no javascript: link', () => {
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script, img, svg, iframe, object, embed, link, form, input')).toHaveLength(0);
    for (const el of document.querySelectorAll('*')) {
      expect(OWN_ELEMENTS.has(el.tagName.toLowerCase()), el.tagName).toBe(true);
      for (const attr of Array.from(el.attributes) as Attr[]) {
        expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
        if (attr.name === 'href') expect(attr.value).toMatch(/^#source-\d+$|^https:\/\/example\.org\//);
      }
    }
    expect(html).not.toContain('javascript:alert(document');
    expect(html).toContain("default-src 'none'");
    // The second article's URL is a real https URL: linked, with its query escaped.
    expect(html).toContain('href="https://example.org/story?a=1&amp;b=%3Cx%3E"');
  });

  it('neutralises right-to-left overrides', () => {
    expect(html).not.toContain(RLO);
    expect(markdown).not.toContain(RLO);
    // The report object stays faithful to the article (the API serves it, and the web app escapes it itself);
    // only the documents drop the control.
    expect(report.sources.some((s) => s.title.includes(RLO))).toBe(true);
    expect(html).toContain('txt.exe');
  });

  it('escapes the Markdown: no raw HTML, no link to javascript:', () => {
    expect(markdown).not.toMatch(/(^|[^\\])<(script|img|svg|javascript)/i);
    expect(markdown).not.toMatch(/(^|[^\\])\]\(javascript:/i);
    expect(markdown).toContain('\\[click me\\](javascript:alert(1))');
    expect(markdown).toContain('\\<script\\>alert("x")\\</script\\>');
    // The javascript: URL is not shown at all: the source list names where the article was read from instead.
    expect(markdown).not.toContain('javascript:alert(document');
  });
});
