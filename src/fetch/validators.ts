// Conditional GET: the ETag / Last-Modified a server sent for a URL, kept in a ValidatorStore (the
// database backs it in production; memoryValidatorStore is the in-memory one) and sent back next time.

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface ValidatorStore {
  get(url: string): Promise<Validators | null>;
  put(url: string, validators: Validators): Promise<void>;
}

export function memoryValidatorStore(): ValidatorStore & { readonly entries: Map<string, Validators> } {
  const entries = new Map<string, Validators>();
  return {
    entries,
    get: async (url) => entries.get(url) ?? null,
    put: async (url, validators) => {
      entries.set(url, { ...validators });
    },
  };
}

/** The request headers that make a GET conditional on these validators. */
export function conditionalHeaders(validators: Validators | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

/** The validators in a response, or null when it has none. */
export function validatorsOf(headers: Headers): Validators | null {
  const etag = headers.get('etag') ?? undefined;
  const lastModified = headers.get('last-modified') ?? undefined;
  if (!etag && !lastModified) return null;
  return { ...(etag && { etag }), ...(lastModified && { lastModified }) };
}
