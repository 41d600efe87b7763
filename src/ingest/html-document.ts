/**
 * HTML source → a linkedom Document that always has <html>, <head> and
 * <body>. linkedom builds exactly the tree the tags describe (it does not
 * run the HTML5 tree-construction rules), so a fragment, a page without
 * <body>, or plain text would leave `document.body` missing — and
 * linkedom's own getters then throw.
 */
import { parseHTML } from 'linkedom';
import { defuseHostileMarkup } from './html-guard.ts';

const STRUCTURE_TAG = /<\/?(?:html|head|body)\b[^>]*>/gi;

export function parseHtmlDocument(html: string): Document {
  const source = defuseHostileMarkup(html);
  const { document } = parseHTML(source) as unknown as { document: Document };
  if (hasHtmlHeadAndBody(document)) return withMergedText(document);

  // Rebuild the skeleton around everything else. Head elements (title, meta,
  // JSON-LD) end up in the body, where the metadata reader still finds them.
  const htmlTag = /<html\b([^>]*)>/i.exec(source);
  const content = source.replace(STRUCTURE_TAG, '');
  const { document: rebuilt } = parseHTML(
    `<!doctype html><html${htmlTag?.[1] ?? ''}><head></head><body>${content}</body></html>`,
  ) as unknown as { document: Document };
  return withMergedText(rebuilt);
}

/**
 * linkedom makes a separate text node of every entity ("a&amp;b" is three
 * nodes); merging them keeps entity-heavy pages — or pages of nothing but
 * entities — from multiplying the work of every later pass.
 */
function withMergedText(document: Document): Document {
  document.documentElement.normalize();
  return document;
}

function hasHtmlHeadAndBody(document: Document): boolean {
  const root = document.documentElement;
  if (!root || root.tagName !== 'HTML') return false;
  let hasHead = false;
  let hasBody = false;
  for (const child of root.children) {
    if (child.tagName === 'HEAD') hasHead = true;
    else if (child.tagName === 'BODY') hasBody = true;
  }
  return hasHead && hasBody;
}
