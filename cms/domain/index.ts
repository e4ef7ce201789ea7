// The domain vocabulary: import from here (or a file beside it); nothing else restates these rules.
export * from './contact'
export * from './fiscalYear'
export * from './ids'
export * from './options'
export * from './plans'
export * from './roles'
export * from './personalData'
