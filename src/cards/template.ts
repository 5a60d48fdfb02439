/**
 * Adaptive Card templates compiled once into plain functions, then expanded per card without parsing anything
 * (issue #12: expanding with adaptivecards-templating re-parses every expression on every card and was about a
 * fifth of a chat turn). Supports the subset of the Adaptive Card Templating language our templates use, with the
 * SDK's semantics (test/cards/template.test.ts compares every card with adaptivecards-templating's output):
 *   "${a.b}" (whole string: the value, any type) · "text ${a} more" (interpolation) · "$data": "${list}" (repeat
 *   per item, or switch to an object) · "$when": "${x != ''}" | "${count(list) > 0}" · "${if($index == 0, 'A', 'B')}".
 * Anything else is refused when the template is compiled, so a new construct can't silently render wrong.
 */

type Scope = { data: unknown; index: number };
type Expr = (s: Scope) => unknown;
type Node = (s: Scope) => unknown;

const MISSING = Symbol('missing');

function lookup(path: string): Expr {
  const parts = path.split('.');
  return (s) => {
    let v: unknown = s.data;
    for (const p of parts) {
      if (v === null || typeof v !== 'object' || !(p in (v as object))) return MISSING;
      v = (v as Record<string, unknown>)[p];
    }
    return v;
  };
}

const PATH = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;

function literalOf(token: string): unknown {
  const t = token.trim();
  if (/^'[^']*'$/.test(t)) return t.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  throw new Error(`template: unsupported literal ${token}`);
}

function operand(token: string): Expr {
  const t = token.trim();
  if (t === '$index') return (s) => s.index;
  const count = /^count\(([^)]+)\)$/.exec(t);
  if (count) {
    const of = lookup(count[1].trim());
    return (s) => {
      const v = of(s);
      return Array.isArray(v) ? v.length : 0;
    };
  }
  if (PATH.test(t)) return lookup(t);
  const value = literalOf(t);
  return () => value;
}

function compileExpression(source: string): Expr {
  const e = source.trim();
  const iff = /^if\((.+?)\s*,\s*('[^']*'|[^,]+)\s*,\s*('[^']*'|[^,]+)\)$/.exec(e);
  if (iff) {
    const cond = compileExpression(iff[1]);
    const [a, b] = [operand(iff[2]), operand(iff[3])];
    return (s) => (cond(s) === true ? a(s) : b(s));
  }
  const cmp = /^(.+?)\s*(==|!=|>=|<=|>|<)\s*(.+)$/.exec(e);
  if (cmp) {
    const [l, r] = [operand(cmp[1]), operand(cmp[3])];
    const op = cmp[2];
    return (s) => {
      const x = l(s);
      const y = r(s);
      if (x === MISSING || y === MISSING) return false;
      switch (op) {
        case '==': return x === y;
        case '!=': return x !== y;
        case '>': return (x as number) > (y as number);
        case '<': return (x as number) < (y as number);
        case '>=': return (x as number) >= (y as number);
        default: return (x as number) <= (y as number);
      }
    };
  }
  if (e === '$index' || PATH.test(e)) return operand(e);
  throw new Error(`template: unsupported expression \${${source}}`);
}

const WHOLE = /^\$\{([^{}]*)\}$/;
const PART = /\$\{([^{}]*)\}/g;

function compileString(text: string): Node {
  const whole = WHOLE.exec(text);
  if (whole) {
    const expr = compileExpression(whole[1]);
    return (s) => {
      const v = expr(s);
      return v === MISSING || v === undefined ? text : v;
    };
  }
  if (!text.includes('${')) return () => text;
  const pieces: (string | { expr: Expr; raw: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(PART)) {
    pieces.push(text.slice(last, m.index));
    pieces.push({ expr: compileExpression(m[1]), raw: m[0] });
    last = (m.index ?? 0) + m[0].length;
  }
  pieces.push(text.slice(last));
  return (s) => {
    let out = '';
    for (const p of pieces) {
      if (typeof p === 'string') out += p;
      else {
        const v = p.expr(s);
        out += v === MISSING || v === undefined ? p.raw : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
      }
    }
    return out;
  };
}

/** An array item may repeat ($data over a list) or vanish ($when): it yields 0..n values. */
type Items = (s: Scope) => unknown[];

function compileItem(node: unknown): Items {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    const one = compileNode(node);
    return (s) => [one(s)];
  }
  const o = node as Record<string, unknown>;
  const { $data, $when, ...rest } = o;
  const body = compileObject(rest);
  const when = typeof $when === 'string' ? compileString($when) : undefined;
  const emit = (s: Scope, out: unknown[]) => {
    if (when && when(s) !== true) return;
    out.push(body(s));
  };
  if ($data === undefined) {
    return (s) => {
      const out: unknown[] = [];
      emit(s, out);
      return out;
    };
  }
  if (typeof $data !== 'string') throw new Error('template: $data must be an expression');
  const data = compileString($data);
  return (s) => {
    const d = data(s);
    const out: unknown[] = [];
    if (Array.isArray(d)) d.forEach((item, index) => emit({ data: item, index }, out));
    else emit({ data: d, index: 0 }, out);
    return out;
  };
}

function compileObject(o: Record<string, unknown>): Node {
  const fields = Object.entries(o).map(([k, v]) => [k, compileNode(v)] as const);
  return (s) => {
    const out: Record<string, unknown> = {};
    for (const [k, f] of fields) out[k] = f(s);
    return out;
  };
}

function compileNode(node: unknown): Node {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) {
    const items = node.map(compileItem);
    return (s) => items.flatMap((i) => i(s));
  }
  if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ('$data' in o || '$when' in o) {
      // Outside an array: $data switches the scope and $when may drop the property's value.
      const item = compileItem(o);
      return (s) => item(s)[0];
    }
    return compileObject(o);
  }
  return () => node;
}

export type CompiledTemplate = (data: object) => unknown;

/** Compile a parsed template once; the result expands it with `data` as `$root`. */
export function compileTemplate(template: object): CompiledTemplate {
  const root = compileNode(template);
  return (data) => root({ data, index: 0 });
}
