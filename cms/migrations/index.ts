import * as migration_20261124_204241_init from './20261124_204241_init';
import * as migration_20261124_224906_kpi_tallies from './20261124_224906_kpi_tallies';
import * as migration_20261124_234849_cheer_target_columns from './20261124_234849_cheer_target_columns';
import * as migration_20261129_025111_shared_counters from './20261129_025111_shared_counters';
import * as migration_20261129_141756_kpi1_official_survey_roles from './20261129_141756_kpi1_official_survey_roles';
import * as migration_20261129_165146_event_waitlist_reference from './20261129_165146_event_waitlist_reference';
import * as migration_20261129_165149_deletion_verification from './20261129_165149_deletion_verification';
import * as migration_20261129_165506_consent_before_publication from './20261129_165506_consent_before_publication';
import * as migration_20261129_171722_japan_time from './20261129_171722_japan_time';
import * as migration_20261129_180320_session5_merged_schema from './20261129_180320_session5_merged_schema';
import * as migration_20261129_183820_redirects from './20261129_183820_redirects';
import * as migration_20261129_200438_reading_fields from './20261129_200438_reading_fields';
import * as migration_20261129_200632_site_search from './20261129_200632_site_search';
import * as migration_20261129_203619_seo_fields from './20261129_203619_seo_fields';
import * as migration_20261129_210027_session6_merged_schema from './20261129_210027_session6_merged_schema';
import * as migration_20261130_160911_town_published_index from './20261130_160911_town_published_index';

export const migrations = [
  {
    up: migration_20261124_204241_init.up,
    down: migration_20261124_204241_init.down,
    name: '20261124_204241_init',
  },
  {
    up: migration_20261124_224906_kpi_tallies.up,
    down: migration_20261124_224906_kpi_tallies.down,
    name: '20261124_224906_kpi_tallies',
  },
  {
    up: migration_20261124_234849_cheer_target_columns.up,
    down: migration_20261124_234849_cheer_target_columns.down,
    name: '20261124_234849_cheer_target_columns',
  },
  {
    up: migration_20261129_025111_shared_counters.up,
    down: migration_20261129_025111_shared_counters.down,
    name: '20261129_025111_shared_counters',
  },
  {
    up: migration_20261129_141756_kpi1_official_survey_roles.up,
    down: migration_20261129_141756_kpi1_official_survey_roles.down,
    name: '20261129_141756_kpi1_official_survey_roles',
  },
  {
    up: migration_20261129_165146_event_waitlist_reference.up,
    down: migration_20261129_165146_event_waitlist_reference.down,
    name: '20261129_165146_event_waitlist_reference',
  },
  {
    up: migration_20261129_165149_deletion_verification.up,
    down: migration_20261129_165149_deletion_verification.down,
    name: '20261129_165149_deletion_verification',
  },
  {
    up: migration_20261129_165506_consent_before_publication.up,
    down: migration_20261129_165506_consent_before_publication.down,
    name: '20261129_165506_consent_before_publication',
  },
  {
    up: migration_20261129_171722_japan_time.up,
    down: migration_20261129_171722_japan_time.down,
    name: '20261129_171722_japan_time',
  },
  {
    up: migration_20261129_180320_session5_merged_schema.up,
    down: migration_20261129_180320_session5_merged_schema.down,
    name: '20261129_180320_session5_merged_schema',
  },
  {
    up: migration_20261129_183820_redirects.up,
    down: migration_20261129_183820_redirects.down,
    name: '20261129_183820_redirects',
  },
  {
    up: migration_20261129_200438_reading_fields.up,
    down: migration_20261129_200438_reading_fields.down,
    name: '20261129_200438_reading_fields',
  },
  {
    up: migration_20261129_200632_site_search.up,
    down: migration_20261129_200632_site_search.down,
    name: '20261129_200632_site_search',
  },
  {
    up: migration_20261129_203619_seo_fields.up,
    down: migration_20261129_203619_seo_fields.down,
    name: '20261129_203619_seo_fields',
  },
  {
    up: migration_20261129_210027_session6_merged_schema.up,
    down: migration_20261129_210027_session6_merged_schema.down,
    name: '20261129_210027_session6_merged_schema',
  },
  {
    up: migration_20261130_160911_town_published_index.up,
    down: migration_20261130_160911_town_published_index.down,
    name: '20261130_160911_town_published_index'
  },
];
