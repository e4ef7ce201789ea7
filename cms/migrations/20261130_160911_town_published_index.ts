import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`town_publishedAt_idx\` ON \`stories\` (\`town\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_town_version_publishedAt_idx\` ON \`_stories_v\` (\`version_town\`,\`version_published_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`town_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_town_version_publishedAt_idx\`;`)
}
