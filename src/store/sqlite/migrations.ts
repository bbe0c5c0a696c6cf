// The SQLite schema as an ordered list of migrations. Append only: never edit a shipped entry.
// The PostgreSQL store keeps its own list with the same tables and meaning.

export const migrations: { name: string; sql: string }[] = [
  {
    name: '001-core',
    sql: `
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        edition_date TEXT NOT NULL,
        dropped INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE INDEX stories_by_date ON stories (edition_date);

      CREATE TABLE story_keys (
        key TEXT PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        position INTEGER NOT NULL
      );
      CREATE INDEX story_keys_by_story ON story_keys (story_id);

      CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        story_id TEXT NOT NULL REFERENCES stories (id),
        kind TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        lang TEXT NOT NULL,
        authors TEXT NOT NULL,
        published_at TEXT,
        edition_date TEXT NOT NULL,
        image TEXT,
        metrics TEXT NOT NULL,
        keys TEXT NOT NULL,
        contributor TEXT,
        section TEXT,
        extra TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (source, external_id)
      );
      CREATE INDEX items_by_story ON items (story_id);

      CREATE TABLE writeups (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL,
        task TEXT NOT NULL,
        model TEXT,
        prompt_version TEXT,
        edited_by TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (story_id, lang)
      );

      CREATE TABLE llm_cache (
        input_hash TEXT NOT NULL,
        task TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        model TEXT NOT NULL,
        output TEXT NOT NULL,
        tokens INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (input_hash, task, prompt_version, model)
      );

      CREATE TABLE editions (
        publication TEXT NOT NULL,
        date TEXT NOT NULL,
        files TEXT NOT NULL,
        published_at TEXT NOT NULL,
        PRIMARY KEY (publication, date)
      );
    `,
  },
  {
    name: '002-writer',
    sql: `
      ALTER TABLE writeups ADD COLUMN tokens INTEGER;
      ALTER TABLE writeups ADD COLUMN cost REAL;
      ALTER TABLE writeups ADD COLUMN gate TEXT NOT NULL DEFAULT '[]';

      CREATE TABLE llm_calls (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        publication TEXT,
        task TEXT NOT NULL,
        model TEXT NOT NULL,
        story_id TEXT,
        outcome TEXT NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        cost REAL NOT NULL
      );
      CREATE INDEX llm_calls_by_day ON llm_calls (day);

      CREATE TABLE story_sections (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        publication TEXT NOT NULL,
        section TEXT NOT NULL,
        tags TEXT NOT NULL,
        placed_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (story_id, publication)
      );

      CREATE TABLE edition_leads (
        publication TEXT NOT NULL,
        date TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL,
        model TEXT,
        prompt_version TEXT,
        gate TEXT NOT NULL,
        edited_by TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (publication, date)
      );
    `,
  },
  {
    name: '003-collection',
    sql: `
      CREATE TABLE source_state (
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (source, key)
      );

      CREATE TABLE http_validators (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE source_health (
        source TEXT PRIMARY KEY,
        last_success_at TEXT,
        last_error_at TEXT,
        last_error TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_items INTEGER,
        backoff_until TEXT
      );
    `,
  },
  {
    name: '004-cites',
    sql: `ALTER TABLE items ADD COLUMN cites TEXT NOT NULL DEFAULT '[]';`,
  },
  {
    name: '005-decisions',
    sql: `
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        action TEXT NOT NULL,
        story_id TEXT,
        publication TEXT,
        detail TEXT NOT NULL
      );
      CREATE INDEX decisions_by_story ON decisions (story_id);

      CREATE TABLE story_order (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        publication TEXT NOT NULL,
        pinned INTEGER NOT NULL,
        position REAL,
        by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (story_id, publication)
      );

      CREATE TABLE stories_apart (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        PRIMARY KEY (a, b)
      );

      CREATE TABLE item_locks (
        item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
        story_id TEXT NOT NULL
      );
    `,
  },
  {
    name: '006-deliveries',
    sql: `
      CREATE TABLE deliveries (
        channel TEXT NOT NULL,
        publication TEXT NOT NULL,
        date TEXT NOT NULL,
        recipient TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        detail TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (channel, publication, date, recipient)
      );
    `,
  },
  {
    name: '007-subscribers',
    sql: `
      CREATE TABLE subscribers (
        email TEXT NOT NULL COLLATE NOCASE,
        publication TEXT NOT NULL,
        status TEXT NOT NULL,
        sections TEXT NOT NULL,
        keywords TEXT NOT NULL,
        unsubscribe_token TEXT NOT NULL UNIQUE,
        confirm_hash TEXT UNIQUE,
        confirm_expires_at TEXT,
        detail TEXT,
        created_at TEXT NOT NULL,
        confirmed_at TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (email, publication)
      );
      CREATE INDEX subscribers_by_publication ON subscribers (publication, status);

      CREATE TABLE confirmation_mails (
        email TEXT NOT NULL COLLATE NOCASE,
        sent_at TEXT NOT NULL
      );
      CREATE INDEX confirmation_mails_by_email ON confirmation_mails (email, sent_at);
    `,
  },
  {
    name: '008-accounts',
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        handle TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT,
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        ip TEXT NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions (user_id);

      CREATE TABLE invites (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        used_by INTEGER REFERENCES users (id) ON DELETE SET NULL
      );

      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      );
      CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

      CREATE TABLE login_attempts (
        at TEXT NOT NULL,
        account TEXT NOT NULL COLLATE NOCASE,
        ip TEXT NOT NULL,
        ok INTEGER NOT NULL
      );
      CREATE INDEX login_attempts_by_account ON login_attempts (account, at);
      CREATE INDEX login_attempts_by_ip ON login_attempts (ip, at);
    `,
  },
  {
    // Archive search: FTS5 over ribao's own tokens (src/search/tokens.ts, space-joined), so the
    // tokenizer only splits on spaces; search_docs maps an FTS rowid to its story, with the facets.
    name: '009-search',
    sql: `
      CREATE VIRTUAL TABLE search_fts USING fts5 (
        title, body, tokenize = "unicode61 remove_diacritics 0 tokenchars '.'"
      );

      CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL UNIQUE REFERENCES stories (id) ON DELETE CASCADE,
        tokenizer TEXT NOT NULL,
        indexed_at TEXT NOT NULL
      );

      CREATE TABLE search_facets (
        doc_id INTEGER NOT NULL REFERENCES search_docs (id) ON DELETE CASCADE,
        facet TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (doc_id, facet, value)
      );
      CREATE INDEX search_facets_by_value ON search_facets (facet, value);

      CREATE TRIGGER search_docs_gone AFTER DELETE ON search_docs BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
      END;
    `,
  },
];
