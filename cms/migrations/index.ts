import * as migration_20261124_204241_init from './20261124_204241_init';
import * as migration_20261124_224906_kpi_tallies from './20261124_224906_kpi_tallies';

export const migrations = [
  {
    up: migration_20261124_204241_init.up,
    down: migration_20261124_204241_init.down,
    name: '20261124_204241_init',
  },
  {
    up: migration_20261124_224906_kpi_tallies.up,
    down: migration_20261124_224906_kpi_tallies.down,
    name: '20261124_224906_kpi_tallies'
  },
];
