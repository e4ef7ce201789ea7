import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`stories\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`stories_meta_meta_image_idx\` ON \`stories\` (\`meta_image_id\`);`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_meta_version_meta_image_idx\` ON \`_stories_v\` (\`version_meta_image_id\`);`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`plans_meta_meta_image_idx\` ON \`plans\` (\`meta_image_id\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`events_meta_meta_image_idx\` ON \`events\` (\`meta_image_id\`);`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_meta_version_meta_image_idx\` ON \`_events_v\` (\`version_meta_image_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_stories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`lead\` text,
  	\`hero_image_id\` integer,
  	\`body\` text,
  	\`connection_origin\` text,
  	\`town\` text,
  	\`related_plan_id\` integer,
  	\`related_event_id\` integer,
  	\`origin\` text DEFAULT 'editorial',
  	\`review_status\` text DEFAULT 'received',
  	\`consent_publication\` integer DEFAULT false,
  	\`consent_photo\` integer DEFAULT false,
  	\`consent_method\` text,
  	\`consent_witness\` text,
  	\`consent_given_at\` text,
  	\`consent_entered_by_id\` integer,
  	\`submission_nickname\` text,
  	\`submission_email\` text,
  	\`submission_phone\` text,
  	\`submission_consent_at\` text,
  	\`featured\` integer DEFAULT false,
  	\`featured_order\` numeric DEFAULT 100,
  	\`featured_until\` text,
  	\`published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`related_plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`related_event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`consent_entered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_stories\`("id", "title", "slug", "lead", "hero_image_id", "body", "connection_origin", "town", "related_plan_id", "related_event_id", "origin", "review_status", "consent_publication", "consent_photo", "consent_method", "consent_witness", "consent_given_at", "consent_entered_by_id", "submission_nickname", "submission_email", "submission_phone", "submission_consent_at", "featured", "featured_order", "featured_until", "published_at", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "lead", "hero_image_id", "body", "connection_origin", "town", "related_plan_id", "related_event_id", "origin", "review_status", "consent_publication", "consent_photo", "consent_method", "consent_witness", "consent_given_at", "consent_entered_by_id", "submission_nickname", "submission_email", "submission_phone", "submission_consent_at", "featured", "featured_order", "featured_until", "published_at", "updated_at", "created_at", "_status" FROM \`stories\`;`)
  await db.run(sql`DROP TABLE \`stories\`;`)
  await db.run(sql`ALTER TABLE \`__new_stories\` RENAME TO \`stories\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`stories_slug_idx\` ON \`stories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`stories_hero_image_idx\` ON \`stories\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`stories_town_idx\` ON \`stories\` (\`town\`);`)
  await db.run(sql`CREATE INDEX \`stories_related_plan_idx\` ON \`stories\` (\`related_plan_id\`);`)
  await db.run(sql`CREATE INDEX \`stories_related_event_idx\` ON \`stories\` (\`related_event_id\`);`)
  await db.run(sql`CREATE INDEX \`stories_origin_idx\` ON \`stories\` (\`origin\`);`)
  await db.run(sql`CREATE INDEX \`stories_review_status_idx\` ON \`stories\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`stories_consent_consent_publication_idx\` ON \`stories\` (\`consent_publication\`);`)
  await db.run(sql`CREATE INDEX \`stories_consent_consent_entered_by_idx\` ON \`stories\` (\`consent_entered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`stories_featured_idx\` ON \`stories\` (\`featured\`);`)
  await db.run(sql`CREATE INDEX \`stories_published_at_idx\` ON \`stories\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`stories_updated_at_idx\` ON \`stories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`stories_created_at_idx\` ON \`stories\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`stories__status_idx\` ON \`stories\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__stories_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_lead\` text,
  	\`version_hero_image_id\` integer,
  	\`version_body\` text,
  	\`version_connection_origin\` text,
  	\`version_town\` text,
  	\`version_related_plan_id\` integer,
  	\`version_related_event_id\` integer,
  	\`version_origin\` text DEFAULT 'editorial',
  	\`version_review_status\` text DEFAULT 'received',
  	\`version_consent_publication\` integer DEFAULT false,
  	\`version_consent_photo\` integer DEFAULT false,
  	\`version_consent_method\` text,
  	\`version_consent_witness\` text,
  	\`version_consent_given_at\` text,
  	\`version_consent_entered_by_id\` integer,
  	\`version_submission_nickname\` text,
  	\`version_submission_email\` text,
  	\`version_submission_phone\` text,
  	\`version_submission_consent_at\` text,
  	\`version_featured\` integer DEFAULT false,
  	\`version_featured_order\` numeric DEFAULT 100,
  	\`version_featured_until\` text,
  	\`version_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_related_plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_related_event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_consent_entered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__stories_v\`("id", "parent_id", "version_title", "version_slug", "version_lead", "version_hero_image_id", "version_body", "version_connection_origin", "version_town", "version_related_plan_id", "version_related_event_id", "version_origin", "version_review_status", "version_consent_publication", "version_consent_photo", "version_consent_method", "version_consent_witness", "version_consent_given_at", "version_consent_entered_by_id", "version_submission_nickname", "version_submission_email", "version_submission_phone", "version_submission_consent_at", "version_featured", "version_featured_order", "version_featured_until", "version_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_lead", "version_hero_image_id", "version_body", "version_connection_origin", "version_town", "version_related_plan_id", "version_related_event_id", "version_origin", "version_review_status", "version_consent_publication", "version_consent_photo", "version_consent_method", "version_consent_witness", "version_consent_given_at", "version_consent_entered_by_id", "version_submission_nickname", "version_submission_email", "version_submission_phone", "version_submission_consent_at", "version_featured", "version_featured_order", "version_featured_until", "version_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_stories_v\`;`)
  await db.run(sql`DROP TABLE \`_stories_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__stories_v\` RENAME TO \`_stories_v\`;`)
  await db.run(sql`CREATE INDEX \`_stories_v_parent_idx\` ON \`_stories_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_slug_idx\` ON \`_stories_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_hero_image_idx\` ON \`_stories_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_town_idx\` ON \`_stories_v\` (\`version_town\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_related_plan_idx\` ON \`_stories_v\` (\`version_related_plan_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_related_event_idx\` ON \`_stories_v\` (\`version_related_event_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_origin_idx\` ON \`_stories_v\` (\`version_origin\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_review_status_idx\` ON \`_stories_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_consent_version_consent_publication_idx\` ON \`_stories_v\` (\`version_consent_publication\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_consent_version_consent_entered_by_idx\` ON \`_stories_v\` (\`version_consent_entered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_featured_idx\` ON \`_stories_v\` (\`version_featured\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_published_at_idx\` ON \`_stories_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_updated_at_idx\` ON \`_stories_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_created_at_idx\` ON \`_stories_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version__status_idx\` ON \`_stories_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_created_at_idx\` ON \`_stories_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_updated_at_idx\` ON \`_stories_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_latest_idx\` ON \`_stories_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_plans\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`description\` text NOT NULL,
  	\`town\` text NOT NULL,
  	\`proposer_id\` integer,
  	\`proposer_nickname\` text,
  	\`proposer_contact_email\` text,
  	\`proposer_contact_phone\` text,
  	\`proposer_contact_consent_at\` text,
  	\`status\` text DEFAULT 'received' NOT NULL,
  	\`consent_publication\` integer DEFAULT false,
  	\`consent_method\` text,
  	\`consent_witness\` text,
  	\`consent_given_at\` text,
  	\`consent_entered_by_id\` integer,
  	\`lifecycle_received_at\` text,
  	\`lifecycle_published_at\` text,
  	\`lifecycle_started_at\` text,
  	\`lifecycle_realised_at\` text,
  	\`lifecycle_withdrawn_at\` text,
  	\`realisation_story_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposer_id\`) REFERENCES \`citizens\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`consent_entered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`realisation_story_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_plans\`("id", "kind", "title", "description", "town", "proposer_id", "proposer_nickname", "proposer_contact_email", "proposer_contact_phone", "proposer_contact_consent_at", "status", "consent_publication", "consent_method", "consent_witness", "consent_given_at", "consent_entered_by_id", "lifecycle_received_at", "lifecycle_published_at", "lifecycle_started_at", "lifecycle_realised_at", "lifecycle_withdrawn_at", "realisation_story_id", "updated_at", "created_at") SELECT "id", "kind", "title", "description", "town", "proposer_id", "proposer_nickname", "proposer_contact_email", "proposer_contact_phone", "proposer_contact_consent_at", "status", "consent_publication", "consent_method", "consent_witness", "consent_given_at", "consent_entered_by_id", "lifecycle_received_at", "lifecycle_published_at", "lifecycle_started_at", "lifecycle_realised_at", "lifecycle_withdrawn_at", "realisation_story_id", "updated_at", "created_at" FROM \`plans\`;`)
  await db.run(sql`DROP TABLE \`plans\`;`)
  await db.run(sql`ALTER TABLE \`__new_plans\` RENAME TO \`plans\`;`)
  await db.run(sql`CREATE INDEX \`plans_kind_idx\` ON \`plans\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`plans_town_idx\` ON \`plans\` (\`town\`);`)
  await db.run(sql`CREATE INDEX \`plans_proposer_idx\` ON \`plans\` (\`proposer_id\`);`)
  await db.run(sql`CREATE INDEX \`plans_status_idx\` ON \`plans\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`plans_consent_consent_publication_idx\` ON \`plans\` (\`consent_publication\`);`)
  await db.run(sql`CREATE INDEX \`plans_consent_consent_entered_by_idx\` ON \`plans\` (\`consent_entered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`plans_lifecycle_lifecycle_received_at_idx\` ON \`plans\` (\`lifecycle_received_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_lifecycle_lifecycle_published_at_idx\` ON \`plans\` (\`lifecycle_published_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_lifecycle_lifecycle_started_at_idx\` ON \`plans\` (\`lifecycle_started_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_lifecycle_lifecycle_realised_at_idx\` ON \`plans\` (\`lifecycle_realised_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_lifecycle_lifecycle_withdrawn_at_idx\` ON \`plans\` (\`lifecycle_withdrawn_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_realisation_story_idx\` ON \`plans\` (\`realisation_story_id\`);`)
  await db.run(sql`CREATE INDEX \`plans_updated_at_idx\` ON \`plans\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_created_at_idx\` ON \`plans\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text,
  	\`title\` text,
  	\`slug\` text,
  	\`starts_at\` text,
  	\`startsat_tz\` text DEFAULT 'Asia/Tokyo',
  	\`ends_at\` text,
  	\`endsat_tz\` text DEFAULT 'Asia/Tokyo',
  	\`venue\` text,
  	\`town\` text,
  	\`summary\` text,
  	\`description\` text,
  	\`capacity\` numeric,
  	\`registration_opens_at\` text,
  	\`registration_closes_at\` text,
  	\`registration_enabled\` integer DEFAULT true,
  	\`attendance\` numeric,
  	\`cancelled\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_events\`("id", "kind", "title", "slug", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "venue", "town", "summary", "description", "capacity", "registration_opens_at", "registration_closes_at", "registration_enabled", "attendance", "cancelled", "updated_at", "created_at", "_status") SELECT "id", "kind", "title", "slug", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "venue", "town", "summary", "description", "capacity", "registration_opens_at", "registration_closes_at", "registration_enabled", "attendance", "cancelled", "updated_at", "created_at", "_status" FROM \`events\`;`)
  await db.run(sql`DROP TABLE \`events\`;`)
  await db.run(sql`ALTER TABLE \`__new_events\` RENAME TO \`events\`;`)
  await db.run(sql`CREATE INDEX \`events_kind_idx\` ON \`events\` (\`kind\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_slug_idx\` ON \`events\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`events_starts_at_idx\` ON \`events\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`events_town_idx\` ON \`events\` (\`town\`);`)
  await db.run(sql`CREATE INDEX \`events_cancelled_idx\` ON \`events\` (\`cancelled\`);`)
  await db.run(sql`CREATE INDEX \`events_updated_at_idx\` ON \`events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`events_created_at_idx\` ON \`events\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`events__status_idx\` ON \`events\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__events_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_kind\` text,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_starts_at\` text,
  	\`version_startsat_tz\` text DEFAULT 'Asia/Tokyo',
  	\`version_ends_at\` text,
  	\`version_endsat_tz\` text DEFAULT 'Asia/Tokyo',
  	\`version_venue\` text,
  	\`version_town\` text,
  	\`version_summary\` text,
  	\`version_description\` text,
  	\`version_capacity\` numeric,
  	\`version_registration_opens_at\` text,
  	\`version_registration_closes_at\` text,
  	\`version_registration_enabled\` integer DEFAULT true,
  	\`version_attendance\` numeric,
  	\`version_cancelled\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__events_v\`("id", "parent_id", "version_kind", "version_title", "version_slug", "version_starts_at", "version_startsat_tz", "version_ends_at", "version_endsat_tz", "version_venue", "version_town", "version_summary", "version_description", "version_capacity", "version_registration_opens_at", "version_registration_closes_at", "version_registration_enabled", "version_attendance", "version_cancelled", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_kind", "version_title", "version_slug", "version_starts_at", "version_startsat_tz", "version_ends_at", "version_endsat_tz", "version_venue", "version_town", "version_summary", "version_description", "version_capacity", "version_registration_opens_at", "version_registration_closes_at", "version_registration_enabled", "version_attendance", "version_cancelled", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_events_v\`;`)
  await db.run(sql`DROP TABLE \`_events_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__events_v\` RENAME TO \`_events_v\`;`)
  await db.run(sql`CREATE INDEX \`_events_v_parent_idx\` ON \`_events_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_kind_idx\` ON \`_events_v\` (\`version_kind\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_slug_idx\` ON \`_events_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_starts_at_idx\` ON \`_events_v\` (\`version_starts_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_town_idx\` ON \`_events_v\` (\`version_town\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_cancelled_idx\` ON \`_events_v\` (\`version_cancelled\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_updated_at_idx\` ON \`_events_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_created_at_idx\` ON \`_events_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version__status_idx\` ON \`_events_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_created_at_idx\` ON \`_events_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_updated_at_idx\` ON \`_events_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_latest_idx\` ON \`_events_v\` (\`latest\`);`)
}
