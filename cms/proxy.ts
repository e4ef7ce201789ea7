import { type NextRequest, NextResponse } from 'next/server'

/**
 * The admin speaks Japanese by default, whatever language the browser asks for: without Payload's own
 * language cookie the request is treated as Japanese. Choosing English in the account settings sets
 * that cookie and wins.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.set('accept-language', 'ja')
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
