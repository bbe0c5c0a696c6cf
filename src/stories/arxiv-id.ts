// arXiv identifiers: recognise new-style (2506.08007, 0704.0001) and old-style (hep-th/9901001,
// math.GT/0309136) ids in bare strings, abs/pdf/html URLs, OAI identifiers and arXiv DOIs, and strip
// the version. The one parser every source and story key uses; knows no other id kind.

/*
 * New style: YYMM.NNNN from 0704 to 1412, YYMM.NNNNN from 1501 on; a sequence number of the wrong
 * length for its month is no arXiv id. Old style: archive[.SUBJECT-CLASS]/YYMMNNN, where only
 * math and cs ids carry a two-letter subject class (math.GT/0309136).
 */
const NEW_STYLE = /^((\d{2})(0[1-9]|1[0-2])\.(\d{4,5}))(?:v(\d+))?$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v(\d+))?$/;
/**
 * arxiv.org and the sites that show an arXiv paper under its own id: Hugging Face papers, alphaXiv,
 * ar5iv, Semantic Scholar's arXiv route. (Papers with Code uses slugs, not ids: it cannot be read.)
 */
const ARXIV_URL = new RegExp(
  String.raw`^https?:\/\/(?:` +
    [
      String.raw`(?:www\.|export\.|browse\.)?arxiv\.org\/(?:abs|pdf|html|format)`,
      String.raw`(?:www\.)?(?:huggingface\.co|hf\.co)\/papers`,
      String.raw`(?:www\.)?alphaxiv\.org\/(?:abs|overview|pdf)`,
      String.raw`(?:ar5iv\.labs\.arxiv\.org|ar5iv\.org)\/(?:abs|html)`,
      String.raw`(?:www\.)?semanticscholar\.org\/arxiv`,
    ].join('|') +
    String.raw`)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$`,
  'i',
);
/** `oai:arXiv.org:2401.12345` (OAI-PMH headers, listing RSS guids). */
const OAI_IDENTIFIER = /^oai:arxiv\.org:/i;
/** DataCite DOIs arXiv mints for every paper: `10.48550/arXiv.2401.12345`, bare or as a doi.org URL. */
const ARXIV_DOI = /^(?:(?:https?:\/\/)?(?:dx\.)?doi\.org\/|doi:\s*)?10\.48550\/arxiv\./i;

export interface ArxivId {
  /** The id without version: `2506.08007`, `hep-th/9901001`. */
  id: string;
  /** The version number, when one was given. */
  version: number | null;
}

/**
 * Parse a bare id (`arXiv:2506.08007v2`, `hep-th/9901001`), an arxiv.org URL, an OAI identifier or
 * an arXiv DOI; null if it is none of these.
 */
export function parseArxivId(input: string): ArxivId | null {
  const text = input.trim();
  const fromUrl = ARXIV_URL.exec(text)?.[1];
  const candidate = (fromUrl ?? text)
    .replace(OAI_IDENTIFIER, '')
    .replace(ARXIV_DOI, '')
    .replace(/^arxiv:\s*/i, '');
  const modern = NEW_STYLE.exec(candidate);
  if (modern) {
    const [, id, year, month, number, version] = modern;
    if (!id || !year || !month || !number || number.length !== sequenceLength(year, month)) return null;
    return { id, version: version ? Number(version) : null };
  }
  const old = OLD_STYLE.exec(candidate);
  if (!old?.[1]) return null;
  return { id: old[1], version: old[2] ? Number(old[2]) : null };
}

/** Four digits from April 2007 to December 2014, five from January 2015 on; nothing before 0704. */
function sequenceLength(year: string, month: string): number {
  const yymm = Number(year) * 100 + Number(month);
  if (yymm < 704) return 0;
  return yymm < 1501 ? 4 : 5;
}

/** The canonical abstract page, without version, as format A links it. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
