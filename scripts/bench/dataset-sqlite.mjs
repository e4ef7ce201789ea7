// SQLite-ONLY bench module: bulk rows for the scale dataset, written with raw SQL through node:sqlite in one
// transaction per table. Only the bench uses it, on a throw-away database that `payload run prepare.ts` has
// already migrated (cms/db/ensureSchema.ts) and seeded. Rows mirror what the Local API would store (published
// documents get a `latest` version row, hasMany selects and relationships their child rows); hooks are not run.
import { DatabaseSync } from 'node:sqlite'

// The vocabulary comes from cms/domain (Node 24 strips the types of these self-contained files); the plan
// words live in cms/domain/plans.ts, which Node cannot load without a bundler, so the bench lists them here.
import { fiscalYearOf } from '../../cms/domain/fiscalYear.ts'
import { AGE_BANDS, EVENT_KIND_OPTIONS, ORGANISATION_KIND_OPTIONS, THEMES, TOWNS } from '../../cms/domain/options.ts'
import { ftsRowid } from '../../cms/db/search/sqliteRowid.ts'
import { SEARCHABLE } from '../../cms/domain/searchable.ts'
import { indexTokens, normaliseSearchText } from '../../cms/domain/searchText.ts'

export const BASE_COUNTS = {
  stories: 10_000,
  citizens: 2_000,
  plans: 5_000,
  events: 500,
  organisations: 200,
  cheers: 200_000,
  surveyResponses: 20_000,
}

const PLAN_KINDS = ['want_to_try', 'challenge', 'use_skill']
const ORG_KINDS = ORGANISATION_KIND_OPTIONS.map((o) => o.value)
const EVENT_KINDS = EVENT_KIND_OPTIONS.map((o) => o.value)
const PLAN_STATUSES = ['received', 'published', 'published', 'in_progress', 'realised', 'withdrawn']

/**
 * Words the stories and plans are written with, so the site search meets a realistic spread: each word is in a few
 * percent of the documents, not in all of them. The search bench draws its queries from this list.
 */
export const BENCH_WORDS = [
  '野菜',
  '見守り',
  'スマホ',
  '子育て',
  '買い物',
  '草刈り',
  '雪かき',
  '配食',
  '農業',
  '神楽',
  '桜',
  '斐伊川',
  '茶話会',
  '体操',
  '読み聞かせ',
  '防災',
  '料理',
  '味噌',
  '漬物',
  '竹細工',
  '写真',
  '散歩',
  '通院',
  '送迎',
  '空き家',
  '移住',
  '温泉',
  '田植え',
  '稲刈り',
  'しめ縄',
  '餅つき',
  'ごみ出し',
  '回覧板',
  '公民館',
  '運動会',
  '花火',
  '紙芝居',
  'パソコン',
  'カフェ',
  'ボランティア',
  'たたら',
  '蕎麦',
  'お弁当',
  '手芸',
  '囲碁',
  '将棋',
  'ウォーキング',
  '子ども食堂',
  '学習支援',
  '移動販売',
  '除雪',
  '見回り',
  'サロン',
  '介護',
  '認知症',
  '居場所',
  '伝統',
  '郷土料理',
  '山菜',
  '川遊び',
]

// A small deterministic PRNG so two runs at the same scale build the same dataset.
function rng(seed) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const paragraph = (text) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
})
const richText = (lines) =>
  JSON.stringify({ root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: lines.map(paragraph) } })

/** Adds the scale dataset to the SQLite file at `file`; returns ids the load generator needs. */
export function generateDataset(file, scale = 1, now = new Date()) {
  const n = Object.fromEntries(Object.entries(BASE_COUNTS).map(([k, v]) => [k, Math.max(1, Math.round(v * scale))]))
  const db = new DatabaseSync(file)
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA busy_timeout = 10000')
  const rand = rng(42 + Math.round(scale * 1000))
  const pick = (a) => a[Math.floor(rand() * a.length)]
  const iso = (ms) => new Date(ms).toISOString()
  const day = 86_400_000
  const nowMs = now.getTime()
  const maxId = (table) => Number(db.prepare(`SELECT coalesce(max(id), 0) AS m FROM ${table}`).get().m)
  const tx = (fn) => {
    db.exec('BEGIN')
    try {
      fn()
      db.exec('COMMIT')
    } catch (e) {
      db.exec('ROLLBACK')
      throw e
    }
  }
  const started = performance.now()

  // Organisations
  const orgBase = maxId('organisations')
  tx(() => {
    const ins = db.prepare(
      `INSERT INTO organisations (id, name, reading, slug, kind, town, summary, verified, published, updated_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    )
    for (let i = 1; i <= n.organisations; i++) {
      const t = iso(nowMs - rand() * 700 * day)
      ins.run(
        orgBase + i,
        `ベンチ団体${i}`,
        `べんちだんたい${String(i).padStart(5, '0')}`,
        `bench-org-${i}`,
        pick(ORG_KINDS),
        pick(TOWNS),
        '地域の見守りと居場所づくりに取り組む団体です。',
        rand() < 0.5 ? 1 : 0,
        1,
        t,
        t,
      )
    }
  })
  const orgIds = Array.from({ length: n.organisations }, (_, i) => orgBase + i + 1)

  // Citizens: 70% registered with publication consent (public), the rest candidates/paused.
  const citBase = maxId('citizens')
  const publicCitizens = []
  tx(() => {
    const ins = db.prepare(
      `INSERT INTO citizens (id, display_name, display_name_reading, slug, town, intro, consent_publication, status, citizen_since, registered_at, updated_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    const theme = db.prepare(`INSERT INTO citizens_themes ("order", parent_id, value) VALUES (?,?,?)`)
    for (let i = 1; i <= n.citizens; i++) {
      const id = citBase + i
      const r = rand()
      const status = r < 0.7 ? 'registered' : r < 0.85 ? 'paused' : 'candidate'
      const t = iso(nowMs - rand() * 700 * day)
      ins.run(
        id,
        `ベンチ市民${i}`,
        // Every other citizen has a reading (furigana over the name); from i, not rand(), so the dataset stays the same.
        i % 2 === 0 ? `べんちしみん${i}` : null,
        `bench-citizen-${i}`,
        pick(TOWNS),
        'ふだんの暮らしの中で、近所の人に声をかけています。',
        status === 'registered' ? 1 : 0,
        status,
        status === 'candidate' ? null : t,
        status === 'candidate' ? null : t,
        t,
        t,
      )
      theme.run(1, id, pick(THEMES))
      if (status === 'registered') publicCitizens.push(id)
    }
  })

  // Stories: 90% published, publishedAt over the last two years, one version row each (latest = 1).
  const stBase = maxId('stories')
  const publishedStories = []
  tx(() => {
    const ins = db.prepare(
      `INSERT INTO stories (id, title, slug, lead, body, easy_summary, connection_origin, town, origin, review_status, featured, featured_order, published_at, updated_at, created_at, _status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    const theme = db.prepare(`INSERT INTO stories_themes ("order", parent_id, value) VALUES (?,?,?)`)
    const rel = db.prepare(`INSERT INTO stories_rels ("order", parent_id, path, citizens_id, organisations_id) VALUES (?,?,?,?,?)`)
    for (let i = 1; i <= n.stories; i++) {
      const id = stBase + i
      const published = rand() < 0.9
      const t = nowMs - rand() * 730 * day
      const [w1, w2, w3, w4] = [pick(BENCH_WORDS), pick(BENCH_WORDS), pick(BENCH_WORDS), pick(BENCH_WORDS)]
      const body = richText([
        `ベンチ用のストーリー${i}の本文です。${w2}をきっかけに、近所の人と${w3}の話をするようになりました。`,
        '朝のごみ出しのついでに、ひとり暮らしの方に声をかけるようになりました。',
        `そこから、週に一度の${w4}の集まりが生まれました。`,
      ])
      ins.run(
        id,
        `ベンチストーリー${i}：${w1}から始まったつながり`,
        `bench-story-${i}`,
        '斐伊川のほとり、暮らしの「ついで」から始まった助け合いの物語です。',
        body,
        // A third have an easy-Japanese summary (from i, not rand(): the dataset stays the same).
        i % 3 === 0 ? '木次町の 人たちが、あさ ごみを 出す ときに、ひとりで すむ 人に こえを かけます。' : null,
        '回覧板を届けたときの立ち話から。',
        pick(TOWNS),
        'editorial',
        published ? 'published' : 'reviewing',
        0,
        100,
        published ? iso(t) : null,
        iso(t),
        iso(t),
        published ? 'published' : 'draft',
      )
      theme.run(1, id, pick(THEMES))
      if (rand() < 0.5) theme.run(2, id, pick(THEMES))
      if (publicCitizens.length) rel.run(1, id, 'citizens', pick(publicCitizens), null)
      if (rand() < 0.5) rel.run(1, id, 'organisations', null, pick(orgIds))
      if (published) publishedStories.push(id)
    }
    // One story in ten has the editors' search and share texts (cms/domain/seo.ts).
    db.exec(`UPDATE stories SET meta_title = 'ベンチストーリー' || (id - ${stBase}) || '：ついでの見守り',
      meta_description = 'ごみ出しのついでの声かけから、週に一度のお茶会が生まれた物語です。暮らしの「ついで」から始まる助け合いを紹介します。'
      WHERE id > ${stBase} AND (id - ${stBase}) % 10 = 0`)
    db.exec(`INSERT INTO _stories_v (parent_id, version_title, version_slug, version_lead, version_body, version_easy_summary, version_connection_origin, version_town, version_origin, version_review_status, version_featured, version_featured_order, version_published_at, version_meta_title, version_meta_description, version_updated_at, version_created_at, version__status, created_at, updated_at, latest)
      SELECT id, title, slug, lead, body, easy_summary, connection_origin, town, origin, review_status, featured, featured_order, published_at, meta_title, meta_description, updated_at, created_at, _status, updated_at, updated_at, 1 FROM stories WHERE id > ${stBase}`)
  })

  // Plans
  const plBase = maxId('plans')
  const publicPlans = []
  tx(() => {
    const ins = db.prepare(
      `INSERT INTO plans (id, kind, title, description, town, proposer_nickname, status, lifecycle_received_at, lifecycle_published_at, lifecycle_realised_at, updated_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    const theme = db.prepare(`INSERT INTO plans_themes ("order", parent_id, value) VALUES (?,?,?)`)
    for (let i = 1; i <= n.plans; i++) {
      const id = plBase + i
      const status = pick(PLAN_STATUSES)
      const t = nowMs - rand() * 700 * day
      const isPublic = ['published', 'in_progress', 'realised'].includes(status)
      ins.run(
        id,
        pick(PLAN_KINDS),
        `ベンチプラン${i}：${pick(BENCH_WORDS)}で地域の居場所をつくりたい`,
        `空き家を使って、子どもとお年寄りが${pick(BENCH_WORDS)}で集まれる場所をつくりたいです。`,
        pick(TOWNS),
        `ベンチ${i}`,
        status,
        iso(t),
        isPublic ? iso(t + day) : null,
        status === 'realised' ? iso(Math.min(nowMs, t + 60 * day)) : null,
        iso(t),
        iso(t),
      )
      theme.run(1, id, pick(THEMES))
      if (isPublic) publicPlans.push(id)
    }
    db.exec(`UPDATE plans SET meta_title = 'ベンチプラン' || (id - ${plBase}) || '：空き家の居場所',
      meta_description = '空き家を使って、子どもとお年寄りが集まれる居場所をつくりたいというプランです。応援や協力の申し出を受け付けています。'
      WHERE id > ${plBase} AND (id - ${plBase}) % 10 = 0`)
  })

  // Events: spread over a year back and a year ahead; kaigi list participating organisations.
  const evBase = maxId('events')
  const eventSlugs = []
  tx(() => {
    const ins = db.prepare(
      `INSERT INTO events (id, kind, title, slug, starts_at, ends_at, venue, town, summary, description, capacity, registration_enabled, attendance, cancelled, updated_at, created_at, _status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    const rel = db.prepare(`INSERT INTO events_rels ("order", parent_id, path, organisations_id) VALUES (?,?,?,?)`)
    for (let i = 1; i <= n.events; i++) {
      const id = evBase + i
      const kind = pick(EVENT_KINDS)
      const start = nowMs + (rand() * 730 - 365) * day
      const past = start < nowMs
      ins.run(
        id,
        kind,
        `ベンチイベント${i}`,
        `bench-event-${i}`,
        iso(start),
        iso(start + 2 * 3_600_000),
        '交流センター',
        pick(TOWNS),
        '地域のみなさんが集まる会です。',
        richText(['どなたでも参加できます。']),
        40,
        1,
        past ? Math.floor(rand() * 40) : null,
        rand() < 0.05 ? 1 : 0,
        iso(start - 30 * day),
        iso(start - 30 * day),
        'published',
      )
      if (kind === 'kaigi') for (let k = 1; k <= 3; k++) rel.run(k, id, 'participatingOrganisations', pick(orgIds))
      if (!past) eventSlugs.push(`bench-event-${i}`)
    }
    db.exec(`UPDATE events SET meta_title = 'ベンチイベント' || (id - ${evBase}) || '（交流センター）',
      meta_description = '交流センターで開く、地域のみなさんが集まる会です。どなたでも参加できます。えすこポータルから申し込めます。'
      WHERE id > ${evBase} AND (id - ${evBase}) % 10 = 0`)
    db.exec(`INSERT INTO _events_v (parent_id, version_kind, version_title, version_slug, version_starts_at, version_ends_at, version_venue, version_town, version_summary, version_description, version_capacity, version_registration_enabled, version_attendance, version_cancelled, version_meta_title, version_meta_description, version_updated_at, version_created_at, version__status, created_at, updated_at, latest)
      SELECT id, kind, title, slug, starts_at, ends_at, venue, town, summary, description, capacity, registration_enabled, attendance, cancelled, meta_title, meta_description, updated_at, created_at, _status, updated_at, updated_at, 1 FROM events WHERE id > ${evBase}`)
  })

  // Cheers: over the last 400 days, 60% stories, 20% citizens, 20% plans; a few approved messages.
  const chBase = maxId('cheers')
  tx(() => {
    const ins = db.prepare(
      `INSERT INTO cheers (id, story_id, citizen_id, plan_id, message, message_status, dedupe_key, updated_at, created_at) VALUES (?,?,?,?,?,?,?,?,?)`,
    )
    for (let i = 1; i <= n.cheers; i++) {
      const id = chBase + i
      const t = iso(nowMs - rand() * 400 * day)
      const withMessage = rand() < 0.02
      const r = rand()
      const [story, citizen, plan] =
        r < 0.6 || !publicCitizens.length || !publicPlans.length
          ? [pick(publishedStories), null, null]
          : r < 0.8
            ? [null, pick(publicCitizens), null]
            : [null, null, pick(publicPlans)]
      ins.run(
        id,
        story,
        citizen,
        plan,
        withMessage ? 'すてきな取り組みですね！' : null,
        withMessage ? 'approved' : 'none',
        `bench-${i}`,
        t,
        t,
      )
    }
  })

  // Survey responses over the last 400 days.
  const svBase = maxId('survey_responses')
  tx(() => {
    const ins = db.prepare(
      `INSERT INTO survey_responses (id, answer, town, age_band, fiscal_year, answered_at, channel, updated_at, created_at) VALUES (?,?,?,?,?,?,?,?,?)`,
    )
    for (let i = 1; i <= n.surveyResponses; i++) {
      const d = new Date(nowMs - rand() * 400 * day)
      ins.run(
        svBase + i,
        String(1 + Math.floor(rand() * 5)),
        pick(TOWNS),
        pick(AGE_BANDS),
        fiscalYearOf(d),
        d.toISOString(),
        rand() < 0.7 ? 'web' : 'paper',
        d.toISOString(),
        d.toISOString(),
      )
    }
  })

  // The site search: each public document's entry and tokens (cms/db/search/sqlite.ts), built from the same
  // declarations as the index hook (cms/domain/searchable.ts); every document's hidden normalised searchText
  // (cms/fields/searchText.ts). Who is public mirrors cms/access/* (the bench writes rows, no access rules run).
  const searchStarted = performance.now()
  const rich = (v) => (v ? JSON.parse(v) : null)
  const sources = {
    stories: {
      sql: `SELECT id, title, slug, lead, body, connection_origin AS connectionOrigin, town, published_at AS publishedAt, updated_at AS updatedAt, _status = 'published' AS public FROM stories WHERE id > ${stBase}`,
      shape: (r) => ({ ...r, body: rich(r.body) }),
      versions: '_stories_v',
    },
    citizens: {
      sql: `SELECT id, display_name AS displayName, slug, town, district, interests, intro, activities, citizen_since AS citizenSince, updated_at AS updatedAt, (status = 'registered' AND consent_publication = 1) AS public FROM citizens WHERE id > ${citBase}`,
      shape: (r) => r,
    },
    plans: {
      sql: `SELECT id, title, description, town, proposer_nickname AS proposerNickname, lifecycle_published_at AS publishedAt, updated_at AS updatedAt, status IN ('published', 'in_progress', 'realised') AS public FROM plans WHERE id > ${plBase}`,
      shape: (r) => ({ ...r, lifecycle: { publishedAt: r.publishedAt } }),
    },
    events: {
      sql: `SELECT id, title, slug, summary, description, venue, town, starts_at AS startsAt, updated_at AS updatedAt, _status = 'published' AS public FROM events WHERE id > ${evBase}`,
      shape: (r) => ({ ...r, description: rich(r.description) }),
      versions: '_events_v',
    },
    organisations: {
      sql: `SELECT id, name, reading, slug, summary, district, town, created_at AS createdAt, updated_at AS updatedAt, published = 1 AS public FROM organisations WHERE id > ${orgBase}`,
      shape: (r) => r,
    },
  }
  let entryId = maxId('search_entries')
  let indexed = 0
  tx(() => {
    const entry = db.prepare(
      `INSERT INTO search_entries (id, doc_key, collection, doc_id, title, body, path, date, fts_rowid) VALUES (?,?,?,?,?,?,?,?,?)`,
    )
    const fts = db.prepare(`INSERT INTO search_entries_fts (rowid, title, body) VALUES (?,?,?)`)
    for (const [collection, source] of Object.entries(sources)) {
      const setText = db.prepare(`UPDATE ${collection} SET search_text = ? WHERE id = ?`)
      for (const row of db.prepare(source.sql).all()) {
        const e = SEARCHABLE[collection].entry(source.shape(row))
        setText.run(normaliseSearchText(`${e.title}\n${e.body}`), row.id)
        if (!row.public) continue
        entryId++
        indexed++
        const rowid = ftsRowid(e.date, entryId)
        entry.run(entryId, `${collection}:${row.id}`, collection, String(row.id), e.title, e.body, e.path, e.date, rowid)
        fts.run(rowid, indexTokens(e.title).join(' '), indexTokens(e.body).join(' '))
      }
      if (source.versions)
        db.exec(
          `UPDATE ${source.versions} SET version_search_text = (SELECT search_text FROM ${collection} WHERE ${collection}.id = ${source.versions}.parent_id) WHERE latest = 1`,
        )
    }
  })
  const searchIndexMs = Math.round(performance.now() - searchStarted)

  db.exec('PRAGMA synchronous = FULL; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)')
  db.close()
  return {
    counts: { ...n, searchEntries: indexed },
    ms: Math.round(performance.now() - started),
    searchIndexMs,
    storySlug: `bench-story-${publishedStories[Math.floor(publishedStories.length / 2)] - stBase}`,
    eventSlug: eventSlugs[0] ?? `bench-event-1`,
    storySlugs: publishedStories.map((id) => `bench-story-${id - stBase}`),
    cheerTargets: { stories: publishedStories, citizens: publicCitizens, plans: publicPlans },
  }
}

/** Cheers stored so far (read-only, safe next to the running servers: WAL). */
export function countCheers(file) {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return Number(db.prepare('SELECT count(*) AS c FROM cheers').get().c)
  } finally {
    db.close()
  }
}

/** The highest cheer id so far: cheers after it are the bench's own. */
export function maxCheerId(file) {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return Number(db.prepare('SELECT coalesce(max(id), 0) AS m FROM cheers').get().m)
  } finally {
    db.close()
  }
}

/** Cheers stored after `afterId`, counted per target ("stories:12" → n). */
export function cheersPerTarget(file, afterId) {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    const rows = db
      .prepare(
        `SELECT CASE WHEN story_id IS NOT NULL THEN 'stories:' || story_id WHEN citizen_id IS NOT NULL THEN 'citizens:' || citizen_id ELSE 'plans:' || plan_id END AS target, count(*) AS n
         FROM cheers WHERE id > ? GROUP BY target`,
      )
      .all(afterId)
    return new Map(rows.map((r) => [r.target, Number(r.n)]))
  } finally {
    db.close()
  }
}

/** Cheers stored for one story (read-only). */
export function cheersOfStory(file, storyId) {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return Number(db.prepare('SELECT count(*) AS n FROM cheers WHERE story_id = ?').get(storyId).n)
  } finally {
    db.close()
  }
}
