// Text clean-up shared by every adapter: whitespace, hard line wraps, common TeX in titles and
// abstracts. Plain text in, plain text out; HTML is reduced elsewhere (adapters, sanitize).

const TEX_SYMBOLS: Record<string, string> = {
  times: '×',
  cdot: '·',
  pm: '±',
  leq: '≤',
  geq: '≥',
  le: '≤',
  ge: '≥',
  neq: '≠',
  approx: '≈',
  sim: '∼',
  infty: '∞',
  rightarrow: '→',
  to: '→',
  leftarrow: '←',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  omega: 'ω',
  Delta: 'Δ',
  Sigma: 'Σ',
  Omega: 'Ω',
  ell: 'ℓ',
  dots: '…',
  ldots: '…',
  '%': '%',
  '&': '&',
  '#': '#',
  _: '_',
};

const TEX_ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  c: '\u0327',
  v: '\u030C',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  H: '\u030B',
};

/** Collapse runs of whitespace (including arXiv's hard wraps) into single spaces. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Rewrite the TeX that arXiv titles and abstracts commonly carry into Unicode, leaving the rest. */
export function texToUnicode(text: string): string {
  return text
    .replace(/\\([`'^"~=.uvcH])\s*\{?\\?([A-Za-z])\}?/g, (all, accent: string, letter: string) => {
      const mark = TEX_ACCENTS[accent];
      return mark ? (letter + mark).normalize('NFC') : all;
    })
    .replace(/\$([^$]{1,80})\$/g, (_all, math: string) => texMath(math))
    .replace(
      /\\(times|cdot|pm|leq|geq|neq|approx|infty|rightarrow|alpha|beta|gamma|delta|epsilon|theta|lambda|mu|pi|sigma|tau|phi|omega|ell|ldots|dots)(?![A-Za-z])/g,
      (_all, name: string) => TEX_SYMBOLS[name] ?? name,
    )
    .replace(/\\([%&#_])/g, '$1')
    .replace(/\\(?:textbf|textit|emph|mathrm|mathbf|texttt|text)\{([^{}]*)\}/g, '$1');
}

function texMath(math: string): string {
  const out = math
    .replace(/\\([A-Za-z]+|[%&#_])/g, (all, name: string) => TEX_SYMBOLS[name] ?? all)
    .replace(/\\(?:mathrm|mathbf|text|textbf|mathcal|mathbb)\{([^{}]*)\}/g, '$1')
    .replace(/\^\{([^{}]*)\}|\^(\w)/g, (_all, a?: string, b?: string) => `^${a ?? b}`)
    .replace(/_\{([^{}]*)\}/g, '_$1')
    .replace(/[{}]/g, '');
  return out.includes('\\') ? `$${math}$` : out;
}

/** Title or abstract as format A wants it: TeX to Unicode, whitespace normalized. */
export function cleanText(text: string): string {
  return collapseWhitespace(texToUnicode(text));
}
