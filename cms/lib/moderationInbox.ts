import type { CollectionSlug, Where } from 'payload'

/**
 * What waits for staff's review, declared once: the admin dashboard's inbox counts it and the editors' daily
 * digest mail (cms/lib/submissionDigest.ts) reports what arrived in it. `submitted` narrows a collection to what
 * residents sent (staff's own drafts are not news); `titleField` names what the digest may list (never a
 * resident's name or contact).
 */
export type InboxItem = {
  key: string
  label: string
  collection: CollectionSlug
  where: Where
  editorsOnly?: boolean
  submitted?: Where
  titleField?: 'title'
}

export const INBOX: InboxItem[] = [
  {
    key: 'stories',
    label: 'えすこストーリー（受付・確認中）',
    collection: 'stories',
    where: { reviewStatus: { in: ['received', 'reviewing'] } },
    submitted: { origin: { equals: 'resident' } },
    titleField: 'title',
  },
  {
    key: 'plans',
    label: 'ウエルビーイングプラン（受付）',
    collection: 'plans',
    where: { status: { equals: 'received' } },
    titleField: 'title',
  },
  { key: 'support-offers', label: '応援の申し出（受付）', collection: 'support-offers', where: { status: { equals: 'received' } } },
  {
    key: 'cheers',
    label: '拍手のメッセージ（確認待ち）',
    collection: 'cheers',
    where: { messageStatus: { equals: 'pending' } },
    editorsOnly: true,
  },
  {
    key: 'deletion-requests',
    label: '削除依頼（受付）',
    collection: 'deletion-requests',
    where: { status: { equals: 'received' } },
    editorsOnly: true,
  },
]

/** The admin list URL with the same filter, in the or/and shape the list view's filter UI reads back. */
export function inboxListUrl(adminRoute: string, collection: string, where: Where): string {
  const params = new URLSearchParams()
  for (const [field, condition] of Object.entries(where)) {
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      const key = `where[or][0][and][0][${field}][${operator}]`
      if (Array.isArray(value)) value.forEach((v, i) => params.append(`${key}[${i}]`, String(v)))
      else params.append(key, String(value))
    }
  }
  return `${adminRoute}/collections/${collection}?${params.toString()}`
}
