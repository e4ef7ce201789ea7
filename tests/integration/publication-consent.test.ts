import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest } from '../helpers/api'
import { auditEntries, citizenData, createPhoto, planData, submitViaSite } from '../helpers/domain'
import { recordedConsent } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { createUser } from '../helpers/users'

// Issue 13 point 2: nobody is published without recorded consent, and a resident's submission not before its
// review is complete — on every path: the admin's 「変更内容を公開」 (REST PATCH ?draft=false), REST create, the
// Local API (create and update) and Payload's scheduled publishing job.

let payload: Payload
let editor: Awaited<ReturnType<typeof createUser>>
let coordinator: Awaited<ReturnType<typeof createUser>>
let token: string
let peoplePhoto: number | string
let landscape: number | string

beforeAll(async () => {
  payload = await bootPayload()
  editor = await createUser(payload, 'editor')
  coordinator = await createUser(payload, 'coordinator')
  token = (await payload.login({ collection: 'users', data: { email: editor.email, password: 'test-password-123' } })).token!
  peoplePhoto = (await createPhoto(payload)).id
  landscape = (await createPhoto(payload)).id
  await payload.update({ collection: 'media', id: landscape, data: { showsPeople: false } })
})
afterAll(() => shutdownPayload(payload))

type Subject = 'stories' | 'plans' | 'citizens'
type Data = Record<string, unknown>
/** What a case saves: content saved first as a draft (update paths), then consent and the public state. */
type Case = { name: string; subject: Subject; base: () => Data; consent?: Data; refused: string | null }

const PUBLIC: Record<Subject, Data> = {
  stories: { _status: 'published' },
  plans: { status: 'published' },
  citizens: { status: 'registered' },
}
const DRAFT: Record<Subject, Data> = { stories: { _status: 'draft' }, plans: { status: 'received' }, citizens: { status: 'candidate' } }

let n = 0
const story =
  (data: Data = {}) =>
  () => ({ title: `同意の試験 ${++n}`, origin: 'editorial', reviewStatus: 'received', ...data })
const nomination = (reviewStatus: string) => story({ origin: 'resident', reviewStatus })
const plan =
  (data: Data = {}) =>
  () => {
    // The case says what consent there is, not the helper.
    const { consent: _ignored, ...rest } = planData({ title: `同意の試験プラン ${++n}` })
    return { ...rest, ...data }
  }
const citizen = () => () => {
  const { consent: _ignored, status: _status, ...rest } = citizenData({ displayName: `同意の試験 ${++n}` })
  return rest
}

const CASES: Case[] = [
  // Stories: every story names someone.
  { name: 'story without any consent', subject: 'stories', base: story(), refused: '掲載同意を記録してください' },
  { name: 'story with consent recorded', subject: 'stories', base: story(), consent: recordedConsent(), refused: null },
  {
    name: 'story whose photo shows people, text consent only',
    subject: 'stories',
    base: () => story({ heroImage: peoplePhoto })(),
    consent: recordedConsent({ photo: false }),
    refused: '写真の掲載同意',
  },
  {
    name: 'story whose photo shows nobody, text consent only',
    subject: 'stories',
    base: () => story({ heroImage: landscape })(),
    consent: recordedConsent({ photo: false }),
    refused: null,
  },
  {
    name: 'story with spoken consent and no witness',
    subject: 'stories',
    base: story(),
    consent: recordedConsent({ method: 'in_person' }),
    refused: '立会人の氏名',
  },
  {
    name: 'story with spoken consent before a witness',
    subject: 'stories',
    base: story(),
    consent: recordedConsent({ method: 'in_person', witness: '三刀屋 太郎' }),
    refused: null,
  },
  {
    name: 'consent ticked with no date',
    subject: 'stories',
    base: story(),
    consent: { publication: true, method: 'paper' },
    refused: '同意日',
  },
  // A resident's nomination: consent is not enough, the review must be complete.
  {
    name: 'nomination still 受付, consent recorded',
    subject: 'stories',
    base: nomination('received'),
    consent: recordedConsent(),
    refused: '確認が済むまで公開できません',
  },
  {
    name: 'nomination 確認中, consent recorded',
    subject: 'stories',
    base: nomination('reviewing'),
    consent: recordedConsent(),
    refused: '確認済み',
  },
  { name: 'nomination 確認済み without consent', subject: 'stories', base: nomination('approved'), refused: '推薦された方' },
  { name: 'nomination 確認済み with consent', subject: 'stories', base: nomination('approved'), consent: recordedConsent(), refused: null },
  // Plans: the proposer shown by nickname or as a citizen.
  {
    name: 'plan naming its proposer, no consent',
    subject: 'plans',
    base: plan({ proposerNickname: 'はなちゃん' }),
    refused: '提案者の掲載同意',
  },
  {
    name: 'plan naming its proposer, consent recorded',
    subject: 'plans',
    base: plan({ proposerNickname: 'はなちゃん' }),
    consent: recordedConsent({ photo: undefined }),
    refused: null,
  },
  { name: 'plan naming nobody', subject: 'plans', base: plan(), refused: null },
  // Citizens: the profile is the person.
  {
    name: 'citizen with publication ticked, nothing recorded',
    subject: 'citizens',
    base: citizen(),
    consent: { publication: true },
    refused: '同意の方法',
  },
  {
    name: 'citizen with a complete record',
    subject: 'citizens',
    base: citizen(),
    consent: recordedConsent({ photo: false }),
    refused: null,
  },
]

type Outcome = { ok: boolean; message: string; id?: number | string }
const asEditor = { overrideAccess: false }
const drafts = (subject: Subject) => (subject === 'stories' ? { draft: true } : {})

async function attempt(run: () => Promise<{ id: number | string }>): Promise<Outcome> {
  try {
    return { ok: true, message: '', id: (await run()).id }
  } catch (error) {
    return { ok: false, message: (error as Error).message }
  }
}

const fromRest = (res: { status: number; json: any; text: string }): Outcome =>
  res.status < 300
    ? { ok: true, message: '', id: res.json?.doc?.id }
    : { ok: false, message: res.json?.errors?.map((e: { message: string }) => e.message).join('\n') ?? res.text }

/** A draft of the case's content (no consent), as staff save it, to be published by an update path. */
const saveDraft = (c: Case) =>
  payload.create({ collection: c.subject, data: { ...c.base(), ...DRAFT[c.subject] } as never, ...drafts(c.subject), user: editor })

const PATHS: Record<string, (c: Case) => Promise<Outcome>> = {
  'Local API create': (c) =>
    attempt(() =>
      payload.create({
        collection: c.subject,
        data: { ...c.base(), consent: c.consent, ...PUBLIC[c.subject] } as never,
        ...asEditor,
        user: editor,
      }),
    ),
  'Local API update': async (c) => {
    const draft = await saveDraft(c)
    return attempt(() =>
      payload.update({
        collection: c.subject,
        id: draft.id,
        data: { consent: c.consent, ...PUBLIC[c.subject] } as never,
        ...asEditor,
        user: editor,
      }),
    )
  },
  'REST create': async (c) =>
    fromRest(await rest('POST', `/api/${c.subject}`, { token, body: { ...c.base(), consent: c.consent, ...PUBLIC[c.subject] } })),
  // What the admin's 「変更内容を公開」 sends.
  'REST update (admin publish button)': async (c) => {
    const draft = await saveDraft(c)
    return fromRest(
      await rest('PATCH', `/api/${c.subject}/${draft.id}?draft=false`, { token, body: { consent: c.consent, ...PUBLIC[c.subject] } }),
    )
  },
}

/** Whether the document is public for an anonymous reader afterwards. */
async function isPublic(subject: Subject, id: number | string): Promise<boolean> {
  const found = await payload.find({ collection: subject, where: { id: { equals: id } }, overrideAccess: false, depth: 0 })
  return found.totalDocs === 1
}

describe.each(Object.keys(PATHS))('%s', (path) => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const outcome = await PATHS[path](c)
    if (c.refused === null) {
      expect(outcome.message).toBe('')
      expect(await isPublic(c.subject, outcome.id!)).toBe(true)
    } else {
      expect(outcome.ok).toBe(false)
      expect(outcome.message).toContain(c.refused)
    }
  })
})

describe('after a refusal nothing has changed', () => {
  it('a nomination published while 受付 stays a 受付 draft, invisible to the public', async () => {
    const c = CASES.find((x) => x.name.startsWith('nomination still'))!
    const draft = await saveDraft(c)
    const res = await rest('PATCH', `/api/stories/${draft.id}?draft=false`, {
      token,
      body: { _status: 'published', consent: recordedConsent() },
    })
    expect(res.status).toBe(400)
    const stored = await payload.findByID({ collection: 'stories', id: draft.id, draft: true, depth: 0 })
    expect([stored._status, stored.reviewStatus]).toEqual(['draft', 'received'])
    expect(await isPublic('stories', draft.id)).toBe(false)
  })

  it('publishing an approved nomination moves its review status to 公開, nothing else', async () => {
    const draft = await saveDraft(CASES.find((x) => x.name === 'nomination 確認済み with consent')!)
    const published = await payload.update({
      collection: 'stories',
      id: draft.id,
      data: { _status: 'published', consent: recordedConsent() },
      ...asEditor,
      user: editor,
    })
    expect([published._status, published.reviewStatus]).toEqual(['published', 'published'])
  })

  it('withdrawing consent from a published story is refused until it is unpublished', async () => {
    const live = await payload.create({
      collection: 'stories',
      data: { ...story()(), consent: recordedConsent(), _status: 'published' } as never,
      user: editor,
    })
    await expect(
      payload.update({ collection: 'stories', id: live.id, data: { consent: { publication: false } }, ...asEditor, user: editor }),
    ).rejects.toThrow('掲載同意')
    const unpublished = await payload.update({
      collection: 'stories',
      id: live.id,
      data: { _status: 'draft', consent: { publication: false } },
      ...asEditor,
      user: editor,
    })
    expect(unpublished.consent?.publication).toBe(false)
  })
})

describe('who recorded the consent', () => {
  it('is the signed-in user, whatever the request says', async () => {
    const draft = await saveDraft({ name: '', subject: 'stories', base: story(), refused: null })
    const res = await rest('PATCH', `/api/stories/${draft.id}?draft=false`, {
      token,
      body: { _status: 'published', consent: { ...recordedConsent(), enteredBy: coordinator.id } },
    })
    expect(res.status).toBe(200)
    const stored = await payload.findByID({ collection: 'stories', id: draft.id, depth: 0 })
    expect(String(stored.consent?.enteredBy)).toBe(String(editor.id))
  })

  it('stays who entered it when someone else edits the story without touching the record', async () => {
    const created = await payload.create({
      collection: 'stories',
      data: { ...story()(), consent: recordedConsent() } as never,
      ...drafts('stories'),
      user: coordinator,
      depth: 0,
    })
    expect(String(created.consent?.enteredBy)).toBe(String(coordinator.id))
    const edited = await payload.update({
      collection: 'stories',
      id: created.id,
      data: { lead: '書き直したリード文' },
      draft: true,
      user: editor,
      depth: 0,
    })
    expect(String(edited.consent?.enteredBy)).toBe(String(coordinator.id))
  })

  it('a plan sent through the site form records the resident’s web consent, so staff can publish it', async () => {
    const sent = await submitViaSite(payload, 'plans', {
      ...planData({ title: 'フォームからのプラン' }),
      proposerNickname: 'たろう',
      proposerContact: { email: 'taro@example.jp', consentAt: new Date().toISOString() },
    })
    const stored = await payload.findByID({ collection: 'plans', id: sent.id, depth: 0 })
    expect([stored.consent?.publication, stored.consent?.method, stored.consent?.enteredBy ?? null]).toEqual([true, 'web', null])
    const published = await payload.update({ collection: 'plans', id: sent.id, data: { status: 'published' }, ...asEditor, user: editor })
    expect(published.status).toBe('published')
  })
})

describe('scheduled publishing', () => {
  const schedule = async (id: number | string) => {
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'stories', value: id as never }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await payload.jobs.runByID({ id: job.id })
    return payload.findByID({ collection: 'stories', id, draft: true, depth: 0 })
  }

  it.each([
    ['a nomination still 受付', nomination('received'), recordedConsent(), '確認が済むまで公開できません'],
    ['a story without consent', story(), undefined, '掲載同意を記録してください'],
  ] as const)('refuses %s: the story stays a draft and the audit log says why', async (_name, base, consent, reason) => {
    const draft = await payload.create({
      collection: 'stories',
      data: { ...base(), consent, _status: 'draft' } as never,
      draft: true,
      user: editor,
    })
    const after = await schedule(draft.id)
    expect(after._status).toBe('draft')
    expect(await isPublic('stories', draft.id)).toBe(false)
    const refusals = await auditEntries(payload, {
      and: [{ action: { equals: 'publish_refused' } }, { docId: { equals: String(draft.id) } }],
    })
    expect(refusals).toHaveLength(1)
    expect(refusals[0]).toMatchObject({ collectionSlug: 'stories', channel: 'schedule' })
    expect(refusals[0].summary).toContain(reason)
  })

  it('publishes a story whose consent and review are in order', async () => {
    const draft = await payload.create({
      collection: 'stories',
      data: { ...nomination('approved')(), consent: recordedConsent(), _status: 'draft' } as never,
      draft: true,
      user: editor,
    })
    const after = await schedule(draft.id)
    expect(after._status).toBe('published')
    expect(await isPublic('stories', draft.id)).toBe(true)
  })
})
