// The Store interface: everything the pipeline, CLI and web app may ask of storage.
// SQLite (embedded default) and PostgreSQL (scale mode) implement it; store.contract.ts tests both.

import type { Item } from '../model/item.ts';
import type {
  Decision,
  EditionLead,
  Placement,
  Story,
  StoryOrder,
  StoryView,
  Writeup,
} from '../model/story.ts';

export interface ItemRecord extends Item {
  id: number;
  storyId: string;
  contentHash: string;
}

/** The LLM cache key: a re-run with the same input, task, prompt version and model costs nothing. */
export interface CacheKey {
  inputHash: string;
  task: string;
  promptVersion: string;
  model: string;
}

/** One entry of the cost log: a model call, or a cache hit that made none. */
export interface LlmCall {
  at: string;
  /** The edition day the call wrote for. */
  day: string;
  publication: string | null;
  task: string;
  model: string;
  storyId: string | null;
  /** `rejected`: the gate refused the answer (a retry or a flag follows); `cached`: no call was made. */
  outcome: 'ok' | 'rejected' | 'error' | 'cached';
  promptTokens: number;
  completionTokens: number;
  cost: number;
}

/** The cost log summed per day, publication, task, model and outcome. */
export interface CostRow {
  day: string;
  publication: string | null;
  task: string;
  model: string;
  outcome: LlmCall['outcome'];
  calls: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
}

/** What the last collects of one source came to; a failing source is backed off, never blocking. */
export interface SourceHealth {
  source: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** Items the last successful collect returned. */
  lastItems: number | null;
  /** The source is skipped by scheduled runs until then (null: not backed off). */
  backoffUntil: string | null;
}

export interface HttpValidators {
  etag?: string;
  lastModified?: string;
}

/**
 * One message of one edition to one recipient on one channel (`email`, `webhook:team-feishu`). The
 * key makes sending idempotent: a message claimed `sending` and then `sent` is never sent again.
 */
export interface Delivery {
  channel: string;
  publication: string;
  date: string;
  recipient: string;
  status: 'sending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  /** The server's answer, a message id, or why it failed. */
  detail: string | null;
  updatedAt: string;
}

export interface EditionRecord {
  publication: string;
  date: string;
  files: string[];
  publishedAt: string;
}

export interface Counts {
  items: number;
  stories: number;
  writeups: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for messages (a file path, a database URL without password). */
  readonly location: string;
  /** Apply pending migrations in order; returns the names applied now. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
  /** Run fn atomically: if it throws, nothing it wrote is kept. Nested calls join the outer one. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  findItem(source: string, externalId: string): Promise<ItemRecord | null>;
  /** Insert or update the item identified by (source, externalId); returns its row id. */
  saveItem(item: Item, storyId: string, contentHash: string): Promise<number>;

  /** Ids of the stories holding any of these identity keys, oldest first. */
  storyIdsForKeys(keys: string[]): Promise<string[]>;
  getStory(id: string): Promise<Story | null>;
  createStory(story: Story): Promise<void>;
  /** Attach keys to a story; keys already on it are ignored. */
  addStoryKeys(storyId: string, keys: string[]): Promise<void>;
  setStoryDate(storyId: string, editionDate: string): Promise<void>;
  /** Merge story `from` into `into`: items, keys and writeups move; `from` is deleted. */
  absorbStory(into: string, from: string): Promise<void>;
  setDropped(storyId: string, dropped: boolean): Promise<void>;

  /** Editor decisions. The revision history is append-only. */
  logDecision(decision: Decision): Promise<void>;
  decisions(filter: { storyId?: string; publication?: string; limit?: number }): Promise<Decision[]>;
  setOrder(storyId: string, order: StoryOrder): Promise<void>;
  /** Move items out of their story into a new one, lock them there, and keep the two stories apart. */
  splitStory(from: string, itemIds: number[], into: Story): Promise<void>;
  /** The story an item was locked to by a split, or null. */
  lockedStory(itemId: number): Promise<string | null>;
  /** True when an editor split these two stories: no merge may join them again. */
  apart(a: string, b: string): Promise<boolean>;
  /** Forget that two stories were kept apart (an editor merged them after all). */
  together(a: string, b: string): Promise<void>;

  /** Every story of an edition day, with its items and writeups. */
  storiesOn(date: string): Promise<StoryView[]>;
  story(id: string): Promise<StoryView | null>;
  /** Edition days that have stories, newest first. */
  storyDates(): Promise<string[]>;
  counts(): Promise<Counts>;

  /** Upsert by (storyId, lang). A person's edit is never overwritten by a machine writeup. */
  putWriteup(writeup: Writeup): Promise<void>;

  cacheGet(key: CacheKey): Promise<unknown>;
  cachePut(key: CacheKey, value: unknown, tokens: number): Promise<void>;
  logLlmCall(call: LlmCall): Promise<void>;
  /** The cost log summed, for days in [from, to] (inclusive; either may be omitted). */
  costs(range: { from?: string | undefined; to?: string | undefined }): Promise<CostRow[]>;

  /** Upsert by (storyId, publication); an editor's placement is never overwritten by `llm`. */
  putPlacement(placement: Placement): Promise<void>;
  /** Upsert by (publication, date); an edited lead is never overwritten by a machine one. */
  putEditionLead(lead: EditionLead): Promise<void>;
  editionLead(publication: string, date: string): Promise<EditionLead | null>;

  /** A source's small JSON state (cursors, resumption tokens), by key. */
  getSourceState(source: string, key: string): Promise<unknown>;
  putSourceState(source: string, key: string, value: unknown): Promise<void>;
  /** ETag / Last-Modified last seen for a URL (conditional GET). */
  getValidators(url: string): Promise<HttpValidators | null>;
  putValidators(url: string, validators: HttpValidators): Promise<void>;
  /** Record one collect of `source`: success with its item count, or the error. */
  recordCollect(
    source: string,
    outcome: { at: string; items: number; error: string | null; backoffUntil: string | null },
  ): Promise<void>;
  sourceHealth(): Promise<SourceHealth[]>;

  /**
   * Claim a delivery before sending: true when this caller may send it now. A delivery already
   * `sent` or `skipped` is never claimed again; a `sending` one (a crash mid-send) is claimed
   * again only with `retryInterrupted`, which is what a resumed run decides after checking.
   */
  claimDelivery(
    key: Pick<Delivery, 'channel' | 'publication' | 'date' | 'recipient'>,
    options?: { retryInterrupted?: boolean; retryFailed?: boolean },
  ): Promise<boolean>;
  finishDelivery(
    key: Pick<Delivery, 'channel' | 'publication' | 'date' | 'recipient'>,
    status: 'sent' | 'failed' | 'skipped',
    detail: string | null,
  ): Promise<void>;
  deliveries(filter: { channel?: string; publication?: string; date?: string }): Promise<Delivery[]>;

  recordEdition(edition: EditionRecord): Promise<void>;
  editions(publication: string): Promise<EditionRecord[]>;

  // Subscribers (e-mail). Rows only: the rules (double opt-in, suppression) live in src/email/.

  /** Upsert by (email, publication). */
  putSubscriber(subscriber: Subscriber): Promise<void>;
  subscriber(email: string, publication: string): Promise<Subscriber | null>;
  /** The subscriber whose unsubscribe token, or whose pending confirmation's hash, this is. */
  findSubscriber(by: { unsubscribeToken: string } | { confirmHash: string }): Promise<Subscriber | null>;
  /** Ordered by publication, then address. */
  subscribers(filter: {
    publication?: string | undefined;
    status?: SubscriberStatus | undefined;
    email?: string | undefined;
  }): Promise<Subscriber[]>;
  /** Forget an address for a publication; false when there was none. */
  removeSubscriber(email: string, publication: string): Promise<boolean>;
  /** Confirmation mails sent to an address: log one, count those since an instant (the rate limit). */
  logConfirmationMail(email: string, at: string): Promise<void>;
  confirmationMails(email: string, since: string): Promise<number>;

  // Accounts (the web app's people, sessions, invites, API tokens, login attempts). Rows only: the
  // rules (hashing, expiry, rate limits, roles) live in src/web/. Secrets are stored as hashes.

  /** Returns the new user's id; a handle already taken (compared case-insensitively) throws. */
  createUser(user: Omit<User, 'id'>): Promise<number>;
  findUser(by: { id: number } | { handle: string }): Promise<User | null>;
  /** Ordered by handle. */
  users(): Promise<User[]>;
  updateUser(id: number, change: UserChange): Promise<void>;
  putSession(session: Session): Promise<void>;
  findSession(idHash: string): Promise<Session | null>;
  touchSession(idHash: string, seenAt: string): Promise<void>;
  /** Delete one session, a user's sessions, or the expired ones (past expiresAt, or unseen since seenBefore). */
  deleteSessions(
    which: { idHash: string } | { userId: number } | { expiresBefore: string; seenBefore: string },
  ): Promise<number>;
  createInvite(invite: Omit<Invite, 'id'>): Promise<number>;
  findInvite(tokenHash: string): Promise<Invite | null>;
  /** Newest first. */
  invites(): Promise<Invite[]>;
  /** Mark an invite used, once: false when it was used already, has expired by `at`, or is gone. */
  useInvite(tokenHash: string, at: string, userId: number): Promise<boolean>;
  deleteInvite(id: number): Promise<boolean>;
  createApiToken(token: Omit<ApiToken, 'id'>): Promise<number>;
  findApiToken(tokenHash: string): Promise<ApiToken | null>;
  /** A user's tokens, revoked ones included, oldest first. */
  apiTokens(userId: number): Promise<ApiToken[]>;
  /** Revoke one of a user's tokens; false when it is not theirs or already revoked. */
  revokeApiToken(id: number, userId: number, at: string): Promise<boolean>;
  touchApiToken(id: number, at: string): Promise<void>;
  /** Log one login attempt; entries older than a day are no longer needed by any limit. */
  logLoginAttempt(attempt: LoginAttempt): Promise<void>;
  /** Attempts for an account (compared case-insensitively) or from an address since an instant, oldest first. */
  loginAttempts(
    filter: { account: string; since: string } | { ip: string; since: string },
  ): Promise<LoginAttempt[]>;

  // Search (the archive index). Rows only: tokenizing, snippets and highlighting live in src/search/.

  /** Replace a story's entry in the index. */
  putSearchDoc(doc: SearchDoc): Promise<void>;
  /** Remove these stories from the index; every story when `storyIds` is omitted. */
  deleteSearchDocs(storyIds?: string[]): Promise<void>;
  /** Stories matching a query, best first (title weighted above body, then newer); never dropped ones. */
  searchStories(query: SearchQuery): Promise<SearchResult>;
  /** How many stories the index holds, and the tokenizers that made their entries. */
  searchIndexStatus(): Promise<{ docs: number; tokenizers: string[] }>;
}

// Subscribers

export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed' | 'bounced';

/** One address subscribed to one publication, with its own sections and keywords. */
export interface Subscriber {
  /** Normalized: the domain lower-cased; the local part is kept as given, but compares case-insensitively. */
  email: string;
  publication: string;
  status: SubscriberStatus;
  /** Section titles to receive (empty: all); keywords an entry must mention (empty: all). */
  sections: string[];
  keywords: string[];
  /** Printed in every mail's unsubscribe link; unsubscribes this row and nothing else. */
  unsubscribeToken: string;
  /** SHA-256 (hex) of the pending confirmation token, which only the mail holds, and its expiry. */
  confirmHash: string | null;
  confirmExpiresAt: string | null;
  /** Why it was suppressed (the bounce) or who changed it last. */
  detail: string | null;
  createdAt: string;
  confirmedAt: string | null;
  updatedAt: string;
}

// Accounts

export type Role = 'contributor' | 'editor' | 'admin';

/** A person who may sign in to the web app. */
export interface User {
  id: number;
  /** Unique, compared case-insensitively; the login name. */
  handle: string;
  /** Free text shown beside the handle (escaped wherever it is shown). */
  displayName: string;
  role: Role;
  /** The encoded password hash (src/web/passwords.ts); null: no password set, cannot sign in. */
  passwordHash: string | null;
  /** Set when an admin disabled the account: it can no longer sign in or use its tokens. */
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type UserChange = Partial<Pick<User, 'displayName' | 'role' | 'passwordHash' | 'disabledAt'>> & {
  updatedAt: string;
};

/** A browser session: the cookie holds the id, the store only its SHA-256. userId null: not signed in yet. */
export interface Session {
  idHash: string;
  userId: number | null;
  createdAt: string;
  seenAt: string;
  /** The absolute end, whatever the activity. */
  expiresAt: string;
  ip: string;
}

/** A single-use, expiring, role-bound invitation; the link holds the token, the store its SHA-256. */
export interface Invite {
  id: number;
  tokenHash: string;
  role: Role;
  createdBy: number | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: number | null;
}

/** A bearer token for scripts and chat bots, acting as its user with at most `role`. */
export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  tokenHash: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** One try at signing in, for the rate limits: the handle tried (known or not) and the address. */
export interface LoginAttempt {
  at: string;
  account: string;
  ip: string;
  ok: boolean;
}

// Search

/** The values a search filter matches; a story has any number of each. */
export interface SearchFacets {
  publication: string[];
  section: string[];
  source: string[];
  contributor: string[];
  lang: string[];
}

/** One story as the archive index holds it: ribao's own tokens (src/search/tokens.ts) and its facets. */
export interface SearchDoc {
  storyId: string;
  /** The tokenizer that made the tokens; entries of another tokenizer must be rebuilt. */
  tokenizer: string;
  titleTokens: string[];
  bodyTokens: string[];
  facets: SearchFacets;
}

export interface SearchQuery {
  /** Tokens a hit must hold: every one (`all`) or at least one (`any`). */
  required: string[];
  match: 'all' | 'any';
  /** Tokens that add to the score and never exclude a story. */
  optional: string[];
  /** One value per facet; `from`/`to` bound the edition day (inclusive). */
  filters: { [F in keyof SearchFacets]?: string | undefined } & {
    from?: string | undefined;
    to?: string | undefined;
  };
  limit: number;
  offset: number;
}

export interface SearchResult {
  total: number;
  /** `score`: higher is better (the negated bm25). */
  hits: { storyId: string; date: string; score: number }[];
}
