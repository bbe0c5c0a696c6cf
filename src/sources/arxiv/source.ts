// The arXiv source: new submissions from the API (the daily job), OAI-PMH harvests (backfills) or the
// listing RSS, and import formats for saved API, listing, OAI-PMH and .abs files. Declares only.

import type { SourceDescriptor } from '../source.ts';
import { parseAbsFile, sniffAbs } from './abs.ts';
import { adaptAbs } from './abs-adapt.ts';
import { adaptEntries } from './adapt.ts';
import { collectListing } from './collect.ts';
import { type ArxivConfig, arxivConfig } from './config.ts';
import { adaptOaiResponse } from './oai-adapt.ts';
import { harvestOai } from './oai-harvest.ts';
import { parseOaiResponse } from './oai-parse.ts';
import { parseArxivFeed } from './parse.ts';
import { adaptListing } from './rss-adapt.ts';
import { collectRssListing } from './rss-collect.ts';
import { parseListingRss, sniffListingRss } from './rss-parse.ts';

const descriptor: SourceDescriptor<ArxivConfig> = {
  kind: 'arxiv',
  name: 'arXiv',
  description:
    'arXiv papers in the chosen categories: the daily listing from the API (default), the listing RSS, or an OAI-PMH harvest for backfills (one request per 3 s).',
  config: arxivConfig,
  example: { id: 'arxiv', kind: 'arxiv', categories: ['cs.AI', 'cs.CL', 'cs.CV', 'cs.LG'], maxResults: 200 },
  sniffOrder: 20,
  collect(ctx, config) {
    if (config.mode === 'oai') return harvestOai(ctx, config);
    if (config.mode === 'listing') return collectRssListing(ctx, config);
    return collectListing(ctx, config);
  },
  formats: [
    {
      name: 'arxiv-atom',
      description: 'A saved arXiv API response (/api/query Atom, classic or current serialization).',
      sniff(text) {
        const head = text.slice(0, 4096);
        return /<feed[\s>]/.test(head) && /arxiv\.org\/(?:api\b|schemas\/atom)/.test(head);
      },
      parse: (text, origin) => adaptEntries(parseArxivFeed(text, origin).entries, origin),
    },
    {
      name: 'arxiv-listing',
      description: 'A saved arXiv listing RSS feed (rss.arxiv.org/rss/cs.AI); every announce type is kept.',
      sniff: (text) => sniffListingRss(text),
      parse: (text, origin) => adaptListing(parseListingRss(text, origin), origin),
    },
    {
      name: 'arxiv-oai',
      description: 'A saved arXiv OAI-PMH ListRecords response (metadataPrefix arXiv or arXivRaw).',
      sniff(text) {
        const head = text.slice(0, 8192);
        return /<OAI-PMH[\s>]/.test(head) && /arxiv\.org\/OAI\/arXiv|metadataPrefix="arXiv/.test(head);
      },
      parse: (text, origin) => adaptOaiResponse(parseOaiResponse(text, origin), origin),
    },
    {
      name: 'arxiv-abs',
      description: "arXiv's own .abs metadata records (as arxiv-browse keeps them), one or more per file.",
      sniff: (text) => sniffAbs(text),
      parse: (text, origin) => parseAbsFile(text, origin).map((record) => adaptAbs(record, origin)),
    },
  ],
};

export default descriptor;
