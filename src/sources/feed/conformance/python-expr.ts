// Test support: parses the small Python expressions feedparser's test files state their expectations in
// (`not bozo and entries[0]['title'] == u'Example'`) into a tree. Evaluating it is feedparser-view.ts.

export type Expr =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'const'; v: null | boolean }
  | { t: 'seq'; items: Expr[] }
  | { t: 'dict'; entries: [Expr, Expr][] }
  | { t: 'name'; name: string }
  | { t: 'index'; target: Expr; key: Expr }
  | { t: 'attr'; target: Expr; name: string }
  | { t: 'call'; fn: Expr; args: Expr[] }
  | { t: 'not'; e: Expr }
  | { t: 'neg'; e: Expr }
  | { t: 'and' | 'or'; l: Expr; r: Expr }
  | { t: 'cmp'; ops: string[]; operands: Expr[] };

const TOKEN =
  /\s*(?:([uUbBrR]?'(?:[^'\\]|\\.)*'|[uUbBrR]?"(?:[^"\\]|\\.)*")|(\d+(?:\.\d+)?)|([A-Za-z_]\w*)|(==|!=|<=|>=|[-()[\]{},.:<>+*]))/y;

/** Parse one expression, or throw when it uses syntax beyond this subset. */
export function parsePython(source: string): Expr {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const take = (want?: string): string => {
    const token = tokens[at++];
    if (token === undefined || (want !== undefined && token !== want))
      throw new Error(`expected ${want ?? 'more'} in ${source}`);
    return token;
  };

  function orExpr(): Expr {
    let l = andExpr();
    while (peek() === 'or') {
      take();
      l = { t: 'or', l, r: andExpr() };
    }
    return l;
  }
  function andExpr(): Expr {
    let l = notExpr();
    while (peek() === 'and') {
      take();
      l = { t: 'and', l, r: notExpr() };
    }
    return l;
  }
  function notExpr(): Expr {
    if (peek() === 'not') {
      take();
      return { t: 'not', e: notExpr() };
    }
    return comparison();
  }
  function comparison(): Expr {
    const operands = [unary()];
    const ops: string[] = [];
    for (;;) {
      const token = peek();
      const next = tokens[at + 1];
      let op: string | undefined;
      if (token && ['==', '!=', '<', '>', '<=', '>=', 'in'].includes(token)) op = token;
      else if (token === 'is') op = next === 'not' ? 'is not' : 'is';
      else if (token === 'not' && next === 'in') op = 'not in';
      if (!op) break;
      at += op.split(' ').length;
      ops.push(op);
      operands.push(unary());
    }
    return ops.length ? { t: 'cmp', ops, operands } : (operands[0] as Expr);
  }
  function unary(): Expr {
    if (peek() === '-') {
      take();
      return { t: 'neg', e: unary() };
    }
    return postfix(atom());
  }
  function postfix(start: Expr): Expr {
    let e = start;
    for (;;) {
      if (peek() === '[') {
        take();
        const key = orExpr();
        take(']');
        e = { t: 'index', target: e, key };
      } else if (peek() === '.') {
        take();
        e = { t: 'attr', target: e, name: take() };
      } else if (peek() === '(') {
        take();
        e = { t: 'call', fn: e, args: list(')') };
      } else return e;
    }
  }
  function list(close: string): Expr[] {
    const items: Expr[] = [];
    while (peek() !== close) {
      items.push(orExpr());
      if (peek() === ',') take();
      else break;
    }
    take(close);
    return items;
  }
  function atom(): Expr {
    const token = take();
    if (/^[uUbBrR]?['"]/.test(token)) return { t: 'str', v: pythonString(token) };
    if (/^\d/.test(token)) return { t: 'num', v: Number(token) };
    if (token === 'None') return { t: 'const', v: null };
    if (token === 'True' || token === 'False') return { t: 'const', v: token === 'True' };
    if (token === '(') {
      const items = list(')');
      return items.length === 1 ? (items[0] as Expr) : { t: 'seq', items };
    }
    if (token === '[') return { t: 'seq', items: list(']') };
    if (token === '{') {
      const entries: [Expr, Expr][] = [];
      while (peek() !== '}') {
        const key = orExpr();
        take(':');
        entries.push([key, orExpr()]);
        if (peek() === ',') take();
      }
      take('}');
      return { t: 'dict', entries };
    }
    if (/^[A-Za-z_]/.test(token)) return { t: 'name', name: token };
    throw new Error(`unexpected ${token} in ${source}`);
  }

  const tree = orExpr();
  if (at !== tokens.length) throw new Error(`trailing ${tokens[at]} in ${source}`);
  return tree;
}

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.trimEnd().length) {
    const m = TOKEN.exec(source);
    if (!m) throw new Error(`cannot read ${source.slice(TOKEN.lastIndex, TOKEN.lastIndex + 10)}`);
    tokens.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  }
  return tokens;
}

/** A Python string literal's value: `\uXXXX`, `\xXX`, `\n`, `\t`, `\\` and quote escapes (not raw strings). */
function pythonString(token: string): string {
  const raw = /^[rR]/.test(token);
  const body = token.replace(/^[uUbBrR]?/, '').slice(1, -1);
  if (raw) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)/g, (_, code: string) => {
    if (/^[uUx]/.test(code) && code.length > 1)
      return String.fromCodePoint(Number.parseInt(code.slice(1), 16));
    return { n: '\n', t: '\t', r: '\r', '0': '\0' }[code] ?? code;
  });
}
