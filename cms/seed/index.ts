import type { Payload } from 'payload'

import { DEMO_USERS, STORIES } from './content'

const DAY = 24 * 60 * 60 * 1000

export type SeedResult = { stories: number; users: string[] }

/** True when the database holds no content and no accounts: the first run. */
export async function isEmptyDatabase(payload: Payload): Promise<boolean> {
  const [users, stories] = await Promise.all([
    payload.count({ collection: 'users' }),
    payload.count({ collection: 'stories' }),
  ])
  return users.totalDocs === 0 && stories.totalDocs === 0
}

/**
 * Replaces demo content with a fresh set. Demo accounts are created only when a password is given;
 * without one, the admin's own first-user screen creates the first account.
 */
export async function seedDemo(payload: Payload, options: { adminPassword?: string; now?: Date } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date()
  await payload.delete({ collection: 'stories', where: { slug: { in: STORIES.map((s) => s.slug) } } })

  for (const story of STORIES) {
    const publishedAt = new Date(now.getTime() - story.daysAgo * DAY).toISOString()
    const data = {
      title: story.title,
      slug: story.slug,
      lead: story.lead,
      body: story.body,
      featured: story.featured,
      featuredOrder: story.featuredOrder ?? 100,
      origin: 'editorial' as const,
      reviewStatus: story.status === 'published' ? ('published' as const) : ('reviewing' as const),
      publishedAt: story.status === 'published' ? publishedAt : undefined,
      _status: story.status,
    }
    // A draft create saves only a draft version; a published one must not pass `draft`.
    if (story.status === 'draft') await payload.create({ collection: 'stories', draft: true, data })
    else await payload.create({ collection: 'stories', data })
  }

  const users: string[] = []
  if (options.adminPassword) {
    await payload.delete({ collection: 'users', where: { email: { in: DEMO_USERS.map((u) => u.email) } } })
    for (const user of DEMO_USERS) {
      await payload.create({
        collection: 'users',
        data: { email: user.email, name: user.name, roles: [...user.roles], password: options.adminPassword },
      })
      users.push(user.email)
    }
  }
  return { stories: STORIES.length, users }
}
