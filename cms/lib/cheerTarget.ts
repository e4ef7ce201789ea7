import { idOf } from '../domain/ids'

// A cheer names its target in one of three relationship fields (exactly one set). Single relationships are
// columns of the cheer's own row, so storing a cheer is one insert (a polymorphic relationship would need a
// second row in a separate table).

export type CheerTargetType = 'stories' | 'citizens' | 'plans'

/** The cheer field that holds a target of each collection. */
export const CHEER_TARGET_FIELD = { stories: 'story', citizens: 'citizen', plans: 'plan' } as const satisfies Record<
  CheerTargetType,
  string
>
export const CHEER_TARGET_TYPES = Object.keys(CHEER_TARGET_FIELD) as [CheerTargetType, ...CheerTargetType[]]

/** The data naming a target, for creating a cheer. */
export const cheerTargetData = (type: CheerTargetType, id: number | string) =>
  ({ [CHEER_TARGET_FIELD[type]]: id }) as { story?: number | string; citizen?: number | string; plan?: number | string }

/** The targets a cheer (or cheer data) names: one for a valid cheer. */
export function cheerTargetsOf(doc: unknown): { type: CheerTargetType; id: number | string }[] {
  if (!doc || typeof doc !== 'object') return []
  return CHEER_TARGET_TYPES.flatMap((type) => {
    const id = idOf((doc as Record<string, unknown>)[CHEER_TARGET_FIELD[type]])
    return id === null ? [] : [{ type, id }]
  })
}
