// XML text → OaiResponse for arXiv's OAI-PMH ListRecords, metadata formats arXiv and arXivRaw.
// Owns reading the elements; the XML refusals are xml.ts's, judging errors is the harvester's.

import { XMLParser } from 'fast-xml-parser';
import { InputError } from '../../errors.ts';
import type {
  ArxivMetadata,
  ArxivRawMetadata,
  OaiAuthor,
  OaiError,
  OaiHeader,
  OaiRecord,
  OaiResponse,
  OaiResumption,
} from './oai-wire.ts';
import { checkedXml, xmlEntityDecoder } from './xml.ts';

type Node = Record<string, unknown>;

const REPEATED = new Set(['record', 'setSpec', 'author', 'affiliation', 'version', 'error']);

/*
 * Namespace prefixes are dropped (arXiv declares its formats as default namespaces anyway); text is
 * never parsed as numbers (ids like 0704.0010 must stay strings); only XML's five entities and
 * numeric character references are decoded (xmlEntityDecoder), and documents with a DOCTYPE never
 * get here: no declared entity is ever expanded.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  entityDecoder: xmlEntityDecoder,
  isArray: (name) => REPEATED.has(name),
});

/** Parse one OAI-PMH response, or throw an InputError naming `origin` and what was wrong. */
export function parseOaiResponse(text: string, origin: string): OaiResponse {
  const xml = checkedXml(text, origin, 'an OAI-PMH response');
  let document: Node;
  try {
    document = parser.parse(xml) as Node;
  } catch (error) {
    throw new InputError(origin, 'could not be read as XML', { cause: error });
  }
  const root = node(document['OAI-PMH']);
  if (!root) {
    const name = Object.keys(document).find((key) => !key.startsWith('?')) ?? 'nothing';
    throw new InputError(origin, `is XML with root element <${name}>, not an OAI-PMH response`);
  }
  const list = node(root.ListRecords);
  return {
    responseDate: textOf(root.responseDate) || null,
    errors: nodes(root.error).map(toError),
    records: nodes(list?.record).map((record) => toRecord(record)),
    resumption: list && 'resumptionToken' in list ? toResumption(list.resumptionToken) : null,
  };
}

function toError(error: Node): OaiError {
  return { code: textOf(error['@code']) || 'unknown', message: collapse(textOf(error)) };
}

function toResumption(value: unknown): OaiResumption {
  const token = node(value);
  return {
    token: textOf(value).trim(),
    cursor: count(token?.['@cursor']),
    completeListSize: count(token?.['@completeListSize']),
    expirationDate: textOf(token?.['@expirationDate']) || null,
  };
}

function toRecord(record: Node): OaiRecord {
  const header = node(record.header) ?? {};
  const parsedHeader: OaiHeader = {
    identifier: textOf(header.identifier).trim(),
    datestamp: textOf(header.datestamp).trim(),
    setSpecs: nodesOrText(header.setSpec).map((s) => textOf(s).trim()),
    deleted: textOf(header['@status']) === 'deleted',
  };
  const metadata = node(record.metadata);
  if (parsedHeader.deleted || !metadata) return { header: parsedHeader, metadata: null };
  const arxiv = node(metadata.arXiv);
  const raw = node(metadata.arXivRaw);
  return { header: parsedHeader, metadata: arxiv ? toArxiv(arxiv) : raw ? toArxivRaw(raw) : null };
}

function common(m: Node) {
  const optional = (value: unknown) => collapse(textOf(value)) || null;
  return {
    id: textOf(m.id).trim(),
    title: textOf(m.title),
    abstract: textOf(m.abstract),
    categories: textOf(m.categories).split(/\s+/).filter(Boolean),
    comments: optional(m.comments),
    reportNo: optional(m['report-no']),
    journalRef: optional(m['journal-ref']),
    doi: optional(m.doi),
    license: optional(m.license),
    mscClass: optional(m['msc-class']),
    acmClass: optional(m['acm-class']),
  };
}

function toArxiv(m: Node): ArxivMetadata {
  const authors = nodes(node(m.authors)?.author).map(
    (a): OaiAuthor => ({
      keyname: collapse(textOf(a.keyname)),
      forenames: collapse(textOf(a.forenames)) || null,
      suffix: collapse(textOf(a.suffix)) || null,
      affiliations: nodesOrText(a.affiliation)
        .map((x) => collapse(textOf(x)))
        .filter(Boolean),
    }),
  );
  return {
    format: 'arXiv',
    ...common(m),
    created: textOf(m.created).trim() || null,
    updated: textOf(m.updated).trim() || null,
    authors: authors.filter((a) => a.keyname || a.forenames),
  };
}

function toArxivRaw(m: Node): ArxivRawMetadata {
  const versions = nodes(m.version).map((v) => ({
    version: Number(/^v(\d+)$/.exec(textOf(v['@version']).trim())?.[1] ?? Number.NaN),
    date: textOf(v.date).trim(),
    size: textOf(v.size).trim() || null,
  }));
  return {
    format: 'arXivRaw',
    ...common(m),
    submitter: collapse(textOf(m.submitter)) || null,
    authors: textOf(m.authors),
    versions: versions.filter((v) => Number.isInteger(v.version) && v.date),
  };
}

/** An element's text: a string, or the `#text` of an element that also has attributes. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  const text = node(value)?.['#text'];
  return typeof text === 'string' ? text : '';
}

function node(value: unknown): Node | null {
  if (Array.isArray(value)) return node(value[0]);
  return typeof value === 'object' && value !== null ? (value as Node) : null;
}

function nodes(value: unknown): Node[] {
  return (Array.isArray(value) ? value : [value]).flatMap((v) => (node(v) ? [node(v) as Node] : []));
}

/** Repeated elements that may be plain text (`<setSpec>cs</setSpec>`) or carry attributes. */
function nodesOrText(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function count(value: unknown): number | null {
  const n = Number(textOf(value));
  return textOf(value).trim() !== '' && Number.isInteger(n) && n >= 0 ? n : null;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
