// Types for porter.js (the browser's Porter stemmer), so TypeScript tests can import it.

/** The stem of a lower-case word; words of one or two letters, and anything not a–z, stay as they are. */
export function stem(word: string): string;
