// The Porter (1980) stemmer, in plain JS so the browser loads it as is; Node imports it too
// (stories/profile/stem.ts), so a query stems in the browser exactly as the index did.

const m0 = (stem) => measure(stem) > 0;
const m1 = (stem) => measure(stem) > 1;

// Within a step the longest matching suffix is tried, and only it (as in Porter's own code).
const STEP2 = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
].map(([suffix, replacement]) => [suffix, replacement, m0]);

const STEP3 = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
].map(([suffix, replacement]) => [suffix, replacement, m0]);

const STEP4 = [
  ...['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent'].map((suffix) => [
    suffix,
    '',
    m1,
  ]),
  ['ion', '', (stem) => m1(stem) && /[st]$/.test(stem)],
  ...['ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'].map((suffix) => [suffix, '', m1]),
];

/** The stem of a lower-case word; words of one or two letters, and anything not a–z, stay as they are. */
export function stem(word) {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  let w = step1a(word);
  w = step1b(w);
  w = step1c(w);
  w = applyLongest(w, STEP2);
  w = applyLongest(w, STEP3);
  w = applyLongest(w, STEP4);
  return step5(w);
}

function step1a(w) {
  if (w.endsWith('sses') || w.endsWith('ies')) return w.slice(0, -2);
  if (w.endsWith('ss')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

function step1b(w) {
  if (w.endsWith('eed')) return m0(w.slice(0, -3)) ? w.slice(0, -1) : w;
  for (const suffix of ['ed', 'ing']) {
    const stemmed = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && hasVowel(stemmed)) return tidy1b(stemmed);
  }
  return w;
}

/** After removing -ed or -ing: restore an -e, or undouble a final consonant. */
function tidy1b(w) {
  if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) return `${w}e`;
  if (endsDouble(w) && !/[lsz]$/.test(w)) return w.slice(0, -1);
  if (measure(w) === 1 && endsCvc(w)) return `${w}e`;
  return w;
}

function step1c(w) {
  return w.endsWith('y') && hasVowel(w.slice(0, -1)) ? `${w.slice(0, -1)}i` : w;
}

function step5(w) {
  if (w.endsWith('e')) {
    const stemmed = w.slice(0, -1);
    const m = measure(stemmed);
    if (m > 1 || (m === 1 && !endsCvc(stemmed))) w = stemmed;
  }
  if (measure(w) > 1 && endsDouble(w) && w.endsWith('l')) w = w.slice(0, -1);
  return w;
}

function applyLongest(w, rules) {
  let best;
  for (const rule of rules) {
    if (w.endsWith(rule[0]) && (!best || rule[0].length > best[0].length)) best = rule;
  }
  if (!best) return w;
  const [suffix, replacement, condition] = best;
  const stemmed = w.slice(0, -suffix.length);
  return condition(stemmed) ? stemmed + replacement : w;
}

/** A consonant: not a, e, i, o, u, and not a y that follows a consonant. */
function isConsonant(w, i) {
  const c = w[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
  if (c === 'y') return i === 0 || !isConsonant(w, i - 1);
  return true;
}

/** m in [C](VC)^m[V]: how many vowel-consonant sequences the stem has. */
function measure(w) {
  let m = 0;
  let previousVowel = false;
  for (let i = 0; i < w.length; i++) {
    const consonant = isConsonant(w, i);
    if (consonant && previousVowel) m++;
    previousVowel = !consonant;
  }
  return m;
}

function hasVowel(w) {
  for (let i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true;
  return false;
}

function endsDouble(w) {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

/** *o: ends consonant-vowel-consonant, the last not w, x or y (hop, fil — not snow, box, tray). */
function endsCvc(w) {
  const n = w.length;
  if (n < 3) return false;
  return isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1) && !/[wxy]$/.test(w);
}
