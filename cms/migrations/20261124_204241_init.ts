import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`stories_themes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`stories_themes_order_idx\` ON \`stories_themes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`stories_themes_parent_idx\` ON \`stories_themes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`stories\` (
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
  await db.run(sql`CREATE TABLE \`stories_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`citizens_id\` integer,
  	\`organisations_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`citizens_id\`) REFERENCES \`citizens\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`stories_rels_order_idx\` ON \`stories_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`stories_rels_parent_idx\` ON \`stories_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`stories_rels_path_idx\` ON \`stories_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`stories_rels_citizens_id_idx\` ON \`stories_rels\` (\`citizens_id\`);`)
  await db.run(sql`CREATE INDEX \`stories_rels_organisations_id_idx\` ON \`stories_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE TABLE \`_stories_v_version_themes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_stories_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_stories_v_version_themes_order_idx\` ON \`_stories_v_version_themes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_themes_parent_idx\` ON \`_stories_v_version_themes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_stories_v\` (
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
  await db.run(sql`CREATE TABLE \`_stories_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`citizens_id\` integer,
  	\`organisations_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_stories_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`citizens_id\`) REFERENCES \`citizens\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_stories_v_rels_order_idx\` ON \`_stories_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_rels_parent_idx\` ON \`_stories_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_rels_path_idx\` ON \`_stories_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_rels_citizens_id_idx\` ON \`_stories_v_rels\` (\`citizens_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_rels_organisations_id_idx\` ON \`_stories_v_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE TABLE \`citizens_themes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`citizens\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`citizens_themes_order_idx\` ON \`citizens_themes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`citizens_themes_parent_idx\` ON \`citizens_themes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`citizens\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`display_name\` text NOT NULL,
  	\`slug\` text,
  	\`town\` text NOT NULL,
  	\`district\` text,
  	\`interests\` text,
  	\`intro\` text,
  	\`activities\` text,
  	\`photo_id\` integer,
  	\`discovered_through\` text,
  	\`connection_method\` text,
  	\`consent_publication\` integer DEFAULT false,
  	\`consent_photo\` integer DEFAULT false,
  	\`consent_method\` text,
  	\`consent_given_at\` text,
  	\`consent_entered_by_id\` integer,
  	\`private_legal_name\` text,
  	\`private_email\` text,
  	\`private_phone\` text,
  	\`private_birth_year\` numeric,
  	\`private_notes\` text,
  	\`status\` text DEFAULT 'candidate' NOT NULL,
  	\`citizen_since\` text,
  	\`registered_by_id\` integer,
  	\`registered_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`consent_entered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`registered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`citizens_slug_idx\` ON \`citizens\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`citizens_town_idx\` ON \`citizens\` (\`town\`);`)
  await db.run(sql`CREATE INDEX \`citizens_photo_idx\` ON \`citizens\` (\`photo_id\`);`)
  await db.run(sql`CREATE INDEX \`citizens_consent_consent_publication_idx\` ON \`citizens\` (\`consent_publication\`);`)
  await db.run(sql`CREATE INDEX \`citizens_consent_consent_entered_by_idx\` ON \`citizens\` (\`consent_entered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`citizens_status_idx\` ON \`citizens\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`citizens_citizen_since_idx\` ON \`citizens\` (\`citizen_since\`);`)
  await db.run(sql`CREATE INDEX \`citizens_registered_by_idx\` ON \`citizens\` (\`registered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`citizens_registered_at_idx\` ON \`citizens\` (\`registered_at\`);`)
  await db.run(sql`CREATE INDEX \`citizens_updated_at_idx\` ON \`citizens\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`citizens_created_at_idx\` ON \`citizens\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`connections\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`citizen_id\` integer NOT NULL,
  	\`with_citizen_id\` integer,
  	\`with_organisation_id\` integer,
  	\`with_other\` text,
  	\`partner_label\` text,
  	\`connected_at\` text NOT NULL,
  	\`connectedat_tz\` text NOT NULL,
  	\`origin\` text NOT NULL,
  	\`how_it_came_about\` text,
  	\`event_id\` integer,
  	\`plan_id\` integer,
  	\`town\` text NOT NULL,
  	\`recorded_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`citizen_id\`) REFERENCES \`citizens\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`with_citizen_id\`) REFERENCES \`citizens\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`with_organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`connections_citizen_idx\` ON \`connections\` (\`citizen_id\`);`)
  await db.run(sql`CREATE INDEX \`connections_with_citizen_idx\` ON \`connections\` (\`with_citizen_id\`);`)
  await db.run(sql`CREATE INDEX \`connections_with_organisation_idx\` ON \`connections\` (\`with_organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`connections_connected_at_idx\` ON \`connections\` (\`connected_at\`);`)
  await db.run(sql`CREATE INDEX \`connections_event_idx\` ON \`connections\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`connections_plan_idx\` ON \`connections\` (\`plan_id\`);`)
  await db.run(sql`CREATE INDEX \`connections_town_idx\` ON \`connections\` (\`town\`);`)
  await db.run(sql`CREATE INDEX \`connections_recorded_by_idx\` ON \`connections\` (\`recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`connections_updated_at_idx\` ON \`connections\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`connections_created_at_idx\` ON \`connections\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`plans_themes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`plans_themes_order_idx\` ON \`plans_themes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`plans_themes_parent_idx\` ON \`plans_themes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`plans\` (
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
  await db.run(sql`CREATE TABLE \`support_offers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`plan_id\` integer NOT NULL,
  	\`kind\` text DEFAULT 'cheer' NOT NULL,
  	\`organisation_id\` integer,
  	\`nickname\` text NOT NULL,
  	\`message\` text,
  	\`contact_email\` text,
  	\`contact_phone\` text,
  	\`contact_consent_at\` text,
  	\`status\` text DEFAULT 'received' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`support_offers_plan_idx\` ON \`support_offers\` (\`plan_id\`);`)
  await db.run(sql`CREATE INDEX \`support_offers_organisation_idx\` ON \`support_offers\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`support_offers_status_idx\` ON \`support_offers\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`support_offers_updated_at_idx\` ON \`support_offers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`support_offers_created_at_idx\` ON \`support_offers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`events_themes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`events_themes_order_idx\` ON \`events_themes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`events_themes_parent_idx\` ON \`events_themes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`events\` (
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
  await db.run(sql`CREATE INDEX \`events_kind_idx\` ON \`events\` (\`kind\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_slug_idx\` ON \`events\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`events_starts_at_idx\` ON \`events\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`events_town_idx\` ON \`events\` (\`town\`);`)
  await db.run(sql`CREATE INDEX \`events_cancelled_idx\` ON \`events\` (\`cancelled\`);`)
  await db.run(sql`CREATE INDEX \`events_updated_at_idx\` ON \`events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`events_created_at_idx\` ON \`events\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`events__status_idx\` ON \`events\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`events_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` integer,
  	\`citizens_id\` integer,
  	\`stories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`citizens_id\`) REFERENCES \`citizens\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`events_rels_order_idx\` ON \`events_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_parent_idx\` ON \`events_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_path_idx\` ON \`events_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_organisations_id_idx\` ON \`events_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_citizens_id_idx\` ON \`events_rels\` (\`citizens_id\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_stories_id_idx\` ON \`events_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE TABLE \`_events_v_version_themes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_events_v_version_themes_order_idx\` ON \`_events_v_version_themes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_themes_parent_idx\` ON \`_events_v_version_themes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_events_v\` (
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
  await db.run(sql`CREATE TABLE \`_events_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` integer,
  	\`citizens_id\` integer,
  	\`stories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`citizens_id\`) REFERENCES \`citizens\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_events_v_rels_order_idx\` ON \`_events_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_parent_idx\` ON \`_events_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_path_idx\` ON \`_events_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_organisations_id_idx\` ON \`_events_v_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_citizens_id_idx\` ON \`_events_v_rels\` (\`citizens_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_stories_id_idx\` ON \`_events_v_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE TABLE \`event_registrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`event_id\` integer NOT NULL,
  	\`nickname\` text NOT NULL,
  	\`party_size\` numeric DEFAULT 1 NOT NULL,
  	\`town\` text,
  	\`contact_email\` text,
  	\`contact_phone\` text,
  	\`contact_accessibility_needs\` text,
  	\`contact_consent_at\` text,
  	\`status\` text DEFAULT 'confirmed' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`event_registrations_event_idx\` ON \`event_registrations\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`event_registrations_status_idx\` ON \`event_registrations\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`event_registrations_updated_at_idx\` ON \`event_registrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`event_registrations_created_at_idx\` ON \`event_registrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`organisations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`reading\` text,
  	\`slug\` text,
  	\`kind\` text NOT NULL,
  	\`town\` text,
  	\`district\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`logo_id\` integer,
  	\`contact_email\` text,
  	\`contact_phone\` text,
  	\`contact_website\` text,
  	\`verified\` integer DEFAULT false,
  	\`published\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`organisations_name_idx\` ON \`organisations\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`organisations_slug_idx\` ON \`organisations\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`organisations_kind_idx\` ON \`organisations\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`organisations_town_idx\` ON \`organisations\` (\`town\`);`)
  await db.run(sql`CREATE INDEX \`organisations_logo_idx\` ON \`organisations\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`organisations_published_idx\` ON \`organisations\` (\`published\`);`)
  await db.run(sql`CREATE INDEX \`organisations_updated_at_idx\` ON \`organisations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`organisations_created_at_idx\` ON \`organisations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`cheers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`message\` text,
  	\`message_status\` text DEFAULT 'none' NOT NULL,
  	\`dedupe_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`cheers_message_status_idx\` ON \`cheers\` (\`message_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`cheers_dedupe_key_idx\` ON \`cheers\` (\`dedupe_key\`);`)
  await db.run(sql`CREATE INDEX \`cheers_updated_at_idx\` ON \`cheers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`cheers_created_at_idx\` ON \`cheers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`cheers_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`stories_id\` integer,
  	\`citizens_id\` integer,
  	\`plans_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`cheers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`citizens_id\`) REFERENCES \`citizens\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`plans_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`cheers_rels_order_idx\` ON \`cheers_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`cheers_rels_parent_idx\` ON \`cheers_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`cheers_rels_path_idx\` ON \`cheers_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`cheers_rels_stories_id_idx\` ON \`cheers_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE INDEX \`cheers_rels_citizens_id_idx\` ON \`cheers_rels\` (\`citizens_id\`);`)
  await db.run(sql`CREATE INDEX \`cheers_rels_plans_id_idx\` ON \`cheers_rels\` (\`plans_id\`);`)
  await db.run(sql`CREATE TABLE \`survey_responses\` (
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
  await db.run(sql`CREATE INDEX \`survey_responses_town_idx\` ON \`survey_responses\` (\`town\`);`)
  await db.run(sql`CREATE INDEX \`survey_responses_fiscal_year_idx\` ON \`survey_responses\` (\`fiscal_year\`);`)
  await db.run(sql`CREATE INDEX \`survey_responses_updated_at_idx\` ON \`survey_responses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`survey_responses_created_at_idx\` ON \`survey_responses\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`participants\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email_hash\` text,
  	\`phone_hash\` text,
  	\`first_seen_at\` text NOT NULL,
  	\`last_seen_at\` text,
  	\`first_fiscal_year\` numeric,
  	\`first_channel\` text NOT NULL,
  	\`participations\` numeric DEFAULT 1,
  	\`town\` text,
  	\`erased\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`participants_email_hash_idx\` ON \`participants\` (\`email_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`participants_phone_hash_idx\` ON \`participants\` (\`phone_hash\`);`)
  await db.run(sql`CREATE INDEX \`participants_first_seen_at_idx\` ON \`participants\` (\`first_seen_at\`);`)
  await db.run(sql`CREATE INDEX \`participants_first_fiscal_year_idx\` ON \`participants\` (\`first_fiscal_year\`);`)
  await db.run(sql`CREATE INDEX \`participants_town_idx\` ON \`participants\` (\`town\`);`)
  await db.run(sql`CREATE INDEX \`participants_updated_at_idx\` ON \`participants\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`participants_created_at_idx\` ON \`participants\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`credit\` text,
  	\`restricted\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumb_url\` text,
  	\`sizes_thumb_width\` numeric,
  	\`sizes_thumb_height\` numeric,
  	\`sizes_thumb_mime_type\` text,
  	\`sizes_thumb_filesize\` numeric,
  	\`sizes_thumb_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_hero_url\` text,
  	\`sizes_hero_width\` numeric,
  	\`sizes_hero_height\` numeric,
  	\`sizes_hero_mime_type\` text,
  	\`sizes_hero_filesize\` numeric,
  	\`sizes_hero_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_restricted_idx\` ON \`media\` (\`restricted\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumb_sizes_thumb_filename_idx\` ON \`media\` (\`sizes_thumb_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_sizes_hero_filename_idx\` ON \`media\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE TABLE \`deletion_requests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`contact_email\` text,
  	\`contact_phone\` text,
  	\`note\` text,
  	\`status\` text DEFAULT 'received' NOT NULL,
  	\`processed_at\` text,
  	\`erased_records\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`deletion_requests_status_idx\` ON \`deletion_requests\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`deletion_requests_updated_at_idx\` ON \`deletion_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`deletion_requests_created_at_idx\` ON \`deletion_requests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`users_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_rels_order_idx\` ON \`users_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_parent_idx\` ON \`users_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_path_idx\` ON \`users_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_organisations_id_idx\` ON \`users_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`collection_slug\` text NOT NULL,
  	\`doc_id\` text,
  	\`user_id\` integer,
  	\`channel\` text,
  	\`summary\` text,
  	\`fields\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_collection_slug_idx\` ON \`audit_log\` (\`collection_slug\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_doc_id_idx\` ON \`audit_log\` (\`doc_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_user_idx\` ON \`audit_log\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`site_settings_navigation\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`href\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_settings_navigation_order_idx\` ON \`site_settings_navigation\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`site_settings_navigation_parent_id_idx\` ON \`site_settings_navigation\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`site_settings_notices\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	\`href\` text,
  	\`from\` text,
  	\`until\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_settings_notices_order_idx\` ON \`site_settings_notices\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`site_settings_notices_parent_id_idx\` ON \`site_settings_notices\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`hero_title\` text DEFAULT '助け合いは、ふだんの暮らしの「ついで」から。',
  	\`hero_lead\` text DEFAULT 'えすこポータルは、雲南市で「えすこ」に人と関わり、つながりをつくっている人たちの物語を集めています。',
  	\`hero_image_id\` integer,
  	\`retention_days\` numeric DEFAULT 365 NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text,
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`site_settings_hero_hero_image_idx\` ON \`site_settings\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE TABLE \`kpi_targets_years\` (
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
  await db.run(sql`CREATE INDEX \`kpi_targets_years_order_idx\` ON \`kpi_targets_years\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`kpi_targets_years_parent_id_idx\` ON \`kpi_targets_years\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`kpi_targets\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`stories_themes\`;`)
  await db.run(sql`DROP TABLE \`stories\`;`)
  await db.run(sql`DROP TABLE \`stories_rels\`;`)
  await db.run(sql`DROP TABLE \`_stories_v_version_themes\`;`)
  await db.run(sql`DROP TABLE \`_stories_v\`;`)
  await db.run(sql`DROP TABLE \`_stories_v_rels\`;`)
  await db.run(sql`DROP TABLE \`citizens_themes\`;`)
  await db.run(sql`DROP TABLE \`citizens\`;`)
  await db.run(sql`DROP TABLE \`connections\`;`)
  await db.run(sql`DROP TABLE \`plans_themes\`;`)
  await db.run(sql`DROP TABLE \`plans\`;`)
  await db.run(sql`DROP TABLE \`support_offers\`;`)
  await db.run(sql`DROP TABLE \`events_themes\`;`)
  await db.run(sql`DROP TABLE \`events\`;`)
  await db.run(sql`DROP TABLE \`events_rels\`;`)
  await db.run(sql`DROP TABLE \`_events_v_version_themes\`;`)
  await db.run(sql`DROP TABLE \`_events_v\`;`)
  await db.run(sql`DROP TABLE \`_events_v_rels\`;`)
  await db.run(sql`DROP TABLE \`event_registrations\`;`)
  await db.run(sql`DROP TABLE \`organisations\`;`)
  await db.run(sql`DROP TABLE \`cheers\`;`)
  await db.run(sql`DROP TABLE \`cheers_rels\`;`)
  await db.run(sql`DROP TABLE \`survey_responses\`;`)
  await db.run(sql`DROP TABLE \`participants\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`deletion_requests\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`users_rels\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`site_settings_navigation\`;`)
  await db.run(sql`DROP TABLE \`site_settings_notices\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`DROP TABLE \`kpi_targets_years\`;`)
  await db.run(sql`DROP TABLE \`kpi_targets\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
}
