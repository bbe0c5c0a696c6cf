// The arXiv source: new submissions in chosen categories from the arXiv API, one listing day per run,
// and the `arxiv-atom` import format for saved API responses. Declares; the work is in the modules beside it.

import { z } from 'zod';
import type { SourceDescriptor } from '../source.ts';
import { adaptEntries } from './adapt.ts';
import { type ArxivConfig, collectListing } from './collect.ts';
import { parseArxivFeed } from './parse.ts';

const CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/;

const config: z.ZodType<ArxivConfig> = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default('https://export.arxiv.org'),
  categories: z
    .array(z.string().regex(CATEGORY, 'an arXiv category such as cs.CL or hep-th'))
    .min(1)
    .default(['cs.AI', 'cs.CL', 'cs.CV', 'cs.LG']),
  maxResults: z.number().int().min(1).max(2000).default(200),
});

const descriptor: SourceDescriptor<ArxivConfig> = {
  kind: 'arxiv',
  name: 'arXiv',
  description:
    'New arXiv submissions in the chosen categories, dated by the listing they are announced in (arXiv API, one request per 3 s).',
  config,
  example: { id: 'arxiv', kind: 'arxiv', categories: ['cs.AI', 'cs.CL', 'cs.CV', 'cs.LG'], maxResults: 200 },
  sniffOrder: 20,
  collect: (ctx, options) => collectListing(ctx, options),
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
  ],
};

export default descriptor;
