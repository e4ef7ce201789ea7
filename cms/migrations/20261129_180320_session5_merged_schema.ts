import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

/**
 * No change of its own. Four migrations were written side by side from the same schema (deletion verification,
 * event waiting list and references, consent before publication, Japan time), each with a snapshot that knows only
 * its own change; together they touch separate tables. This one's snapshot (the .json beside it) is the schema
 * with all four, so the next `npm run migrate:create` compares against the whole schema.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
