import config from '@payload-config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

/**
 * Payload's real REST and GraphQL handling without a server: the same route handlers the admin's Next.js
 * app mounts at /api/[...slug] and /api/graphql, given a fetch Request, on this test file's Payload.
 */
const handlers = { GET: REST_GET(config), POST: REST_POST(config), PATCH: REST_PATCH(config), DELETE: REST_DELETE(config) }
const graphqlHandler = GRAPHQL_POST(config)

export type ApiResponse = { status: number; text: string; json: any }

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** One REST call; `path` starts with /api/ and may carry a query string (use `qs` for nested keys). */
export async function rest(
  method: keyof typeof handlers,
  path: string,
  { token, body, form }: { token?: string; body?: unknown; form?: FormData } = {},
): Promise<ApiResponse> {
  const url = new URL(path, 'http://localhost')
  const headers = new Headers()
  if (token) headers.set('Authorization', `JWT ${token}`)
  let requestBody: BodyInit | undefined = form
  if (!form && body !== undefined) {
    headers.set('Content-Type', 'application/json')
    requestBody = JSON.stringify(body)
  }
  const slug = url.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .map(decodeURIComponent)
  const res = await handlers[method](new Request(url, { method, headers, body: requestBody }), { params: Promise.resolve({ slug }) })
  const text = await res.text()
  return { status: res.status, text, json: parse(text) }
}

/** One GraphQL operation. A handler that throws (e.g. a schema that cannot be built) counts as a 500. */
export async function graphql(
  query: string,
  { token, variables }: { token?: string; variables?: Record<string, unknown> } = {},
): Promise<ApiResponse> {
  const headers = new Headers({ 'Content-Type': 'application/json' })
  if (token) headers.set('Authorization', `JWT ${token}`)
  try {
    const res = await graphqlHandler(
      new Request('http://localhost/api/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) }),
    )
    const text = await res.text()
    return { status: res.status, text, json: parse(text) }
  } catch (error) {
    return { status: 500, text: String(error), json: undefined }
  }
}

/** Why GraphQL cannot answer at all (its schema failed to build), or undefined when it works. */
export async function graphqlUnavailable(): Promise<string | undefined> {
  const res = await graphql('{ __typename }')
  return res.status === 200 && res.json?.data?.__typename ? undefined : res.text.slice(0, 300)
}

type QueryValue = string | number | boolean | QueryObject | QueryValue[]
type QueryObject = { [key: string]: QueryValue }

/** Bracket-style query string, as Payload's REST API parses it: qs({ where: { a: { equals: 1 } } }). */
export function qs(params: QueryObject): string {
  const parts: string[] = []
  const walk = (prefix: string, value: QueryValue) => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}[${k}]` : k, v)
    } else {
      parts.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`)
    }
  }
  walk('', params)
  return parts.length ? `?${parts.join('&')}` : ''
}
