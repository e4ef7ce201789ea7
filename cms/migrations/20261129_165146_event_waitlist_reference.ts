import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { newRegistrationReference } from '../lib/registrationReference'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`event_registrations\` ADD \`reference\` text;`)
  await db.run(sql`ALTER TABLE \`event_registrations\` ADD \`organisation_id\` integer REFERENCES organisations(id);`)
  await db.run(sql`ALTER TABLE \`event_registrations\` ADD \`pending_organisation_name\` text;`)
  await db.run(sql`ALTER TABLE \`event_registrations\` ADD \`individual\` integer DEFAULT false;`)
  // Registrations made before reference numbers get one now, so staff can find every registration by its number.
  const rows = await db.all<{ id: number }>(sql`SELECT \`id\` FROM \`event_registrations\``)
  for (const { id } of rows)
    await db.run(sql`UPDATE \`event_registrations\` SET \`reference\` = ${newRegistrationReference()} WHERE \`id\` = ${id}`)
  await db.run(sql`CREATE UNIQUE INDEX \`event_registrations_reference_idx\` ON \`event_registrations\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`event_registrations_organisation_idx\` ON \`event_registrations\` (\`organisation_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_event_registrations\` (
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
  await db.run(sql`INSERT INTO \`__new_event_registrations\`("id", "event_id", "nickname", "party_size", "town", "contact_email", "contact_phone", "contact_accessibility_needs", "contact_consent_at", "status", "updated_at", "created_at") SELECT "id", "event_id", "nickname", "party_size", "town", "contact_email", "contact_phone", "contact_accessibility_needs", "contact_consent_at", "status", "updated_at", "created_at" FROM \`event_registrations\`;`)
  await db.run(sql`DROP TABLE \`event_registrations\`;`)
  await db.run(sql`ALTER TABLE \`__new_event_registrations\` RENAME TO \`event_registrations\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`event_registrations_event_idx\` ON \`event_registrations\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`event_registrations_status_idx\` ON \`event_registrations\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`event_registrations_updated_at_idx\` ON \`event_registrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`event_registrations_created_at_idx\` ON \`event_registrations\` (\`created_at\`);`)
}
