import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // A cheer's target moves from the polymorphic relationship table into three columns of the cheer row
  // (cms/lib/cheerTarget.ts): add them, copy every cheer's target across, then drop the old table.
  await db.run(sql`ALTER TABLE \`cheers\` ADD \`story_id\` integer REFERENCES stories(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`cheers\` ADD \`citizen_id\` integer REFERENCES citizens(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`cheers\` ADD \`plan_id\` integer REFERENCES plans(id) ON DELETE set null;`)
  await db.run(sql`UPDATE \`cheers\` SET
    \`story_id\` = (SELECT r.\`stories_id\` FROM \`cheers_rels\` r WHERE r.\`parent_id\` = \`cheers\`.\`id\` AND r.\`path\` = 'target' AND r.\`stories_id\` IS NOT NULL LIMIT 1),
    \`citizen_id\` = (SELECT r.\`citizens_id\` FROM \`cheers_rels\` r WHERE r.\`parent_id\` = \`cheers\`.\`id\` AND r.\`path\` = 'target' AND r.\`citizens_id\` IS NOT NULL LIMIT 1),
    \`plan_id\` = (SELECT r.\`plans_id\` FROM \`cheers_rels\` r WHERE r.\`parent_id\` = \`cheers\`.\`id\` AND r.\`path\` = 'target' AND r.\`plans_id\` IS NOT NULL LIMIT 1);`)
  await db.run(sql`DROP TABLE \`cheers_rels\`;`)
  await db.run(sql`CREATE INDEX \`cheers_story_idx\` ON \`cheers\` (\`story_id\`);`)
  await db.run(sql`CREATE INDEX \`cheers_citizen_idx\` ON \`cheers\` (\`citizen_id\`);`)
  await db.run(sql`CREATE INDEX \`cheers_plan_idx\` ON \`cheers\` (\`plan_id\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
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
  await db.run(sql`INSERT INTO \`cheers_rels\` (\`parent_id\`, \`path\`, \`stories_id\`, \`citizens_id\`, \`plans_id\`)
    SELECT \`id\`, 'target', \`story_id\`, \`citizen_id\`, \`plan_id\` FROM \`cheers\` WHERE COALESCE(\`story_id\`, \`citizen_id\`, \`plan_id\`) IS NOT NULL;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_cheers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`message\` text,
  	\`message_status\` text DEFAULT 'none' NOT NULL,
  	\`dedupe_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_cheers\`("id", "message", "message_status", "dedupe_key", "updated_at", "created_at") SELECT "id", "message", "message_status", "dedupe_key", "updated_at", "created_at" FROM \`cheers\`;`)
  await db.run(sql`DROP TABLE \`cheers\`;`)
  await db.run(sql`ALTER TABLE \`__new_cheers\` RENAME TO \`cheers\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`cheers_message_status_idx\` ON \`cheers\` (\`message_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`cheers_dedupe_key_idx\` ON \`cheers\` (\`dedupe_key\`);`)
  await db.run(sql`CREATE INDEX \`cheers_updated_at_idx\` ON \`cheers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`cheers_created_at_idx\` ON \`cheers\` (\`created_at\`);`)
}
