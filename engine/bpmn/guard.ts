/**
 * @module XML input guard: refuses input before any XML parser sees it.
 * The parser (bpmn-moddle / saxen) would expand entities or choke on huge input, so the cheap
 * string checks here run first: empty input, size over the limit, any DTD (`<!DOCTYPE`, `<!ENTITY`:
 * XXE and billion laughs), and input whose first element is not a BPMN `definitions` root.
 * Returns the first refusal only (each later check assumes the earlier ones passed); [] means go ahead.
 */
import type { ValidationIssue } from '../contract';

export const DEFAULT_MAX_XML_BYTES = 5 * 1024 * 1024;

export interface GuardXmlOptions {
  /** Largest accepted input, in UTF-8 bytes (default 5 MB). */
  maxBytes?: number;
}

export function guardXmlInput(xml: string, options: GuardXmlOptions = {}): ValidationIssue[] {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_XML_BYTES;
  const body = stripBomAndSpace(xml);
  if (body.length === 0) {
    return [refuse('XML_EMPTY', 'BPMN 文件内容为空。', 'The BPMN input is empty.')];
  }
  // Measure before scanning: a huge input is refused without walking it further.
  const bytes = utf8Length(xml);
  if (bytes > maxBytes) {
    return [
      refuse(
        'XML_TOO_LARGE',
        `BPMN 文件大小为 ${formatBytes(bytes)}，超过上限 ${formatBytes(maxBytes)}。`,
        `The BPMN input is ${formatBytes(bytes)}, over the limit of ${formatBytes(maxBytes)}.`,
      ),
    ];
  }
  const dtd = /<!\s*(doctype|entity)/i.exec(xml);
  if (dtd) {
    const what = `<!${dtd[1]!.toUpperCase()}`;
    return [
      refuse(
        'XML_DTD_FORBIDDEN',
        `BPMN 文件包含 ${what} 声明；出于安全原因（外部实体、实体膨胀攻击）不接受 DTD。`,
        `The BPMN input contains a ${what} declaration; DTDs are refused for security (external entities, entity expansion).`,
      ),
    ];
  }
  const root = firstElementName(body);
  if (root === null) {
    return [
      refuse(
        'XML_MALFORMED',
        '输入不是 XML 文档：找不到根元素。',
        'The input is not an XML document: no root element found.',
      ),
    ];
  }
  const local = root.slice(root.indexOf(':') + 1);
  if (local !== 'definitions') {
    return [
      refuse(
        'XML_NOT_BPMN',
        `XML 根元素是 <${root}>，而 BPMN 文件的根元素必须是 definitions。`,
        `The XML root element is <${root}>, but a BPMN file's root element must be definitions.`,
      ),
    ];
  }
  return [];
}

function refuse(code: string, message: string, messageEn: string): ValidationIssue {
  return { elementId: null, code, message, messageEn, severity: 'error' };
}

/** XML whitespace only (space, tab, CR, LF): anything else before `<` is not XML. */
function stripBomAndSpace(xml: string): string {
  return xml.replace(/^\uFEFF?[ \t\r\n]*/, '');
}

/**
 * Name of the first element after the prolog (`<?xml ...?>`, other processing instructions,
 * comments, whitespace), or null when the text does not get that far as XML.
 */
function firstElementName(body: string): string | null {
  let at = 0;
  for (;;) {
    while (at < body.length && ' \t\r\n'.includes(body[at]!)) at++;
    if (body[at] !== '<') return null;
    if (body.startsWith('<?', at)) {
      const close = body.indexOf('?>', at + 2);
      if (close < 0) return null;
      at = close + 2;
    } else if (body.startsWith('<!--', at)) {
      const close = body.indexOf('-->', at + 4);
      if (close < 0) return null;
      at = close + 3;
    } else {
      const name = /^<([A-Za-z_][\w.:-]*)(?=[\s/>])/.exec(body.slice(at, at + 200));
      return name ? name[1]! : null;
    }
  }
}

/** UTF-8 length without allocating an encoded copy of a multi-megabyte string. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is one code point of 4 bytes; a lone surrogate is encoded as U+FFFD (3 bytes).
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(2)} MB (${bytes} bytes)`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`;
  return `${bytes} bytes`;
}
