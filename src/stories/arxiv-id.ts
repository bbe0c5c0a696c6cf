// arXiv identifiers: recognise new-style (2506.08007, 0704.0001) and old-style (hep-th/9901001)
// ids in bare strings and in abs/pdf/html URLs, and strip the version. Knows no other id kind.

const NEW_STYLE = /(?<![\w.])(\d{4}\.\d{4,5})(v\d+)?(?![\w])/;
const OLD_STYLE = /(?<![\w-])([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(v\d+)?(?!\d)/;
const ARXIV_URL =
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i;

export interface ArxivId {
  /** The id without version: `2506.08007`, `hep-th/9901001`. */
  id: string;
  /** The version number, when one was given. */
  version: number | null;
}

/** Parse a bare id (`arXiv:2506.08007v2`, `hep-th/9901001`) or an arxiv.org URL; null if neither. */
export function parseArxivId(input: string): ArxivId | null {
  const text = input.trim();
  const fromUrl = ARXIV_URL.exec(text)?.[1];
  const candidate = (fromUrl ?? text).replace(/^arxiv:/i, '');
  const match = exactly(NEW_STYLE, candidate) ?? exactly(OLD_STYLE, candidate);
  if (!match) return null;
  const id = match[1] as string;
  return { id, version: match[2] ? Number(match[2].slice(1)) : null };
}

function exactly(pattern: RegExp, text: string): RegExpExecArray | null {
  const match = pattern.exec(text);
  return match && match.index === 0 && match[0].length === text.length ? match : null;
}

/** The canonical abstract page, without version, as format A links it. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
