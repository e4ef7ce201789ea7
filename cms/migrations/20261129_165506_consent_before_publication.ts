import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`stories\` ADD \`consent_publication\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`consent_photo\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`consent_method\` text;`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`consent_witness\` text;`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`consent_given_at\` text;`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`consent_entered_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`stories_consent_consent_publication_idx\` ON \`stories\` (\`consent_publication\`);`)
  await db.run(sql`CREATE INDEX \`stories_consent_consent_entered_by_idx\` ON \`stories\` (\`consent_entered_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_consent_publication\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_consent_photo\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_consent_method\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_consent_witness\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_consent_given_at\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_consent_entered_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_consent_version_consent_publication_idx\` ON \`_stories_v\` (\`version_consent_publication\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_consent_version_consent_entered_by_idx\` ON \`_stories_v\` (\`version_consent_entered_by_id\`);`)
  await db.run(sql`ALTER TABLE \`citizens\` ADD \`consent_witness\` text;`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`consent_publication\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`consent_method\` text;`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`consent_witness\` text;`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`consent_given_at\` text;`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`consent_entered_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`plans_consent_consent_publication_idx\` ON \`plans\` (\`consent_publication\`);`)
  await db.run(sql`CREATE INDEX \`plans_consent_consent_entered_by_idx\` ON \`plans\` (\`consent_entered_by_id\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`shows_people\` integer DEFAULT true;`)
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
  	FOREIGN KEY (\`related_event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_stories\`("id", "title", "slug", "lead", "hero_image_id", "body", "connection_origin", "town", "related_plan_id", "related_event_id", "origin", "review_status", "submission_nickname", "submission_email", "submission_phone", "submission_consent_at", "featured", "featured_order", "featured_until", "published_at", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "lead", "hero_image_id", "body", "connection_origin", "town", "related_plan_id", "related_event_id", "origin", "review_status", "submission_nickname", "submission_email", "submission_phone", "submission_consent_at", "featured", "featured_order", "featured_until", "published_at", "updated_at", "created_at", "_status" FROM \`stories\`;`)
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
  	FOREIGN KEY (\`version_related_event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__stories_v\`("id", "parent_id", "version_title", "version_slug", "version_lead", "version_hero_image_id", "version_body", "version_connection_origin", "version_town", "version_related_plan_id", "version_related_event_id", "version_origin", "version_review_status", "version_submission_nickname", "version_submission_email", "version_submission_phone", "version_submission_consent_at", "version_featured", "version_featured_order", "version_featured_until", "version_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_lead", "version_hero_image_id", "version_body", "version_connection_origin", "version_town", "version_related_plan_id", "version_related_event_id", "version_origin", "version_review_status", "version_submission_nickname", "version_submission_email", "version_submission_phone", "version_submission_consent_at", "version_featured", "version_featured_order", "version_featured_until", "version_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_stories_v\`;`)
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
  	\`lifecycle_received_at\` text,
  	\`lifecycle_published_at\` text,
  	\`lifecycle_started_at\` text,
  	\`lifecycle_realised_at\` text,
  	\`lifecycle_withdrawn_at\` text,
  	\`realisation_story_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposer_id\`) REFERENCES \`citizens\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`realisation_story_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_plans\`("id", "kind", "title", "description", "town", "proposer_id", "proposer_nickname", "proposer_contact_email", "proposer_contact_phone", "proposer_contact_consent_at", "status", "lifecycle_received_at", "lifecycle_published_at", "lifecycle_started_at", "lifecycle_realised_at", "lifecycle_withdrawn_at", "realisation_story_id", "updated_at", "created_at") SELECT "id", "kind", "title", "description", "town", "proposer_id", "proposer_nickname", "proposer_contact_email", "proposer_contact_phone", "proposer_contact_consent_at", "status", "lifecycle_received_at", "lifecycle_published_at", "lifecycle_started_at", "lifecycle_realised_at", "lifecycle_withdrawn_at", "realisation_story_id", "updated_at", "created_at" FROM \`plans\`;`)
  await db.run(sql`DROP TABLE \`plans\`;`)
  await db.run(sql`ALTER TABLE \`__new_plans\` RENAME TO \`plans\`;`)
  await db.run(sql`CREATE INDEX \`plans_kind_idx\` ON \`plans\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`plans_town_idx\` ON \`plans\` (\`town\`);`)
  await db.run(sql`CREATE INDEX \`plans_proposer_idx\` ON \`plans\` (\`proposer_id\`);`)
  await db.run(sql`CREATE INDEX \`plans_status_idx\` ON \`plans\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`plans_lifecycle_lifecycle_received_at_idx\` ON \`plans\` (\`lifecycle_received_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_lifecycle_lifecycle_published_at_idx\` ON \`plans\` (\`lifecycle_published_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_lifecycle_lifecycle_started_at_idx\` ON \`plans\` (\`lifecycle_started_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_lifecycle_lifecycle_realised_at_idx\` ON \`plans\` (\`lifecycle_realised_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_lifecycle_lifecycle_withdrawn_at_idx\` ON \`plans\` (\`lifecycle_withdrawn_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_realisation_story_idx\` ON \`plans\` (\`realisation_story_id\`);`)
  await db.run(sql`CREATE INDEX \`plans_updated_at_idx\` ON \`plans\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_created_at_idx\` ON \`plans\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`citizens\` DROP COLUMN \`consent_witness\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`shows_people\`;`)
}
