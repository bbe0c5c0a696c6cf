// A language guess for text that does not say: Chinese when Han characters are most of its letters.

/** `zh` when most letters are Han characters, else `en`. */
export function guessLanguage(text: string): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return letters > 0 && han * 2 > letters ? 'zh' : 'en';
}
