import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Issue 13: KPI 1 from the city's official survey results; one-time survey codes (batches, used hashes); a
  // survey answer's count decision and method; KPI targets may be left empty (未設定). Answers stored before this
  // migration stay uncounted (counted = false): nothing vouches for one-answer-per-person among them.
  await db.run(sql`CREATE TABLE \`official_survey_results\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`fiscal_year\` numeric NOT NULL,
  	\`share\` numeric NOT NULL,
  	\`sample_size\` numeric NOT NULL,
  	\`source\` text NOT NULL,
  	\`survey_date\` text NOT NULL,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`official_survey_results_fiscal_year_idx\` ON \`official_survey_results\` (\`fiscal_year\`);`)
  await db.run(sql`CREATE INDEX \`official_survey_results_updated_at_idx\` ON \`official_survey_results\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`official_survey_results_created_at_idx\` ON \`official_survey_results\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`survey_code_batches\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`fiscal_year\` numeric NOT NULL,
  	\`count\` numeric NOT NULL,
  	\`prefix\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`survey_code_batches_prefix_idx\` ON \`survey_code_batches\` (\`prefix\`);`)
  await db.run(sql`CREATE INDEX \`survey_code_batches_updated_at_idx\` ON \`survey_code_batches\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`survey_code_batches_created_at_idx\` ON \`survey_code_batches\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`survey_code_uses\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code_hash\` text NOT NULL,
  	\`batch_id\` integer,
  	\`fiscal_year\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`batch_id\`) REFERENCES \`survey_code_batches\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`survey_code_uses_code_hash_idx\` ON \`survey_code_uses\` (\`code_hash\`);`)
  await db.run(sql`CREATE INDEX \`survey_code_uses_batch_idx\` ON \`survey_code_uses\` (\`batch_id\`);`)
  await db.run(sql`CREATE INDEX \`survey_code_uses_fiscal_year_idx\` ON \`survey_code_uses\` (\`fiscal_year\`);`)
  await db.run(sql`CREATE INDEX \`survey_code_uses_updated_at_idx\` ON \`survey_code_uses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`survey_code_uses_created_at_idx\` ON \`survey_code_uses\` (\`created_at\`);`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_kpi_targets_years\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`fiscal_year\` numeric NOT NULL,
  	\`survey_point_increase\` numeric,
  	\`citizens\` numeric,
  	\`participants\` numeric,
  	\`plans_accumulated\` numeric,
  	\`plans_realised\` numeric,
  	\`organisations\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`kpi_targets\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_kpi_targets_years\`("_order", "_parent_id", "id", "fiscal_year", "survey_point_increase", "citizens", "participants", "plans_accumulated", "plans_realised", "organisations") SELECT "_order", "_parent_id", "id", "fiscal_year", "survey_point_increase", "citizens", "participants", "plans_accumulated", "plans_realised", "organisations" FROM \`kpi_targets_years\`;`)
  await db.run(sql`DROP TABLE \`kpi_targets_years\`;`)
  await db.run(sql`ALTER TABLE \`__new_kpi_targets_years\` RENAME TO \`kpi_targets_years\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`kpi_targets_years_order_idx\` ON \`kpi_targets_years\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`kpi_targets_years_parent_id_idx\` ON \`kpi_targets_years\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`survey_responses\` ADD \`method\` text;`)
  await db.run(sql`ALTER TABLE \`survey_responses\` ADD \`counted\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`survey_responses\` ADD \`code_batch_id\` integer REFERENCES survey_code_batches(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`survey_responses_counted_idx\` ON \`survey_responses\` (\`counted\`);`)
  await db.run(sql`CREATE INDEX \`survey_responses_code_batch_idx\` ON \`survey_responses\` (\`code_batch_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`official_survey_results_id\` integer REFERENCES official_survey_results(id) ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`survey_code_batches_id\` integer REFERENCES survey_code_batches(id) ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`survey_code_uses_id\` integer REFERENCES survey_code_uses(id) ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_official_survey_results_id_idx\` ON \`payload_locked_documents_rels\` (\`official_survey_results_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_survey_code_batches_id_idx\` ON \`payload_locked_documents_rels\` (\`survey_code_batches_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_survey_code_uses_id_idx\` ON \`payload_locked_documents_rels\` (\`survey_code_uses_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`official_survey_results\`;`)
  await db.run(sql`DROP TABLE \`survey_code_batches\`;`)
  await db.run(sql`DROP TABLE \`survey_code_uses\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_survey_responses\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`answer\` text NOT NULL,
  	\`town\` text NOT NULL,
  	\`age_band\` text DEFAULT 'unanswered' NOT NULL,
  	\`fiscal_year\` numeric,
  	\`answered_at\` text,
  	\`channel\` text DEFAULT 'web' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_survey_responses\`("id", "answer", "town", "age_band", "fiscal_year", "answered_at", "channel", "updated_at", "created_at") SELECT "id", "answer", "town", "age_band", "fiscal_year", "answered_at", "channel", "updated_at", "created_at" FROM \`survey_responses\`;`)
  await db.run(sql`DROP TABLE \`survey_responses\`;`)
  await db.run(sql`ALTER TABLE \`__new_survey_responses\` RENAME TO \`survey_responses\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`survey_responses_town_idx\` ON \`survey_responses\` (\`town\`);`)
  await db.run(sql`CREATE INDEX \`survey_responses_fiscal_year_idx\` ON \`survey_responses\` (\`fiscal_year\`);`)
  await db.run(sql`CREATE INDEX \`survey_responses_updated_at_idx\` ON \`survey_responses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`survey_responses_created_at_idx\` ON \`survey_responses\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`stories_id\` integer,
  	\`citizens_id\` integer,
  	\`connections_id\` integer,
  	\`plans_id\` integer,
  	\`support_offers_id\` integer,
  	\`events_id\` integer,
  	\`event_registrations_id\` integer,
  	\`organisations_id\` integer,
  	\`cheers_id\` integer,
  	\`survey_responses_id\` integer,
  	\`participants_id\` integer,
  	\`media_id\` integer,
  	\`deletion_requests_id\` integer,
  	\`users_id\` integer,
  	\`audit_log_id\` integer,
  	\`kpi_tallies_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`citizens_id\`) REFERENCES \`citizens\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`connections_id\`) REFERENCES \`connections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`plans_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`support_offers_id\`) REFERENCES \`support_offers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`event_registrations_id\`) REFERENCES \`event_registrations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cheers_id\`) REFERENCES \`cheers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`survey_responses_id\`) REFERENCES \`survey_responses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`participants_id\`) REFERENCES \`participants\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`deletion_requests_id\`) REFERENCES \`deletion_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`kpi_tallies_id\`) REFERENCES \`kpi_tallies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "stories_id", "citizens_id", "connections_id", "plans_id", "support_offers_id", "events_id", "event_registrations_id", "organisations_id", "cheers_id", "survey_responses_id", "participants_id", "media_id", "deletion_requests_id", "users_id", "audit_log_id", "kpi_tallies_id") SELECT "id", "order", "parent_id", "path", "stories_id", "citizens_id", "connections_id", "plans_id", "support_offers_id", "events_id", "event_registrations_id", "organisations_id", "cheers_id", "survey_responses_id", "participants_id", "media_id", "deletion_requests_id", "users_id", "audit_log_id", "kpi_tallies_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_stories_id_idx\` ON \`payload_locked_documents_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_citizens_id_idx\` ON \`payload_locked_documents_rels\` (\`citizens_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_connections_id_idx\` ON \`payload_locked_documents_rels\` (\`connections_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_plans_id_idx\` ON \`payload_locked_documents_rels\` (\`plans_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_support_offers_id_idx\` ON \`payload_locked_documents_rels\` (\`support_offers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_event_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`event_registrations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_cheers_id_idx\` ON \`payload_locked_documents_rels\` (\`cheers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_survey_responses_id_idx\` ON \`payload_locked_documents_rels\` (\`survey_responses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_participants_id_idx\` ON \`payload_locked_documents_rels\` (\`participants_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_deletion_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`deletion_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_kpi_tallies_id_idx\` ON \`payload_locked_documents_rels\` (\`kpi_tallies_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_kpi_targets_years\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`fiscal_year\` numeric NOT NULL,
  	\`survey_point_increase\` numeric NOT NULL,
  	\`citizens\` numeric NOT NULL,
  	\`participants\` numeric NOT NULL,
  	\`plans_accumulated\` numeric NOT NULL,
  	\`plans_realised\` numeric NOT NULL,
  	\`organisations\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`kpi_targets\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_kpi_targets_years\`("_order", "_parent_id", "id", "fiscal_year", "survey_point_increase", "citizens", "participants", "plans_accumulated", "plans_realised", "organisations") SELECT "_order", "_parent_id", "id", "fiscal_year", "survey_point_increase", "citizens", "participants", "plans_accumulated", "plans_realised", "organisations" FROM \`kpi_targets_years\`;`)
  await db.run(sql`DROP TABLE \`kpi_targets_years\`;`)
  await db.run(sql`ALTER TABLE \`__new_kpi_targets_years\` RENAME TO \`kpi_targets_years\`;`)
  await db.run(sql`CREATE INDEX \`kpi_targets_years_order_idx\` ON \`kpi_targets_years\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`kpi_targets_years_parent_id_idx\` ON \`kpi_targets_years\` (\`_parent_id\`);`)
}
