/**
 * Text sizes for content decisions, counted in visible characters (letters,
 * digits, punctuation — not the whitespace a template indents with), and
 * link text separately, for link density.
 */

/** Visible characters of a string: whitespace, however the page indents, does not count. */
export function countVisible(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // space, tab, LF, CR, FF, no-break space
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 160) count++;
  }
  return count;
}

export function textLength(node: Node): number {
  return countVisible(node.textContent ?? '');
}

export function linkTextLength(element: Element): number {
  let length = 0;
  for (const link of element.querySelectorAll('a')) length += textLength(link);
  return length;
}

/**
 * Text and link-text sizes of every element under a root, measured in one
 * pass and kept current as elements are removed — so judging thousands of
 * nested blocks costs O(n·depth) at worst instead of re-reading each
 * subtree's text.
 */
export class TextMeasure {
  private readonly sizes = new Map<Node, { text: number; link: number }>();

  constructor(private readonly root: Element) {
    // Iterative post-order walk: a node's size is final when it is left.
    const stack: Array<{ node: Node; inLink: boolean; leaving: boolean }> = [{ node: root, inLink: false, leaving: false }];
    while (stack.length > 0) {
      const { node, inLink, leaving } = stack.pop()!;
      if (node.nodeType === 3) {
        const text = countVisible(node.nodeValue ?? '');
        this.addToAncestors(node, text, inLink ? text : 0);
        continue;
      }
      if (node.nodeType !== 1) continue;
      if (leaving) continue;
      this.sizes.set(node, { text: 0, link: 0 });
      const childInLink = inLink || (node as Element).tagName === 'A';
      stack.push({ node, inLink, leaving: true });
      // linkedom builds `childNodes` afresh on each access: read it once.
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push({ node: child, inLink: childInLink, leaving: false });
      }
    }
  }

  text(element: Element): number {
    return this.sizes.get(element)?.text ?? 0;
  }

  linkDensity(element: Element): number {
    const size = this.sizes.get(element);
    return size && size.text > 0 ? size.link / size.text : 0;
  }

  /** Removes an element and takes its text out of its ancestors' sizes. */
  remove(element: Element): void {
    const size = this.sizes.get(element);
    if (size) this.addToAncestors(element, -size.text, -size.link);
    element.remove();
  }

  private addToAncestors(node: Node, text: number, link: number): void {
    for (let parent = node.parentNode; parent; parent = parent.parentNode) {
      const size = this.sizes.get(parent);
      if (!size) break;
      size.text += text;
      size.link += link;
      if (parent === this.root) break;
    }
  }
}
