import { type NextRequest, NextResponse } from 'next/server'

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT'])

/**
 * Two things before Payload sees a request:
 * - the admin speaks Japanese by default, whatever language the browser asks for: without Payload's own
 *   language cookie the request is treated as Japanese (choosing English in the account sets the cookie);
 * - a multipart body that cannot be parsed is refused here with a 400, where Payload 3.90's own parser
 *   would answer 500 ("Unexpected end of form").
 */
export async function proxy(request: NextRequest) {
  const type = request.headers.get('content-type') ?? ''
  if (WRITE_METHODS.has(request.method) && request.nextUrl.pathname.startsWith('/api/') && type.startsWith('multipart/form-data')) {
    try {
      await request.clone().formData()
    } catch {
      return NextResponse.json(
        { errors: [{ message: '送信された内容（multipart/form-data）を読み取れませんでした。形式を確認してください。' }] },
        { status: 400 },
      )
    }
  }
  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.set('accept-language', 'ja')
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
