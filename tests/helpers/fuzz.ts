// Seeded generators for hostile input: the same seed gives the same cases, so a failure reproduces
// (FUZZ_SEED=<n> picks another run). No dependency: a tiny mulberry32 PRNG.

export type Rng = {
  /** float in [0, 1) */
  next: () => number
  int: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
  chance: (p: number) => boolean
}

export function rng(seed: number): Rng {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return { next, int, pick: (items) => items[int(0, items.length - 1)], chance: (p) => next() < p }
}

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_240_601)

/** A form value: text, or raw bytes (sent as they are: malformed UTF-8 included). */
export type Value = string | Uint8Array

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0085\u2028\u2029\u200b\u200e\u202e\ufeff'
const HTML = [
  '<script>alert(1)</script>',
  '"><script>alert(document.cookie)</script>',
  "<img src=x onerror=alert('x')>",
  '<svg/onload=alert(1)>',
  'javascript:alert(1)',
  '</textarea><script>alert(1)</script>',
  '{{7*7}}${7*7}<%= 7*7 %>',
  "' OR 1=1 --",
  '"; DROP TABLE plans; --',
  '../../../../etc/passwd',
  '%00%0d%0aSet-Cookie: x=1',
  '[object Object]',
  '__proto__',
  'constructor',
]
const EMOJI = ['👏', '🧑‍🌾', '👨‍👩‍👧‍👦', '🇯🇵', '𠮷野家', '😀'.repeat(50), 'ｴｽｺ', '①②③', '\u{1F600}\u0301']
const NUMBERS = [
  '0',
  '-1',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '-0',
  '9'.repeat(400),
  '0x10',
  ' 3 ',
  '３',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
]
const MALFORMED_UTF8 = [
  [0xff],
  [0xc3, 0x28],
  [0xe2, 0x28, 0xa1],
  [0xed, 0xa0, 0x80], // a lone high surrogate, UTF-8 encoded
  [0xf0, 0x28, 0x8c, 0x28],
  [0xc0, 0xaf],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0x80, 0x80, 0x80],
  [0x00, 0x00],
]

/** One hostile value. */
export function hostileValue(r: Rng): Value {
  switch (r.int(0, 11)) {
    case 0:
      return 'あ'.repeat(r.pick([81, 201, 501, 2001, 5000, 100_000]))
    case 1:
      return Array.from({ length: r.int(1, 40) }, () => r.pick([...CONTROL])).join('')
    case 2:
      return `a\u0000b${r.chance(0.5) ? '\u0000'.repeat(r.int(1, 100)) : ''}`
    case 3:
      return r.pick(HTML)
    case 4: {
      const bytes = r.pick(MALFORMED_UTF8)
      return Uint8Array.from([0x61, ...bytes, 0x62])
    }
    case 5:
      return r.pick(EMOJI)
    case 6:
      return r.chance(0.5) ? '\ud800' : `x\udc00y` // lone surrogates (TextEncoder makes them U+FFFD)
    case 7:
      return r.pick(NUMBERS)
    case 8:
      return ''
    case 9:
      return ' '.repeat(r.int(1, 50)) + '\t\n\r'
    case 10:
      return 'x'.repeat(r.pick([1, 40, 41, 254, 255, 1000]))
    default:
      return `${r.pick(HTML)}${r.pick(EMOJI)}${r.pick([...CONTROL])}`
  }
}

const enc = new TextEncoder()
const bytesOf = (v: Value): Uint8Array => (typeof v === 'string' ? enc.encode(v) : v)

/** application/x-www-form-urlencoded, percent-encoding every byte (so malformed UTF-8 stays malformed). */
export function urlencoded(fields: [string, Value][]): Uint8Array {
  const part = (v: Value) =>
    Array.from(bytesOf(v), (b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`,
    ).join('')
  return enc.encode(fields.map(([k, v]) => `${part(k)}=${part(v)}`).join('&'))
}

/** multipart/form-data by hand (raw bytes kept); `file` marks fields sent as a file part. */
export function multipart(
  fields: [string, Value, { file?: boolean }?][],
  boundary = `----esukoFuzz${Math.random().toString(36).slice(2)}`,
): { body: Uint8Array; contentType: string } {
  const chunks: Uint8Array[] = []
  for (const [name, value, opts] of fields) {
    const disposition = opts?.file
      ? `form-data; name="${name}"; filename="x.bin"\r\nContent-Type: application/octet-stream`
      : `form-data; name="${name}"`
    chunks.push(enc.encode(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`), bytesOf(value), enc.encode('\r\n'))
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

export const histogram = (statuses: number[]): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1
  return out
}

/** Runs tasks with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let nextIndex = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (nextIndex < items.length) {
        const i = nextIndex++
        results[i] = await task(items[i], i)
      }
    }),
  )
  return results
}
