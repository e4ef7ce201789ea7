import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { JAPAN_TIMEZONE, sameWallClockInJapan } from '../domain/dates'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Issue 13.5: a connection's timezone is Japan time, by default too. A day picked while the old form offered
  // "(UTC-11:00) Midway Island" and the like becomes the same wall-clock time in Japan (the day that was meant).
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_connections\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`citizen_id\` integer NOT NULL,
  	\`with_citizen_id\` integer,
  	\`with_organisation_id\` integer,
  	\`with_other\` text,
  	\`partner_label\` text,
  	\`connected_at\` text NOT NULL,
  	\`connectedat_tz\` text DEFAULT 'Asia/Tokyo' NOT NULL,
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
  await db.run(sql`INSERT INTO \`__new_connections\`("id", "citizen_id", "with_citizen_id", "with_organisation_id", "with_other", "partner_label", "connected_at", "connectedat_tz", "origin", "how_it_came_about", "event_id", "plan_id", "town", "recorded_by_id", "updated_at", "created_at") SELECT "id", "citizen_id", "with_citizen_id", "with_organisation_id", "with_other", "partner_label", "connected_at", "connectedat_tz", "origin", "how_it_came_about", "event_id", "plan_id", "town", "recorded_by_id", "updated_at", "created_at" FROM \`connections\`;`)
  await db.run(sql`DROP TABLE \`connections\`;`)
  await db.run(sql`ALTER TABLE \`__new_connections\` RENAME TO \`connections\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  const elsewhere = await db.all<{ id: number; connected_at: string; connectedat_tz: string }>(
    sql`SELECT \`id\`, \`connected_at\`, \`connectedat_tz\` FROM \`connections\` WHERE \`connectedat_tz\` IS NOT ${JAPAN_TIMEZONE};`,
  )
  for (const row of elsewhere) {
    const inJapan = sameWallClockInJapan(row.connected_at, row.connectedat_tz)
    await db.run(sql`UPDATE \`connections\` SET \`connected_at\` = ${inJapan}, \`connectedat_tz\` = ${JAPAN_TIMEZONE} WHERE \`id\` = ${row.id};`)
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_connections\` (
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
  await db.run(sql`INSERT INTO \`__new_connections\`("id", "citizen_id", "with_citizen_id", "with_organisation_id", "with_other", "partner_label", "connected_at", "connectedat_tz", "origin", "how_it_came_about", "event_id", "plan_id", "town", "recorded_by_id", "updated_at", "created_at") SELECT "id", "citizen_id", "with_citizen_id", "with_organisation_id", "with_other", "partner_label", "connected_at", "connectedat_tz", "origin", "how_it_came_about", "event_id", "plan_id", "town", "recorded_by_id", "updated_at", "created_at" FROM \`connections\`;`)
  await db.run(sql`DROP TABLE \`connections\`;`)
  await db.run(sql`ALTER TABLE \`__new_connections\` RENAME TO \`connections\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
}
