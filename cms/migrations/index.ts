import * as migration_20261124_202402_init from './20261124_202402_init';

export const migrations = [
  {
    up: migration_20261124_202402_init.up,
    down: migration_20261124_202402_init.down,
    name: '20261124_202402_init'
  },
];
