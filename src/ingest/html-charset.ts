/**
 * Bytes → text for HTML pages whose encoding is declared (or not) in a BOM,
 * an HTTP header or the page itself. Pure: the caller did the fetching.
 */
import iconv from 'iconv-lite';

/**
 * How far into the page to look for `<meta charset>`. The WHATWG prescan
 * stops at 1024 bytes, but real pages often put the meta after long inline
 * styles or comments; 8 KB finds those and stays cheap.
 */
const CHARSET_SNIFF_BYTES = 8192;

const UTF8 = 'utf-8';

/**
 * Labels that browsers decode differently from what they say (WHATWG
 * Encoding Standard): "latin1" and "ascii" pages are read as windows-1252,
 * GB2312 as its superset GB18030, and so on. Following the browsers gets
 * the curly quotes and euro signs right on pages that mislabel themselves.
 */
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'l1': 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  'euc-kr': 'cp949',
  'ks_c_5601-1987': 'cp949',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'utf8': UTF8,
};

/** A <meta> read as ASCII cannot truthfully declare UTF-16 (the page would not be ASCII); browsers read UTF-8. */
const UTF16_LABELS = new Set(['utf-16', 'utf-16le', 'utf-16be']);

/**
 * Decodes an HTML page. The encoding comes from, in order: a byte-order
 * mark, the `charset` of the Content-Type header, a `<meta charset>` or
 * `<meta http-equiv="Content-Type">` (or an XML declaration) near the top;
 * UTF-8 when none is given or the label is unknown.
 *
 * One exception: a page declared in a legacy encoding whose bytes are valid
 * UTF-8 with non-ASCII characters is decoded as UTF-8 — CMSs that re-encode
 * pages often keep the old meta tag, while legacy text (Cyrillic, accented
 * Latin, CJK) is almost never valid UTF-8 by accident.
 */
export function decodeHtmlBytes(bytes: Uint8Array, contentType?: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = encodingFromBom(buffer);
  if (bom) return iconv.decode(buffer, bom, { stripBOM: true });

  const metaCharset = sniffMetaCharset(buffer);
  const declared =
    (contentType ? supportedEncoding(charsetParameter(contentType)) : null) ??
    supportedEncoding(metaCharset && UTF16_LABELS.has(metaCharset.toLowerCase()) ? UTF8 : metaCharset);
  if (declared && declared !== UTF8 && !isValidUtf8WithNonAscii(buffer)) {
    return iconv.decode(buffer, declared);
  }
  return iconv.decode(buffer, UTF8);
}

function encodingFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return UTF8;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function charsetParameter(contentType: string): string | null {
  const match = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(contentType);
  return match?.[1] ?? null;
}

/** Finds the charset declared in the first bytes of the page, read as Latin-1 so any byte is a character. */
function sniffMetaCharset(buffer: Buffer): string | null {
  const head = buffer.subarray(0, CHARSET_SNIFF_BYTES).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  if (xml?.[1]) return xml[1];
  // Both <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta[0]);
    if (charset?.[1]) return charset[1];
  }
  return null;
}

function supportedEncoding(label: string | null): string | null {
  if (!label) return null;
  const normalized = label.trim().toLowerCase();
  const encoding = LABEL_ALIASES[normalized] ?? normalized;
  return iconv.encodingExists(encoding) ? encoding : null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8WithNonAscii(buffer: Buffer): boolean {
  let hasNonAscii = false;
  for (let i = 0; i < buffer.length && !hasNonAscii; i++) hasNonAscii = (buffer[i] ?? 0) >= 0x80;
  if (!hasNonAscii) return false;
  try {
    strictUtf8.decode(buffer);
    return true;
  } catch {
    return false;
  }
}
