/** @module Tests of the XML input guard: each refusal, and that real BPMN passes. */
import { describe, expect, it } from 'vitest';
import { guardXmlInput } from './guard';

// The head of the shared approval benchmark (shared/bench/approval.bpmn): a comment after the root start tag.
const approval = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                  id="approvalBenchDefinitions">
  <!-- The benchmark approval flow -->
  <bpmn:process id="approval" isExecutable="true"><bpmn:startEvent id="start" /></bpmn:process>
</bpmn:definitions>`;
const minimal =
  '<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"/>';

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol9;</bpmn:definitions>`;

function codes(xml: string, maxBytes?: number) {
  return guardXmlInput(xml, maxBytes === undefined ? {} : { maxBytes }).map((issue) => issue.code);
}

describe('guardXmlInput', () => {
  it('given real BPMN files when guarded then nothing is refused', () => {
    expect(guardXmlInput(approval)).toEqual([]);
    expect(guardXmlInput(minimal)).toEqual([]);
    expect(
      guardXmlInput('\uFEFF  \n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">'),
    ).toEqual([]);
    expect(guardXmlInput('<!-- exported --><?xml-stylesheet href="x"?>\n<semantic:definitions>')).toEqual([]);
  });

  it('given empty or whitespace-only input when guarded then XML_EMPTY with no element', () => {
    for (const xml of ['', '   \n\t', '\uFEFF']) {
      const issues = guardXmlInput(xml);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ elementId: null, code: 'XML_EMPTY' });
      expect(issues[0]!.message).toMatch(/为空/);
    }
  });

  it('given a 6 MB input when guarded with the default limit then XML_TOO_LARGE names size and limit', () => {
    const big = `${minimal.slice(0, -2)}>${' '.repeat(6 * 1024 * 1024)}</bpmn:definitions>`;
    const started = performance.now();
    const issues = guardXmlInput(big);
    expect(performance.now() - started).toBeLessThan(500);
    expect(issues.map((i) => i.code)).toEqual(['XML_TOO_LARGE']);
    expect(issues[0]!.messageEn).toContain('6.00 MB');
    expect(issues[0]!.messageEn).toContain('5.00 MB (5242880 bytes)');
    expect(issues[0]!.message).toContain('上限');
  });

  it('given multi-byte text when guarded then the limit counts UTF-8 bytes, not characters', () => {
    const xml = `<definitions name="${'审批'.repeat(100)}"/>`; // 200 CJK chars = 600 bytes
    expect(xml.length).toBeLessThan(300);
    expect(codes(xml, 300)).toEqual(['XML_TOO_LARGE']);
    expect(codes(xml, 1000)).toEqual([]);
    expect(codes(`<definitions name="${'😀'.repeat(10)}"/>`, 40 + 22)).toEqual([]); // 10 × 4 bytes
    expect(codes(`<definitions name="${'😀'.repeat(10)}"/>`, 40 + 21)).toEqual(['XML_TOO_LARGE']);
  });

  it('given a billion-laughs document when guarded then XML_DTD_FORBIDDEN', () => {
    const issues = guardXmlInput(billionLaughs);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ elementId: null, code: 'XML_DTD_FORBIDDEN', severity: 'error' });
    expect(issues[0]!.messageEn).toContain('<!DOCTYPE');
  });

  it('given a DOCTYPE or ENTITY in any case, position or after a BOM when guarded then refused', () => {
    expect(codes('\uFEFF\n  <!doctype definitions SYSTEM "file:///etc/passwd"><definitions/>')).toEqual([
      'XML_DTD_FORBIDDEN',
    ]);
    expect(codes('<definitions><!-- x --><![CDATA[ <!EnTiTy x "y"> ]]></definitions>')).toEqual([
      'XML_DTD_FORBIDDEN',
    ]);
    expect(
      codes('<?xml version="1.0"?><!DocType x [<!ENTITY e SYSTEM "http://evil/">]><definitions/>'),
    ).toEqual(['XML_DTD_FORBIDDEN']);
  });

  it('given text that does not start with < when guarded then XML_MALFORMED', () => {
    expect(codes('{"definitions": []}')).toEqual(['XML_MALFORMED']);
    expect(codes('hello <definitions/>')).toEqual(['XML_MALFORMED']);
    expect(codes('<?xml version="1.0"')).toEqual(['XML_MALFORMED']);
    expect(codes('<!-- never closed <definitions/>')).toEqual(['XML_MALFORMED']);
    expect(codes('< definitions/>')).toEqual(['XML_MALFORMED']);
  });

  it('given XML whose root is not definitions when guarded then XML_NOT_BPMN names the root', () => {
    const issues = guardXmlInput(
      '<?xml version="1.0"?><!-- c --><svg:svg xmlns:svg="x"><definitions/></svg:svg>',
    );
    expect(issues.map((i) => i.code)).toEqual(['XML_NOT_BPMN']);
    expect(issues[0]!.messageEn).toContain('<svg:svg>');
    expect(codes('<html><body>definitions</body></html>')).toEqual(['XML_NOT_BPMN']);
    expect(codes('<bpmn:Definitions/>')).toEqual(['XML_NOT_BPMN']);
    expect(codes('<bpmn:definitionsX/>')).toEqual(['XML_NOT_BPMN']);
  });
});
