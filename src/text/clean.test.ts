import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText, collapseWhitespace, texToUnicode } from './clean.ts';

test('accents in every spelling arXiv metadata uses', () => {
  const cases: [string, string][] = [
    ["Bal\\'azs", 'Balázs'],
    ["Bal\\'{a}zs", 'Balázs'],
    ["{\\'e}t{\\'e}", 'été'],
    ['{\\"O}zg\\"{u}r', 'Özgür'],
    ['\\c{C}a\\u{g}lar', 'Çağlar'],
    ['\\v{S}koda and \\v s', 'Škoda and š'],
    ['Erd\\H{o}s', 'Erdős'],
    ["Mart\\'{\\i}nez and Mart\\'\\i nez", 'Martínez and Martínez'],
    ["Petojevi\\' c", 'Petojević'],
    ['Fran\\c cois', 'François'],
    ['\\`a la \\^ete \\~n \\=u \\.z \\k{a} \\r{u} \\d{s}', 'à la ête ñ ū ż ą ů ṣ'],
  ];
  for (const [tex, text] of cases) assert.equal(cleanText(tex), text, tex);
});

test('special letters; TeX eats the space after a control word, but not after a unit', () => {
  assert.equal(
    cleanText('Tyss{\\o}y, Pla{\\ss}, Bj\\o rn, Stra\\ss e, Pucha{\\l}a, {\\O}bro'),
    'Tyssøy, Plaß, Bjørn, Straße, Puchała, Øbro',
  );
  assert.equal(cleanText('H{\\aa}stad, \\AE sop, \\oe uvre'), 'Håstad, Æ sop, œuvre');
  assert.equal(
    cleanText('at 12.14 \\AA\\ and 31-40 {\\AA}, 5000 \\AA and'),
    'at 12.14 Å and 31-40 Å, 5000 Å and',
  );
});

test('commands that start like accents are not accents (the old cleaner turned \\cdot into ḑot)', () => {
  assert.equal(cleanText('$a \\cdot b$'), 'a · b');
  assert.equal(cleanText('$K_0(A) \\cong K_0(B)$'), 'K₀(A) ≅ K₀(B)');
  assert.equal(cleanText('$\\varphi$ and $\\chi$ and $\\cos x$'), 'φ and χ and cos x');
  assert.equal(cleanText('as in \\cite{hajac}'), 'as in \\cite{hajac}');
  assert.equal(cleanText('C:\\users\\me and \\r\\n'), 'C:\\users\\me and \\r\\n');
});

test('math: converted whole when every command is known, else left exactly as written', () => {
  const cases: [string, string][] = [
    ['the $\\sigma$-model', 'the σ-model'],
    ['$T^2$, $10^{-3}$, $x_{0}$', 'T², 10⁻³, x₀'],
    ['$M_\\odot$ and $T_{\\rm eff}$ and $e^{-i\\omega t}$', 'M_⊙ and T_eff and e^(-iω t)'],
    ['$\\sqrt{s}=200$ GeV', '√s=200 GeV'],
    ['$\\frac{1}{2}$ and $\\frac{a+b}{\\sqrt{2}}$', '1/2 and (a+b)/√2'],
    ['$p\\bar p$ and $D^0-\\bar D^0$', 'pp̄ and D⁰-D̄⁰'],
    ['$\\mathbb{R}^n$, $^{12}{\\rm C}$, $0.61 \\rm GeV$, $\\mathcal{O}(n)$', 'ℝⁿ, ¹²C, 0.61 GeV, O(n)'],
    ['$\\left(\\frac{a}{b}\\right)$', '(a/b)'],
    ['300$^\\circ$C and 45^\\circ', '300°C and 45°'],
    ['$\\Omega_{\\Lambda}\\simeq\\MyMacro$', '$\\Omega_{\\Lambda}\\simeq\\MyMacro$'],
    ["$\\pi_1^{{\\'e}t}(X) \\to \\Hom$", '$\\pi_1^{{é}t}(X) \\to \\Hom$'],
  ];
  for (const [tex, text] of cases) assert.equal(cleanText(tex), text, tex);
});

test('text mode: fonts, dashes between words, quotes, escapes, braces', () => {
  assert.equal(
    cleanText('{\\em Nature}, \\emph{Science}, \\textbf{bold \\textit{it}}, {B}ayesian'),
    'Nature, Science, bold it, Bayesian',
  );
  assert.equal(cleanText('Aharonov--Bohm, 1990--2000, a -- b --- c'), 'Aharonov–Bohm, 1990–2000, a – b — c');
  assert.equal(cleanText("``quoted'' and 41\\% \\& \\#1 \\_x"), '“quoted” and 41% & #1 _x');
  assert.equal(cleanText('n \\to \\infty, \\alpha particles'), 'n → ∞, α particles');
});

test('text that is not TeX is left alone', () => {
  const plain = [
    'Save $5 and $10 now',
    'use --help, or run -v --verbose',
    "It's the model's 'best' run",
    'GPT-4o vs. Llama-3: 42% {approx}',
    '量子计算的新进展：$100 万美元',
  ];
  for (const text of plain) assert.equal(cleanText(text), text, text);
  assert.equal(texToUnicode('price \\$3'), 'price $3');
  assert.equal(texToUnicode('a\n  b'), 'a\n  b');
  assert.equal(collapseWhitespace('  a \n\t b  '), 'a b');
});

test('hostile input stays bounded', () => {
  const long = `${'$\\alpha'.repeat(20_000)} ${'{'.repeat(5000)}x${'}'.repeat(5000)} ${"\\'".repeat(10_000)}`;
  const started = performance.now();
  const out = cleanText(long);
  assert.ok(out.length > 0);
  assert.ok(performance.now() - started < 5000, 'no catastrophic backtracking');
});
