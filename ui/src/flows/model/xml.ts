/**
 * @module ui/flows/model/xml: a small, strict XML reader and writer for BPMN files, pure and synchronous so the
 * converter runs the same in the browser and in vitest. Why our own: the designer must carry every element and
 * attribute it does not understand through unchanged, and a plain tree of names, attributes and children keeps
 * them as they were written (bpmn-moddle is asynchronous and rewrites what it does not know).
 * DOCTYPE and entity declarations are refused, as the server's guard refuses them.
 */

export interface XNode {
  name: string;
  attrs: [string, string][];
  children: (XNode | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

export const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** Parses a document into its root element; throws an Error with a Chinese message on malformed input. */
export function parseXml(text: string): XNode {
  let i = 0;
  const stack: XNode[] = [];
  let root: XNode | undefined;
  const fail = (what: string): never => {
    throw new Error(`XML 格式错误（位置 ${i}）：${what}`);
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      if (text.slice(i).trim()) fail('文档末尾有多余内容');
      break;
    }
    if (lt > i && stack.length) stack[stack.length - 1].children.push(decode(text.slice(i, lt)));
    i = lt;
    if (text.startsWith('<?', i)) {
      i = text.indexOf('?>', i) + 2;
      if (i < 2) fail('处理指令未结束');
    } else if (text.startsWith('<!--', i)) {
      i = text.indexOf('-->', i) + 3;
      if (i < 3) fail('注释未结束');
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i);
      if (end < 0) fail('CDATA 未结束');
      if (stack.length) stack[stack.length - 1].children.push(text.slice(i + 9, end));
      i = end + 3;
    } else if (text.startsWith('<!', i)) {
      fail('不接受 DOCTYPE 或实体声明');
    } else if (text.startsWith('</', i)) {
      const end = text.indexOf('>', i);
      const name = text.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`结束标签 ${name} 不匹配`);
      i = end + 1;
    } else {
      const m = /^<([^\s/>]+)/.exec(text.slice(i, i + 300));
      if (!m) fail('标签无效');
      const node: XNode = { name: (m as RegExpExecArray)[1], attrs: [], children: [] };
      i += (m as RegExpExecArray)[0].length;
      const attrRe = /\s*([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\/?>)/y;
      for (;;) {
        attrRe.lastIndex = i;
        const a = attrRe.exec(text);
        if (!a) fail(`标签 ${node.name} 的属性无效`);
        const am = a as RegExpExecArray;
        i = attrRe.lastIndex;
        if (am[5]) {
          if (stack.length) stack[stack.length - 1].children.push(node);
          else if (root) fail('只能有一个根元素');
          else root = node;
          if (am[5] === '>') stack.push(node);
          break;
        }
        node.attrs.push([am[1], decode(am[3] ?? am[4] ?? '')]);
      }
    }
  }
  if (stack.length) fail(`元素 ${stack[stack.length - 1].name} 未结束`);
  if (!root) fail('没有根元素');
  return root as XNode;
}

/** Writes an element (and its subtree) as XML; text-only or empty elements stay on one line. */
export function writeXml(node: XNode, indent = ''): string {
  const attrs = node.attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (!node.children.length) return `${indent}<${node.name}${attrs} />`;
  const elements = node.children.filter((c): c is XNode => typeof c !== 'string');
  if (!elements.length) {
    return `${indent}<${node.name}${attrs}>${escapeText((node.children as string[]).join(''))}</${node.name}>`;
  }
  const inner = elements.map((c) => writeXml(c, `${indent}  `)).join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}

export const attr = (n: XNode, k: string): string | undefined => n.attrs.find(([a]) => a === k)?.[1];
export const elements = (n: XNode): XNode[] => n.children.filter((c): c is XNode => typeof c !== 'string');
export const textOf = (n: XNode): string =>
  n.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
/** The local part of a qualified name (`bpmn:userTask` → `userTask`). */
export const local = (name: string) => name.slice(name.indexOf(':') + 1);
