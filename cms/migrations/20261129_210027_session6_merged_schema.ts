import { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

// No statements: the SEO, reading and search migrations were made in parallel, each from the schema before the others.
// Their columns are all added by those migrations; this one only carries the merged schema snapshot (the .json beside
// it), so that `npm run migrate:create` compares the next change with the schema as it really is.
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
