import * as migration_20261124_204241_init from './20261124_204241_init';

export const migrations = [
  {
    up: migration_20261124_204241_init.up,
    down: migration_20261124_204241_init.down,
    name: '20261124_204241_init'
  },
];
