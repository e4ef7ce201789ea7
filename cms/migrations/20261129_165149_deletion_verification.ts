import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`deletion_requests\` ADD \`verification_method\` text;`)
  await db.run(sql`ALTER TABLE \`deletion_requests\` ADD \`verification_note\` text;`)
  await db.run(sql`ALTER TABLE \`deletion_requests\` ADD \`verification_verified_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`deletion_requests\` ADD \`verification_verified_at\` text;`)
  await db.run(sql`CREATE INDEX \`deletion_requests_verification_verification_verified_by_idx\` ON \`deletion_requests\` (\`verification_verified_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_deletion_requests\` (
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
  await db.run(sql`INSERT INTO \`__new_deletion_requests\`("id", "contact_email", "contact_phone", "note", "status", "processed_at", "erased_records", "updated_at", "created_at") SELECT "id", "contact_email", "contact_phone", "note", "status", "processed_at", "erased_records", "updated_at", "created_at" FROM \`deletion_requests\`;`)
  await db.run(sql`DROP TABLE \`deletion_requests\`;`)
  await db.run(sql`ALTER TABLE \`__new_deletion_requests\` RENAME TO \`deletion_requests\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`deletion_requests_status_idx\` ON \`deletion_requests\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`deletion_requests_updated_at_idx\` ON \`deletion_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`deletion_requests_created_at_idx\` ON \`deletion_requests\` (\`created_at\`);`)
}
