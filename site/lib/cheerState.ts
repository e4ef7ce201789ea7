import { actions, isInputError } from 'astro:actions'
import type { AstroGlobal } from 'astro'

import { refusalMessage } from './formState'
import { RETRY_AFTER_SECONDS } from './rateLimit'

/** The outcome of a no-JS cheer POST on a page that shows the cheer form. */
export function cheerState(Astro: AstroGlobal): { done: boolean; error?: string } {
  const result = Astro.getActionResult(actions.cheer)
  if (!result) return { done: false }
  if (!result.error) return { done: true }
  Astro.response.status = result.error.status ?? 400
  if (result.error.code === 'TOO_MANY_REQUESTS') Astro.response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  return { done: false, error: isInputError(result.error) ? 'メッセージは200文字以内で入力してください。' : refusalMessage(result.error) }
}
