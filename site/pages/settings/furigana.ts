import type { APIRoute } from 'astro'

import { backPath, setFuriganaShown } from '../../lib/furigana'

// 「ふりがなを隠す／表示」 in the footer: a plain GET form, so it works without JavaScript.
export const GET: APIRoute = ({ url, cookies, redirect }) => {
  setFuriganaShown(cookies, url.searchParams.get('show') !== '0', url.protocol === 'https:')
  const response = redirect(backPath(url.searchParams.get('back')), 303)
  response.headers.set('Cache-Control', 'no-store')
  return response
}
