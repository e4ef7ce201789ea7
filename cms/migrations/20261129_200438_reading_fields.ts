import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`stories\` ADD \`easy_summary\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_easy_summary\` text;`)
  await db.run(sql`ALTER TABLE \`citizens\` ADD \`display_name_reading\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`stories\` DROP COLUMN \`easy_summary\`;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` DROP COLUMN \`version_easy_summary\`;`)
  await db.run(sql`ALTER TABLE \`citizens\` DROP COLUMN \`display_name_reading\`;`)
}
