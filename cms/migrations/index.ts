import * as migration_20261124_201028_init from './20261124_201028_init';

export const migrations = [
  {
    up: migration_20261124_201028_init.up,
    down: migration_20261124_201028_init.down,
    name: '20261124_201028_init'
  },
];
