import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Site search (issue 15 point 1). Generated part: the hidden normalised `search_text` columns the admin list search
 * reads (cms/fields/searchText.ts). Written by hand below: the SQLite search index (cms/db/search/sqlite.ts), which
 * is no Payload collection, so the schema snapshot beside this file does not know it and no later generated
 * migration will touch it. A database with documents from before this migration fills the index with
 * `npm run search:reindex` (scripts/search-reindex.ts); `search_text` is filled as each document is next saved.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE IF NOT EXISTS \`search_entries\` (
    \`id\` integer PRIMARY KEY NOT NULL,
    \`doc_key\` text NOT NULL,
    \`collection\` text NOT NULL,
    \`doc_id\` text NOT NULL,
    \`title\` text NOT NULL,
    \`body\` text NOT NULL,
    \`path\` text NOT NULL,
    \`date\` text NOT NULL,
    \`fts_rowid\` integer NOT NULL
  );`)
  await db.run(sql`CREATE UNIQUE INDEX IF NOT EXISTS \`search_entries_doc_key_idx\` ON \`search_entries\` (\`doc_key\`);`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`search_entries_fts_rowid_idx\` ON \`search_entries\` (\`fts_rowid\`);`)
  // Contentless (the text lives in search_entries), deletable rows; unicode61 only splits our space-separated tokens.
  await db.run(
    sql`CREATE VIRTUAL TABLE IF NOT EXISTS \`search_entries_fts\` USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');`,
  )
  await db.run(sql`ALTER TABLE \`stories\` ADD \`search_text\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_search_text\` text;`)
  await db.run(sql`ALTER TABLE \`citizens\` ADD \`search_text\` text;`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`search_text\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`search_text\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_search_text\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`search_text\` text;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS \`search_entries_fts\`;`)
  await db.run(sql`DROP TABLE IF EXISTS \`search_entries\`;`)
  await db.run(sql`ALTER TABLE \`stories\` DROP COLUMN \`search_text\`;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` DROP COLUMN \`version_search_text\`;`)
  await db.run(sql`ALTER TABLE \`citizens\` DROP COLUMN \`search_text\`;`)
  await db.run(sql`ALTER TABLE \`plans\` DROP COLUMN \`search_text\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`search_text\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_search_text\`;`)
  await db.run(sql`ALTER TABLE \`organisations\` DROP COLUMN \`search_text\`;`)
}
