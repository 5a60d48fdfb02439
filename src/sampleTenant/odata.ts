/**
 * The OData subset Microsoft Graph v1.0 understands for the sample tenant's collections: a `$filter` parser and
 * evaluator (eq, ne, gt, ge, lt, le, in, and, or, not, startswith, endswith, contains, any(), null, nested paths,
 * '' escaping) and the feature flags that decide whether a directory query is an "advanced query".
 */

export class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'word'; v: string }
  | { t: 'punct'; v: '(' | ')' | ',' | ':' };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === ':') {
      out.push({ t: 'punct', v: c });
      i++;
      continue;
    }
    if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new ODataError(400, 'BadRequest', `Invalid filter clause: unterminated string literal.`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i++];
      }
      out.push({ t: 'str', v });
      continue;
    }
    let j = i;
    while (j < src.length && !/[\s(),:']/.test(src[j])) j++;
    if (j === i) throw new ODataError(400, 'BadRequest', `Invalid filter clause: unexpected character '${c}'.`);
    const word = src.slice(i, j);
    i = j;
    if (/^-?\d+(\.\d+)?$/.test(word)) out.push({ t: 'num', v: Number(word) });
    else out.push({ t: 'word', v: word });
  }
  return out;
}

export type Expr =
  | { k: 'and' | 'or'; l: Expr; r: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'cmp'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; l: Expr; r: Expr }
  | { k: 'in'; l: Expr; list: Expr[] }
  | { k: 'call'; fn: 'startswith' | 'endswith' | 'contains'; args: Expr[] }
  | { k: 'any'; path: string; v: string; body: Expr | null }
  | { k: 'path'; path: string }
  | { k: 'lit'; v: string | number | boolean | null };

const COMPARE = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCS = new Set(['startswith', 'endswith', 'contains']);

export interface FilterFeatures {
  ne: boolean;
  not: boolean;
  endswith: boolean;
  contains: boolean;
  any: boolean;
  /** Root property names the filter reads (lambda variables excluded). */
  paths: Set<string>;
}

class Parser {
  private pos = 0;
  private readonly vars = new Set<string>();
  readonly features: FilterFeatures = { ne: false, not: false, endswith: false, contains: false, any: false, paths: new Set() };
  constructor(private readonly toks: Token[]) {}

  private peek(): Token | undefined {
    return this.toks[this.pos];
  }
  private isWord(w: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'word' && t.v.toLowerCase() === w;
  }
  private expect(p: '(' | ')' | ',' | ':'): void {
    const t = this.toks[this.pos++];
    if (!t || t.t !== 'punct' || t.v !== p) throw new ODataError(400, 'BadRequest', `Invalid filter clause: '${p}' expected.`);
  }

  parse(): Expr {
    if (this.toks.length === 0) throw new ODataError(400, 'BadRequest', 'Invalid filter clause: empty expression.');
    const e = this.or();
    if (this.pos < this.toks.length) throw new ODataError(400, 'BadRequest', `Invalid filter clause: syntax error near '${tokText(this.toks[this.pos])}'.`);
    return e;
  }
  private or(): Expr {
    let l = this.and();
    while (this.isWord('or')) {
      this.pos++;
      l = { k: 'or', l, r: this.and() };
    }
    return l;
  }
  private and(): Expr {
    let l = this.unary();
    while (this.isWord('and')) {
      this.pos++;
      l = { k: 'and', l, r: this.unary() };
    }
    return l;
  }
  private unary(): Expr {
    if (this.isWord('not')) {
      this.pos++;
      this.features.not = true;
      return { k: 'not', e: this.unary() };
    }
    return this.comparison();
  }
  private comparison(): Expr {
    const l = this.operand();
    const t = this.peek();
    if (t && t.t === 'word' && COMPARE.has(t.v.toLowerCase())) {
      this.pos++;
      const op = t.v.toLowerCase() as 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
      if (op === 'ne') this.features.ne = true;
      return { k: 'cmp', op, l, r: this.operand() };
    }
    if (t && t.t === 'word' && t.v.toLowerCase() === 'in') {
      this.pos++;
      this.expect('(');
      const list: Expr[] = [this.operand()];
      while (this.peek()?.t === 'punct' && (this.peek() as { v: string }).v === ',') {
        this.pos++;
        list.push(this.operand());
      }
      this.expect(')');
      return { k: 'in', l, list };
    }
    return l;
  }
  private operand(): Expr {
    const t = this.toks[this.pos++];
    if (!t) throw new ODataError(400, 'BadRequest', 'Invalid filter clause: unexpected end of expression.');
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'num') return { k: 'lit', v: t.v };
    if (t.t === 'punct') {
      if (t.v === '(') {
        const e = this.or();
        this.expect(')');
        return e;
      }
      throw new ODataError(400, 'BadRequest', `Invalid filter clause: unexpected '${t.v}'.`);
    }
    const w = t.v;
    const lw = w.toLowerCase();
    if (lw === 'null') return { k: 'lit', v: null };
    if (lw === 'true' || lw === 'false') return { k: 'lit', v: lw === 'true' };
    const next = this.peek();
    if (FUNCS.has(lw) && next?.t === 'punct' && next.v === '(') {
      this.pos++;
      const args = [this.or()];
      while (this.peek()?.t === 'punct' && (this.peek() as { v: string }).v === ',') {
        this.pos++;
        args.push(this.or());
      }
      this.expect(')');
      if (args.length !== 2) throw new ODataError(400, 'BadRequest', `Invalid filter clause: ${lw} takes 2 arguments.`);
      if (lw === 'endswith') this.features.endswith = true;
      if (lw === 'contains') this.features.contains = true;
      return { k: 'call', fn: lw as 'startswith', args };
    }
    const anyMatch = /^(.+)\/(any|all)$/i.exec(w);
    if (anyMatch && next?.t === 'punct' && next.v === '(') {
      this.pos++;
      this.features.any = true;
      this.features.paths.add(anyMatch[1].split('/')[0]);
      if (this.peek()?.t === 'punct' && (this.peek() as { v: string }).v === ')') {
        this.pos++;
        return { k: 'any', path: anyMatch[1], v: '', body: null };
      }
      const v = this.toks[this.pos++];
      if (!v || v.t !== 'word') throw new ODataError(400, 'BadRequest', 'Invalid filter clause: lambda variable expected.');
      this.expect(':');
      this.vars.add(v.v);
      const body = this.or();
      this.expect(')');
      return { k: 'any', path: anyMatch[1], v: v.v, body };
    }
    // An unquoted GUID or date-time literal (both are legal OData primitive literals).
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(w) || /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(w)) {
      return { k: 'lit', v: w };
    }
    if (!/^[A-Za-z_$][\w$./]*$/.test(w)) throw new ODataError(400, 'BadRequest', `Invalid filter clause: unexpected '${w}'.`);
    if (!this.vars.has(w.split('/')[0])) this.features.paths.add(w.split('/')[0]);
    return { k: 'path', path: w };
  }
}

function tokText(t: Token): string {
  return t.t === 'str' ? `'${t.v}'` : String(t.v);
}

export function parseFilter(src: string): { expr: Expr; features: FilterFeatures } {
  const p = new Parser(tokenize(src));
  const expr = p.parse();
  return { expr, features: p.features };
}

type Scope = Record<string, unknown>;

function resolvePath(obj: unknown, path: string, scope: Scope): unknown {
  const parts = path.split('/');
  let cur: unknown;
  if (parts[0] in scope) cur = scope[parts[0]];
  else cur = obj && typeof obj === 'object' ? (obj as Record<string, unknown>)[parts[0]] : undefined;
  for (const p of parts.slice(1)) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur === undefined ? null : cur;
}

function norm(v: unknown, ci: boolean): unknown {
  return ci && typeof v === 'string' ? v.toLowerCase() : v;
}

function compare(a: unknown, b: unknown, op: string, ci: boolean): boolean {
  if (op === 'eq') return a === null || b === null ? a === b : norm(a, ci) === norm(b, ci);
  if (op === 'ne') return a === null || b === null ? a !== b : norm(a, ci) !== norm(b, ci);
  if (a === null || b === null) return false;
  let x: unknown = a;
  let y: unknown = b;
  if (typeof a === 'string' && typeof b === 'string' && /^\d{4}-\d{2}-\d{2}/.test(a) && /^\d{4}-\d{2}-\d{2}/.test(b)) {
    x = Date.parse(a);
    y = Date.parse(b);
  }
  x = norm(x, ci);
  y = norm(y, ci);
  if (typeof x !== typeof y) return false;
  switch (op) {
    case 'gt':
      return (x as number) > (y as number);
    case 'ge':
      return (x as number) >= (y as number);
    case 'lt':
      return (x as number) < (y as number);
    default:
      return (x as number) <= (y as number);
  }
}

/** Evaluates a parsed filter against one object. `ci`: compare strings case-insensitively (directory objects). */
export function evaluate(e: Expr, obj: unknown, ci: boolean, scope: Scope = {}): unknown {
  switch (e.k) {
    case 'and':
      return evaluate(e.l, obj, ci, scope) === true && evaluate(e.r, obj, ci, scope) === true;
    case 'or':
      return evaluate(e.l, obj, ci, scope) === true || evaluate(e.r, obj, ci, scope) === true;
    case 'not':
      return evaluate(e.e, obj, ci, scope) !== true;
    case 'lit':
      return e.v;
    case 'path':
      return resolvePath(obj, e.path, scope);
    case 'cmp':
      return compare(evaluate(e.l, obj, ci, scope), evaluate(e.r, obj, ci, scope), e.op, ci);
    case 'in': {
      const v = evaluate(e.l, obj, ci, scope);
      return e.list.some((x) => compare(v, evaluate(x, obj, ci, scope), 'eq', ci));
    }
    case 'call': {
      const a = evaluate(e.args[0], obj, ci, scope);
      const b = evaluate(e.args[1], obj, ci, scope);
      if (typeof a !== 'string' || typeof b !== 'string') return false;
      const x = norm(a, ci) as string;
      const y = norm(b, ci) as string;
      return e.fn === 'startswith' ? x.startsWith(y) : e.fn === 'endswith' ? x.endsWith(y) : x.includes(y);
    }
    case 'any': {
      const coll = resolvePath(obj, e.path, scope);
      if (!Array.isArray(coll)) return false;
      if (!e.body) return coll.length > 0;
      return coll.some((item) => evaluate(e.body!, obj, ci, { ...scope, [e.v]: item }) === true);
    }
  }
}

/** Splits `$select=a,b, c` into names; empty → undefined. */
export function parseSelect(raw: string | null): string[] | undefined {
  if (raw === null) return undefined;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length ? names : undefined;
}

/** `$orderby=activityDateTime desc, displayName` → [{ prop, desc }]. */
export function parseOrderBy(raw: string | null): { prop: string; desc: boolean }[] {
  if (!raw) return [];
  return raw.split(',').map((part) => {
    const [prop, dir] = part.trim().split(/\s+/);
    if (dir && !/^(asc|desc)$/i.test(dir)) throw new ODataError(400, 'BadRequest', `Invalid $orderby direction '${dir}'.`);
    return { prop, desc: /^desc$/i.test(dir ?? '') };
  });
}

/** One property test in a `$filter`: the root property and the operator applied to it. */
export interface FilterClause {
  property: string;
  /** eq/ne/gt/ge/lt/le, `eq-null` (eq null), in, startswith/endswith/contains, not (the property sits under `not`), any (`p/any()`). */
  op: string;
}

function pathOf(e: Expr): string | undefined {
  return e.k === 'path' ? e.path : undefined;
}

/** Every (property, operator) pair of a parsed filter; a lambda variable stands for its collection property. */
export function filterClauses(e: Expr, lambdas: Record<string, string> = {}, out: FilterClause[] = []): FilterClause[] {
  const root = (path: string) => {
    const head = path.split('/')[0];
    return lambdas[head] ?? head;
  };
  switch (e.k) {
    case 'and':
    case 'or':
      filterClauses(e.l, lambdas, out);
      filterClauses(e.r, lambdas, out);
      break;
    case 'not': {
      const inner = filterClauses(e.e, lambdas, []);
      out.push(...inner, ...[...new Set(inner.map((c) => c.property))].map((property) => ({ property, op: 'not' })));
      break;
    }
    case 'cmp': {
      const path = pathOf(e.l) ?? pathOf(e.r);
      if (!path) break;
      const other = pathOf(e.l) ? e.r : e.l;
      const isNull = other.k === 'lit' && other.v === null;
      out.push({ property: root(path), op: e.op === 'eq' && isNull ? 'eq-null' : e.op });
      break;
    }
    case 'in': {
      const path = pathOf(e.l);
      if (path) out.push({ property: root(path), op: 'in' });
      break;
    }
    case 'call': {
      const path = pathOf(e.args[0]);
      if (path) out.push({ property: root(path), op: e.fn });
      break;
    }
    case 'any':
      if (!e.body) out.push({ property: root(e.path), op: 'any' });
      else filterClauses(e.body, { ...lambdas, [e.v]: root(e.path) }, out);
      break;
    default:
      break;
  }
  return out;
}
