// A structural check of JUnit XML against the common schema that CI systems read (Jenkins' junit-10.xsd, the
// Ant/Surefire shape): a strict little XML reader, then the element tree, attributes and counts. No network.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/u;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/u;

/** Parses well-formed XML (a declaration, elements, attributes, text, the five entities); throws otherwise. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u.test(xml)) fail('a character XML 1.0 forbids');
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/u.exec(xml);
  if (!decl) fail('no XML declaration');
  i = decl![0].length;
  const text = (until: string): string => {
    const end = xml.indexOf(until, i);
    if (end < 0) fail(`no ${until}`);
    const raw = xml.slice(i, end);
    for (let k = raw.indexOf('&'); k >= 0; k = raw.indexOf('&', k + 1)) if (!ENTITY.test(raw.slice(k))) fail('a bare &');
    if (raw.includes('<') && until !== '<') fail('a bare <');
    i = end;
    return raw.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&#(\d+);/gu, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/gu, '&');
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const name = NAME.exec(xml.slice(i))?.[0] ?? fail('expected a name');
    i += name.length;
    const el: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const ws = /^\s*/u.exec(xml.slice(i))![0];
      i += ws.length;
      if (xml.startsWith('/>', i)) return (i += 2), el;
      if (xml[i] === '>') break;
      if (!ws) fail('expected whitespace before an attribute');
      const attr = NAME.exec(xml.slice(i))?.[0] ?? fail('expected an attribute');
      i += attr.length;
      if (!xml.startsWith('="', i)) fail('expected ="');
      i += 2;
      if (attr in el.attributes) fail(`duplicate attribute ${attr}`);
      el.attributes[attr] = text('"');
      i++;
    }
    i++;
    for (;;) {
      el.text += text('<');
      if (xml.startsWith(`</${name}>`, i)) return (i += name.length + 3), el;
      el.children.push(element());
    }
  };
  const root = element();
  if (xml.slice(i).trim()) fail('content after the root element');
  return root;
}

interface Rule {
  required: string[];
  optional: string[];
  children: Record<string, 'one?' | 'many'>;
}

const INTEGER = new Set(['tests', 'failures', 'errors', 'skipped', 'disabled', 'assertions']);
const DECIMAL = new Set(['time']);

const SCHEMA: Record<string, Rule> = {
  testsuites: { required: [], optional: ['name', 'tests', 'failures', 'errors', 'skipped', 'disabled', 'time'], children: { testsuite: 'many' } },
  testsuite: {
    required: ['name', 'tests'],
    optional: ['failures', 'errors', 'skipped', 'disabled', 'time', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url', 'version', 'group'],
    children: { properties: 'one?', testcase: 'many', 'system-out': 'one?', 'system-err': 'one?' },
  },
  properties: { required: [], optional: [], children: { property: 'many' } },
  property: { required: ['name', 'value'], optional: [], children: {} },
  testcase: {
    required: ['name'],
    optional: ['classname', 'assertions', 'time', 'status', 'file', 'line'],
    children: { skipped: 'one?', error: 'many', failure: 'many', 'system-out': 'many', 'system-err': 'many' },
  },
  failure: { required: [], optional: ['message', 'type'], children: {} },
  error: { required: [], optional: ['message', 'type'], children: {} },
  skipped: { required: [], optional: ['message'], children: {} },
  'system-out': { required: [], optional: [], children: {} },
  'system-err': { required: [], optional: [], children: {} },
};

/** Every problem found, as "path: problem"; empty when the document has the schema's shape and its counts add up. */
export function junitProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.name !== 'testsuites') problems.push(`root is <${root.name}>, expected <testsuites>`);
  const visit = (el: XmlElement, path: string): void => {
    const rule = SCHEMA[el.name];
    if (!rule) return void problems.push(`${path}: unknown element <${el.name}>`);
    for (const a of rule.required) if (!(a in el.attributes)) problems.push(`${path}: missing attribute ${a}`);
    for (const [a, v] of Object.entries(el.attributes)) {
      if (![...rule.required, ...rule.optional].includes(a)) problems.push(`${path}: unknown attribute ${a}`);
      if (INTEGER.has(a) && !/^\d+$/u.test(v)) problems.push(`${path}: ${a}="${v}" is not a whole number`);
      if (DECIMAL.has(a) && !/^\d+(\.\d+)?$/u.test(v)) problems.push(`${path}: ${a}="${v}" is not a decimal`);
    }
    if (!Object.keys(rule.children).length && el.children.length) problems.push(`${path}: <${el.name}> has child elements`);
    if (Object.keys(rule.children).length && el.text.trim()) problems.push(`${path}: <${el.name}> has text`);
    for (const [child, n] of Object.entries(rule.children)) {
      if (n === 'one?' && el.children.filter((c) => c.name === child).length > 1) problems.push(`${path}: more than one <${child}>`);
    }
    el.children.forEach((c, k) => visit(c, `${path}/${c.name}[${k}]`));
  };
  visit(root, root.name);
  const count = (suites: XmlElement[], what: 'tests' | 'failures' | 'skipped'): number =>
    suites.flatMap((s) => s.children.filter((c) => c.name === 'testcase')).filter((t) => what === 'tests' || t.children.some((c) => c.name === (what === 'failures' ? 'failure' : 'skipped'))).length;
  const check = (el: XmlElement, suites: XmlElement[], path: string) => {
    for (const what of ['tests', 'failures', 'skipped'] as const) {
      if (el.attributes[what] !== undefined && Number(el.attributes[what]) !== count(suites, what)) problems.push(`${path}: ${what}="${el.attributes[what]}" but ${count(suites, what)} found`);
    }
  };
  const suites = root.children.filter((c) => c.name === 'testsuite');
  check(root, suites, root.name);
  suites.forEach((s, k) => check(s, [s], `testsuites/testsuite[${k}]`));
  return problems;
}
