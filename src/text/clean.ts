// Text clean-up shared by every adapter: whitespace, hard line wraps, the TeX that arXiv titles,
// abstracts and author names carry. Plain text in, plain text out; HTML is reduced elsewhere.

/*
 * TeX → Unicode, conservatively: text every source shares passes through here, so only commands
 * whose meaning is certain are rewritten. Text mode: accents (\'a, {\"o}, \c{c}, \v s, \'\i),
 * special letters (\ss, {\o}, \AA), font commands ({\em x}, \textbf{x}), en/em dashes between
 * words (Aharonov--Bohm), ``quotes'', escaped characters, known symbols, grouping braces.
 * Math ($…$): converted only when every command in it is known ($\sigma$ → σ, $T^2$ → T²,
 * $\frac{1}{2}$ → 1/2); otherwise the whole span stays as written, never half-converted.
 */

/** `name char` pairs, read into a table below: symbols valid in math and, as bare commands, in text. */
const SYMBOL_PAIRS = `alpha α beta β gamma γ delta δ epsilon ε varepsilon ε zeta ζ eta η theta θ vartheta ϑ
  iota ι kappa κ lambda λ lam λ mu μ nu ν xi ξ pi π varpi ϖ rho ρ varrho ϱ sigma σ varsigma ς tau τ upsilon υ
  phi φ varphi φ chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ
  Phi Φ Psi Ψ Omega Ω times × cdot · pm ± mp ∓ div ÷ leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ approx ≈ sim ∼
  simeq ≃ cong ≅ equiv ≡ propto ∝ ll ≪ gg ≫ lesssim ≲ gtrsim ≳ lsim ≲ gsim ≳ infty ∞ partial ∂ nabla ∇
  hbar ℏ ell ℓ Re ℜ Im ℑ aleph ℵ emptyset ∅ in ∈ notin ∉ ni ∋ subset ⊂ supset ⊃ subseteq ⊆ supseteq ⊇
  cap ∩ cup ∪ setminus ∖ wedge ∧ vee ∨ neg ¬ forall ∀ exists ∃ oplus ⊕ otimes ⊗ odot ⊙ circ ∘ bullet •
  star ⋆ ast ∗ dagger † ddagger ‡ perp ⊥ parallel ∥ mid ∣ angle ∠ prime ′ sum ∑ prod ∏ int ∫ oint ∮
  to → rightarrow → leftarrow ← gets ← leftrightarrow ↔ Rightarrow ⇒ Leftarrow ⇐ Leftrightarrow ⇔
  longrightarrow ⟶ longleftarrow ⟵ mapsto ↦ hookrightarrow ↪ uparrow ↑ downarrow ↓ langle ⟨ rangle ⟩
  ltimes ⋉ rtimes ⋊ dots … ldots … cdots ⋯ vdots ⋮ ddots ⋱ colon : vert |
  log log ln ln exp exp sin sin cos cos tan tan sinh sinh cosh cosh tanh tanh max max min min lim lim
  sup sup inf inf det det dim dim ker ker deg deg arg arg gcd gcd Pr Pr mod mod`;
const SYMBOLS: ReadonlyMap<string, string> = new Map(
  SYMBOL_PAIRS.trim()
    .split(/\s+/)
    .flatMap((word, index, words) => (index % 2 === 0 ? [[word, words[index + 1] ?? '']] : [])) as [
    string,
    string,
  ][],
);

/** Accents written with a symbol (\'e) and with a letter (\c{c}, \v s): the combining mark each adds. */
const ACCENTS: Readonly<Record<string, string>> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  c: '\u0327',
  H: '\u030B',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
};
const LETTERS: Readonly<Record<string, string>> = {
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  o: 'ø',
  O: 'Ø',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
};
/** Math accents over one letter: \bar{p} → p̄, \hat x → x̂. */
const MATH_ACCENTS: Readonly<Record<string, string>> = {
  bar: '\u0304',
  overline: '\u0305',
  hat: '\u0302',
  widehat: '\u0302',
  tilde: '\u0303',
  widetilde: '\u0303',
  dot: '\u0307',
  ddot: '\u0308',
  vec: '\u20D7',
};
const DOUBLE_STRUCK: Readonly<Record<string, string>> = {
  C: 'ℂ',
  H: 'ℍ',
  N: 'ℕ',
  P: 'ℙ',
  Q: 'ℚ',
  R: 'ℝ',
  Z: 'ℤ',
};
const SUPERSCRIPTS = new Map([...'0123456789+-=()ni'].map((c, i) => [c, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ'[i] ?? c]));
const SUBSCRIPTS = new Map([...'0123456789+-=()'].map((c, i) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎'[i] ?? c]));

const FONT_WITH_ARGUMENT =
  /\\(?:emph|textit|textbf|texttt|textsc|textrm|textsf|textsl|textup|textnormal|text|mbox|hbox|url|mathrm|mathbf|mathit|mathsf|mathtt|mathcal|mathscr|mathfrak|operatorname|boldsymbol|bm|underline)\s*\{([^{}]*)\}/g;
const FONT_SWITCH =
  /\\(?:em|it|bf|sc|rm|tt|sl|sf|cal|bold|bfseries|itshape|scshape|upshape|mdseries|normalfont|small|large|Large|footnotesize|normalsize|displaystyle|textstyle|scriptstyle)(?![A-Za-z])\s*/g;
const SIZING = /\\(?:left|right|[Bb]igg?[lr]?|middle)(?![A-Za-z])\s*/g;
/** Stand-ins for literal characters while braces and dollars are being read as TeX. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const DOLLAR = '\uE002';

/** Collapse runs of whitespace (including arXiv's hard wraps) into single spaces. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Rewrite the TeX that arXiv titles, abstracts and author names commonly carry into Unicode. */
export function texToUnicode(text: string): string {
  if (!/[\\${}`'-]/.test(text)) return text;
  const escaped = text.replace(/\\\$/g, DOLLAR).replace(/\\\{/g, OPEN).replace(/\\\}/g, CLOSE);
  // Math spans hug their content: `$5 and $` (prices) is no math, `$\sigma$` is.
  // Math that cannot be converted whole stays as written, but for its text accents ({\'e}tale).
  const converted = escaped.replace(
    /\$(?!\s)([^$]{1,160}?)(?<!\s)\$/g,
    (_all, math: string) => texMath(math) ?? `$${accents(math)}$`,
  );
  const parts = converted.split(/(\$[^$]*\$)/);
  return parts
    .map((part, index) => (index % 2 === 1 ? part : texText(part)))
    .join('')
    .replaceAll(DOLLAR, '$')
    .replaceAll(OPEN, '{')
    .replaceAll(CLOSE, '}');
}

/** Title or abstract as format A wants it: TeX to Unicode, whitespace normalized. */
export function cleanText(text: string): string {
  return collapseWhitespace(texToUnicode(text));
}

function texText(text: string): string {
  let out = accents(text)
    .replace(/\^\s*\{?\s*\\circ\s*\}?/g, '°')
    .replace(
      /\\([A-Za-z]+)(?![A-Za-z])(\{\})?( (?=[a-z]))?/g,
      (all, name: string, _braces, space?: string) => {
        const letter = LETTERS[name];
        // TeX eats the space after a control word: Bj\o rn is Bjørn; \AA and keeps its space (a unit).
        if (letter) return letter + (space && /[A-Z]/.test(name) ? space : '');
        const symbol = SYMBOLS.get(name);
        return symbol ? symbol + (space ?? '') : all;
      },
    )
    .replace(/\\([%&#_])/g, '$1')
    .replace(/\\[ ,;:!]/g, (all) => (all === '\\!' ? '' : ' '))
    .replace(/``([^`'"]{0,400}?)''/g, '“$1”')
    .replace(/(?<=[\p{L}\p{N}])---?(?=[\p{L}\p{N}])|(?<= )---?(?= )/gu, (dash) =>
      dash === '---' ? '—' : '–',
    );
  out = fonts(out);
  for (let round = 0; round < 4; round++) {
    // Grouping braces inside a word or around one letter ({B}ayes, Tyss{ø}y, {Å}); a command's
    // argument (\cite{x}) and braces in other text ({approx}, code) stay.
    const next = out.replace(
      /(?<!\\[A-Za-z]+\s*)(?<![\^_])(?:(?<=\p{L})\{([^{}\\$\s]{1,40})\}|\{([^{}\\$\s]{1,40})\}(?=\p{L})|\{(\p{L}\p{M}*)\})/gu,
      (_all, a?: string, b?: string, c?: string) => a ?? b ?? c ?? '',
    );
    if (next === out) break;
    out = next;
  }
  return out;
}

/** \'e, \'{e}, \' e, \'\i, \c{c}, \v s → precomposed letters; \cdot and \cong are not accents, and
 * \b, \d, \k, \r need braces (\d x in other text is no accent). */
function accents(text: string): string {
  const combine = (mark: string | undefined, letter: string, all: string) =>
    mark ? (letter.replace(/^\\([ij]) ?$/, '$1') + mark).normalize('NFC') : all;
  return text
    .replace(
      /\\([`'^"~=.])\s*(?:\{\s*(\\[ij]|[A-Za-z])\s*\}|(\\[ij](?![A-Za-z])(?: (?=[a-z]))?|[A-Za-z]))/g,
      (all, accent: string, braced?: string, bare?: string) =>
        combine(ACCENTS[accent], braced ?? bare ?? '', all),
    )
    .replace(
      /\\([uvcHkrdb])(?:\s*\{\s*(\\[ij]|[A-Za-z])\s*\}|(?<=\\[uvcH])\s+([A-Za-z]))/g,
      (all, accent: string, braced?: string, bare?: string) =>
        combine(ACCENTS[accent], braced ?? bare ?? '', all),
    );
}

/** \textbf{x}, {\em x}, \emph{x} → x (innermost first, so nesting unwinds). */
function fonts(text: string): string {
  let out = text;
  for (let round = 0; round < 4; round++) {
    const next = out
      .replace(FONT_WITH_ARGUMENT, '$1')
      .replace(/\\href\s*\{[^{}]*\}\s*\{([^{}]*)\}/g, '$1')
      .replace(/\{\s*\\(?:em|it|bf|sc|rm|tt|sl|sf|cal|bold)(?![A-Za-z])\s*([^{}]*)\}/g, '$1');
    if (next === out) break;
    out = next;
  }
  return out;
}

/** One `$…$` span's content as Unicode, or null when some command in it is not known. */
function texMath(math: string): string | null {
  let out = math
    .replace(SIZING, '')
    .replace(/\\mathbb\s*\{([A-Z])\}/g, (all, letter: string) => DOUBLE_STRUCK[letter] ?? all)
    .replace(
      /\\([a-z]+)\s*(?:\{\s*([A-Za-z])\s*\}|\s*([A-Za-z])(?![A-Za-z]))/g,
      (all, name: string, a?: string, b?: string) => {
        const mark = MATH_ACCENTS[name];
        return mark ? `${a ?? b}${mark}` : all;
      },
    );
  out = fonts(out).replace(FONT_SWITCH, '');
  for (let round = 0; round < 3; round++) {
    out = out
      .replace(
        /\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g,
        (_all, a: string, b: string) => `${group(a)}/${group(b)}`,
      )
      .replace(/\\sqrt\s*\{([^{}]*)\}/g, (_all, a: string) => `√${group(a)}`);
  }
  out = out
    .replace(/\^\s*\{?\s*\\circ\s*\}?/g, '°')
    .replace(/\\([A-Za-z]+)(?![A-Za-z])/g, (all, name: string) => SYMBOLS.get(name) ?? all)
    .replace(/\\([%&#_])/g, '$1')
    .replace(/\\[ ,;:]/g, ' ')
    .replace(/\\!/g, '')
    .replace(/~/g, ' ');
  if (out.includes('\\')) return null;
  out = out
    .replace(
      /([\^_])\s*\{([^{}]*)\}|([\^_])\s*([^\s{}])/g,
      (_all, s1?: string, g?: string, s2?: string, c?: string) =>
        script((s1 ?? s2) === '^' ? SUPERSCRIPTS : SUBSCRIPTS, (s1 ?? s2) as string, g ?? c ?? ''),
    )
    .replace(/[{}]/g, '');
  return collapseWhitespace(out);
}

/** `^{12}` → ¹², `_0` → ₀ when every character has a Unicode form; else `^x` or `^(xy)`. */
function script(table: ReadonlyMap<string, string>, mark: string, content: string): string {
  const text = content.trim();
  const mapped = [...text].map((c) => table.get(c));
  if (text && mapped.every(Boolean)) return mapped.join('');
  return `${mark}${group(text)}`;
}

/** Parentheses around anything longer than one symbol, so a/b and √x stay unambiguous. */
function group(text: string): string {
  const t = text.trim();
  return [...t].length <= 1 || /^√?[\p{L}\p{M}\p{N}.]+$/u.test(t) ? t : `(${t})`;
}
