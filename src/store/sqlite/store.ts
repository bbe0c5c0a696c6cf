// The embedded Store: one SQLite file (WAL, foreign keys on) through node:sqlite.
// Owns SQL and row mapping only; merge rules live in pipeline/merge.ts.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Item } from '../../model/item.ts';
import type {
  Decision,
  EditionLead,
  Placement,
  Story,
  StoryOrder,
  StoryView,
  Writeup,
} from '../../model/story.ts';
import type {
  ApiToken,
  CacheKey,
  CostRow,
  Counts,
  Delivery,
  EditionRecord,
  HttpValidators,
  Invite,
  ItemRecord,
  LlmCall,
  LoginAttempt,
  SearchDoc,
  SearchQuery,
  SearchResult,
  Session,
  SourceHealth,
  Store,
  Subscriber,
  SubscriberStatus,
  User,
  UserChange,
} from '../store.ts';
import { AccountRows } from './account-rows.ts';
import { CollectionRows } from './collection-rows.ts';
import { DecisionRows } from './decision-rows.ts';
import { DeliveryRows } from './delivery-rows.ts';
import { migrations } from './migrations.ts';
import { SearchRows } from './search-rows.ts';
import { type Row, Sql } from './sql.ts';
import { SubscriberRows } from './subscriber-rows.ts';
import { WriterRows } from './writer-rows.ts';

export function openSqliteStore(path: string): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  return new SqliteStore(db, path);
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  readonly #db: DatabaseSync;
  readonly #sql: Sql;
  readonly #writer: WriterRows;
  readonly #collection: CollectionRows;
  readonly #decisions: DecisionRows;
  readonly #deliveries: DeliveryRows;
  readonly #subscribers: SubscriberRows;
  readonly #accounts: AccountRows;
  readonly #search: SearchRows;
  #depth = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(db: DatabaseSync, location: string) {
    this.#db = db;
    this.#sql = new Sql(db);
    this.#writer = new WriterRows(this.#sql);
    this.#collection = new CollectionRows(this.#sql);
    this.#decisions = new DecisionRows(this.#sql);
    this.#deliveries = new DeliveryRows(this.#sql);
    this.#subscribers = new SubscriberRows(this.#sql);
    this.#accounts = new AccountRows(this.#sql);
    this.#search = new SearchRows(this.#sql);
    this.location = location;
  }

  async migrate(): Promise<string[]> {
    this.#db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const done = new Set(this.#sql.all('SELECT name FROM schema_migrations').map((r) => r.name as string));
    const applied: string[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      await this.transaction(async () => {
        this.#db.exec(migration.sql);
        this.#sql.run(
          'INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)',
          migration.name,
          now(),
        );
      });
      applied.push(migration.name);
    }
    return applied;
  }

  async close(): Promise<void> {
    await this.#queue;
    this.#db.close();
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.#depth > 0) return this.#savepoint(fn);
    const run = this.#queue.then(async () => {
      this.#db.exec('BEGIN IMMEDIATE');
      this.#depth++;
      try {
        const result = await fn(this);
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      } finally {
        this.#depth--;
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #savepoint<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const name = `sp${this.#depth}`;
    this.#db.exec(`SAVEPOINT ${name}`);
    this.#depth++;
    try {
      const result = await fn(this);
      this.#db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.#db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    } finally {
      this.#depth--;
    }
  }

  async findItem(source: string, externalId: string): Promise<ItemRecord | null> {
    const row = this.#sql.get('SELECT * FROM items WHERE source = ? AND external_id = ?', source, externalId);
    return row ? toItem(row) : null;
  }

  async saveItem(item: Item, storyId: string, contentHash: string): Promise<number> {
    const row = this.#sql.get(
      `INSERT INTO items (source, external_id, story_id, kind, url, title, summary, lang, authors, published_at,
         edition_date, image, metrics, keys, contributor, section, extra, content_hash, updated_at, cites)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source, external_id) DO UPDATE SET story_id = excluded.story_id, kind = excluded.kind,
         url = excluded.url, title = excluded.title, summary = excluded.summary, lang = excluded.lang,
         authors = excluded.authors, published_at = excluded.published_at, edition_date = excluded.edition_date,
         image = excluded.image, metrics = excluded.metrics, keys = excluded.keys, contributor = excluded.contributor,
         section = excluded.section, extra = excluded.extra, content_hash = excluded.content_hash,
         updated_at = excluded.updated_at, cites = excluded.cites
       RETURNING id`,
      item.source,
      item.externalId,
      storyId,
      item.kind,
      item.url,
      item.title,
      item.summary,
      item.lang,
      JSON.stringify(item.authors),
      item.publishedAt,
      item.editionDate,
      item.image,
      JSON.stringify(item.metrics),
      JSON.stringify(item.keys),
      item.contributor,
      item.section,
      JSON.stringify(item.extra),
      contentHash,
      now(),
      JSON.stringify(item.cites),
    );
    return Number(row?.id);
  }

  async storyIdsForKeys(keys: string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const marks = keys.map(() => '?').join(', ');
    return this.#sql
      .all(
        `SELECT DISTINCT s.id FROM story_keys k JOIN stories s ON s.id = k.story_id
       WHERE k.key IN (${marks}) ORDER BY s.edition_date, s.created_at, s.id`,
        ...keys,
      )
      .map((r) => r.id as string);
  }

  async getStory(id: string): Promise<Story | null> {
    const row = this.#sql.get('SELECT * FROM stories WHERE id = ?', id);
    return row ? this.#toStory(row) : null;
  }

  async createStory(story: Story): Promise<void> {
    this.#sql.run(
      'INSERT INTO stories (id, kind, edition_date, dropped, created_at) VALUES (?, ?, ?, ?, ?)',
      story.id,
      story.kind,
      story.editionDate,
      story.dropped ? 1 : 0,
      now(),
    );
    await this.addStoryKeys(story.id, story.keys);
  }

  async addStoryKeys(storyId: string, keys: string[]): Promise<void> {
    const next = Number(
      this.#sql.get('SELECT COUNT(*) AS n FROM story_keys WHERE story_id = ?', storyId)?.n ?? 0,
    );
    let position = next;
    for (const key of keys) {
      const inserted = this.#db
        .prepare(
          'INSERT INTO story_keys (key, story_id, position) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING',
        )
        .run(key, storyId, position);
      if (inserted.changes > 0) position++;
    }
  }

  async setStoryDate(storyId: string, editionDate: string): Promise<void> {
    this.#sql.run('UPDATE stories SET edition_date = ? WHERE id = ?', editionDate, storyId);
  }

  async absorbStory(into: string, from: string): Promise<void> {
    const base = Number(
      this.#sql.get('SELECT COUNT(*) AS n FROM story_keys WHERE story_id = ?', into)?.n ?? 0,
    );
    this.#sql.run(
      'UPDATE story_keys SET story_id = ?, position = position + ? WHERE story_id = ?',
      into,
      base,
      from,
    );
    this.#sql.run('UPDATE items SET story_id = ? WHERE story_id = ?', into, from);
    this.#writer.move(into, from);
    this.#decisions.move(into, from);
    this.#sql.run(
      `UPDATE stories SET dropped = MAX(dropped, (SELECT dropped FROM stories WHERE id = ?)),
       edition_date = MIN(edition_date, (SELECT edition_date FROM stories WHERE id = ?)) WHERE id = ?`,
      from,
      from,
      into,
    );
    this.#sql.run('DELETE FROM stories WHERE id = ?', from);
  }

  async setDropped(storyId: string, dropped: boolean): Promise<void> {
    this.#sql.run('UPDATE stories SET dropped = ? WHERE id = ?', dropped ? 1 : 0, storyId);
  }

  async storiesOn(date: string): Promise<StoryView[]> {
    return this.#views(this.#sql.all('SELECT * FROM stories WHERE edition_date = ? ORDER BY id', date));
  }

  async story(id: string): Promise<StoryView | null> {
    return this.#views(this.#sql.all('SELECT * FROM stories WHERE id = ?', id))[0] ?? null;
  }

  async storyDates(): Promise<string[]> {
    return this.#sql
      .all('SELECT DISTINCT edition_date FROM stories ORDER BY edition_date DESC')
      .map((r) => r.edition_date as string);
  }

  async counts(): Promise<Counts> {
    const n = (table: string) => Number(this.#sql.get(`SELECT COUNT(*) AS n FROM ${table}`)?.n ?? 0);
    return { items: n('items'), stories: n('stories'), writeups: n('writeups') };
  }

  async putWriteup(writeup: Writeup): Promise<void> {
    this.#writer.putWriteup(writeup);
  }

  async cacheGet(key: CacheKey): Promise<unknown> {
    return this.#writer.cacheGet(key);
  }

  async cachePut(key: CacheKey, value: unknown, tokens: number): Promise<void> {
    this.#writer.cachePut(key, value, tokens);
  }

  async logLlmCall(call: LlmCall): Promise<void> {
    this.#writer.logLlmCall(call);
  }

  async costs(range: { from?: string; to?: string }): Promise<CostRow[]> {
    return this.#writer.costs(range);
  }

  async putPlacement(placement: Placement): Promise<void> {
    this.#writer.putPlacement(placement);
  }

  async putEditionLead(lead: EditionLead): Promise<void> {
    this.#writer.putEditionLead(lead);
  }

  async editionLead(publication: string, date: string): Promise<EditionLead | null> {
    return this.#writer.editionLead(publication, date);
  }

  async claimDelivery(
    key: Pick<Delivery, 'channel' | 'publication' | 'date' | 'recipient'>,
    options: { retryInterrupted?: boolean; retryFailed?: boolean } = {},
  ): Promise<boolean> {
    return this.#deliveries.claim(key, options);
  }

  async finishDelivery(
    key: Pick<Delivery, 'channel' | 'publication' | 'date' | 'recipient'>,
    status: 'sent' | 'failed' | 'skipped',
    detail: string | null,
  ): Promise<void> {
    this.#deliveries.finish(key, status, detail);
  }

  async deliveries(filter: { channel?: string; publication?: string; date?: string }): Promise<Delivery[]> {
    return this.#deliveries.list(filter);
  }

  async logDecision(decision: Decision): Promise<void> {
    this.#decisions.log(decision);
  }

  async decisions(filter: { storyId?: string; publication?: string; limit?: number }): Promise<Decision[]> {
    return this.#decisions.list(filter);
  }

  async setOrder(storyId: string, order: StoryOrder): Promise<void> {
    this.#decisions.setOrder(storyId, order);
  }

  async splitStory(from: string, itemIds: number[], into: Story): Promise<void> {
    await this.transaction(async () => {
      await this.createStory({ ...into, keys: [] });
      this.#decisions.split(from, itemIds, into);
      await this.addStoryKeys(into.id, into.keys);
    });
  }

  async lockedStory(itemId: number): Promise<string | null> {
    return this.#decisions.lockedStory(itemId);
  }

  async apart(a: string, b: string): Promise<boolean> {
    return this.#decisions.apart(a, b);
  }

  async together(a: string, b: string): Promise<void> {
    this.#decisions.together(a, b);
  }

  async getSourceState(source: string, key: string): Promise<unknown> {
    return this.#collection.getState(source, key);
  }

  async putSourceState(source: string, key: string, value: unknown): Promise<void> {
    this.#collection.putState(source, key, value);
  }

  async getValidators(url: string): Promise<HttpValidators | null> {
    return this.#collection.getValidators(url);
  }

  async putValidators(url: string, validators: HttpValidators): Promise<void> {
    this.#collection.putValidators(url, validators);
  }

  async recordCollect(
    source: string,
    outcome: { at: string; items: number; error: string | null; backoffUntil: string | null },
  ): Promise<void> {
    this.#collection.recordCollect(source, outcome);
  }

  async sourceHealth(): Promise<SourceHealth[]> {
    return this.#collection.sourceHealth();
  }

  async recordEdition(e: EditionRecord): Promise<void> {
    this.#sql.run(
      `INSERT INTO editions (publication, date, files, published_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (publication, date) DO UPDATE SET files = excluded.files, published_at = excluded.published_at`,
      e.publication,
      e.date,
      JSON.stringify(e.files),
      e.publishedAt,
    );
  }

  async editions(publication: string): Promise<EditionRecord[]> {
    return this.#sql
      .all('SELECT * FROM editions WHERE publication = ? ORDER BY date DESC', publication)
      .map((r) => ({
        publication: r.publication as string,
        date: r.date as string,
        files: JSON.parse(r.files as string) as string[],
        publishedAt: r.published_at as string,
      }));
  }

  // Subscribers

  async putSubscriber(subscriber: Subscriber): Promise<void> {
    this.#subscribers.put(subscriber);
  }

  async subscriber(email: string, publication: string): Promise<Subscriber | null> {
    return this.#subscribers.get(email, publication);
  }

  async findSubscriber(
    by: { unsubscribeToken: string } | { confirmHash: string },
  ): Promise<Subscriber | null> {
    return this.#subscribers.find(by);
  }

  async subscribers(filter: {
    publication?: string;
    status?: SubscriberStatus;
    email?: string;
  }): Promise<Subscriber[]> {
    return this.#subscribers.list(filter);
  }

  async removeSubscriber(email: string, publication: string): Promise<boolean> {
    return this.#subscribers.remove(email, publication);
  }

  async logConfirmationMail(email: string, at: string): Promise<void> {
    this.#subscribers.logConfirmation(email, at);
  }

  async confirmationMails(email: string, since: string): Promise<number> {
    return this.#subscribers.confirmationsSince(email, since);
  }

  // Accounts

  async createUser(user: Omit<User, 'id'>): Promise<number> {
    return this.#accounts.createUser(user);
  }

  async findUser(by: { id: number } | { handle: string }): Promise<User | null> {
    return this.#accounts.findUser(by);
  }

  async users(): Promise<User[]> {
    return this.#accounts.users();
  }

  async updateUser(id: number, change: UserChange): Promise<void> {
    this.#accounts.updateUser(id, change);
  }

  async putSession(session: Session): Promise<void> {
    this.#accounts.putSession(session);
  }

  async findSession(idHash: string): Promise<Session | null> {
    return this.#accounts.findSession(idHash);
  }

  async touchSession(idHash: string, seenAt: string): Promise<void> {
    this.#accounts.touchSession(idHash, seenAt);
  }

  async deleteSessions(
    which: { idHash: string } | { userId: number } | { expiresBefore: string; seenBefore: string },
  ): Promise<number> {
    return this.#accounts.deleteSessions(which);
  }

  async createInvite(invite: Omit<Invite, 'id'>): Promise<number> {
    return this.#accounts.createInvite(invite);
  }

  async findInvite(tokenHash: string): Promise<Invite | null> {
    return this.#accounts.findInvite(tokenHash);
  }

  async invites(): Promise<Invite[]> {
    return this.#accounts.invites();
  }

  async useInvite(tokenHash: string, at: string, userId: number): Promise<boolean> {
    return this.#accounts.useInvite(tokenHash, at, userId);
  }

  async deleteInvite(id: number): Promise<boolean> {
    return this.#accounts.deleteInvite(id);
  }

  async createApiToken(token: Omit<ApiToken, 'id'>): Promise<number> {
    return this.#accounts.createApiToken(token);
  }

  async findApiToken(tokenHash: string): Promise<ApiToken | null> {
    return this.#accounts.findApiToken(tokenHash);
  }

  async apiTokens(userId: number): Promise<ApiToken[]> {
    return this.#accounts.apiTokens(userId);
  }

  async revokeApiToken(id: number, userId: number, at: string): Promise<boolean> {
    return this.#accounts.revokeApiToken(id, userId, at);
  }

  async touchApiToken(id: number, at: string): Promise<void> {
    this.#accounts.touchApiToken(id, at);
  }

  async logLoginAttempt(attempt: LoginAttempt): Promise<void> {
    this.#accounts.logLoginAttempt(attempt);
  }

  async loginAttempts(
    filter: { account: string; since: string } | { ip: string; since: string },
  ): Promise<LoginAttempt[]> {
    return this.#accounts.loginAttempts(filter);
  }

  // Search

  async putSearchDoc(doc: SearchDoc): Promise<void> {
    await this.transaction(async () => this.#search.put(doc, now()));
  }

  async deleteSearchDocs(storyIds?: string[]): Promise<void> {
    await this.transaction(async () => this.#search.delete(storyIds));
  }

  async searchStories(query: SearchQuery): Promise<SearchResult> {
    return this.#search.search(query);
  }

  async searchIndexStatus(): Promise<{ docs: number; tokenizers: string[] }> {
    return this.#search.status();
  }

  #views(rows: Row[]): StoryView[] {
    return rows.map((row) => ({
      ...this.#toStory(row),
      items: this.#sql
        .all('SELECT * FROM items WHERE story_id = ? ORDER BY id', row.id as string)
        .map(toItem),
      writeups: this.#writer.writeups(row.id as string),
      placements: this.#writer.placements(row.id as string),
      orders: this.#decisions.orders(row.id as string),
    }));
  }

  #toStory(row: Row): Story {
    const keys = this.#sql.all(
      'SELECT key FROM story_keys WHERE story_id = ? ORDER BY position',
      row.id as string,
    );
    return {
      id: row.id as string,
      kind: row.kind as Story['kind'],
      editionDate: row.edition_date as string,
      dropped: row.dropped === 1,
      keys: keys.map((k) => k.key as string),
    };
  }
}

function toItem(row: Row): ItemRecord {
  return {
    id: Number(row.id),
    storyId: row.story_id as string,
    contentHash: row.content_hash as string,
    source: row.source as string,
    externalId: row.external_id as string,
    kind: row.kind as Item['kind'],
    url: row.url as string,
    title: row.title as string,
    summary: row.summary as string,
    lang: row.lang as string,
    authors: JSON.parse(row.authors as string) as string[],
    publishedAt: (row.published_at as string | null) ?? null,
    editionDate: row.edition_date as string,
    image: (row.image as string | null) ?? null,
    metrics: JSON.parse(row.metrics as string) as Item['metrics'],
    keys: JSON.parse(row.keys as string) as string[],
    cites: JSON.parse(row.cites as string) as string[],
    contributor: (row.contributor as string | null) ?? null,
    section: (row.section as string | null) ?? null,
    extra: JSON.parse(row.extra as string) as Record<string, unknown>,
  };
}

function now(): string {
  return new Date().toISOString();
}
