import { isInputError } from 'astro:actions'
import type { AstroGlobal } from 'astro'

import { RETRY_AFTER_SECONDS } from './rateLimit'

export type FormState = {
  values: Record<string, string>
  fieldErrors: Record<string, string>
  formError?: string
  succeeded: boolean
}

/**
 * What a form page needs after a plain (no-JS) POST: the resident's own input to put back, a message
 * per field from zod, or one message for the whole form (rate limit, full event, …).
 */
export async function formState(Astro: AstroGlobal, action: Parameters<AstroGlobal['getActionResult']>[0]): Promise<FormState> {
  const result = Astro.getActionResult(action)
  const values: Record<string, string> = {}
  if (result?.error && Astro.request.method === 'POST') {
    try {
      const data = await Astro.request.clone().formData()
      for (const [k, v] of data) if (typeof v === 'string' && !['_t', 'website'].includes(k)) values[k] = v
    } catch {
      // The body may already be consumed; the resident then sees the errors with empty fields.
    }
  }
  const fieldErrors: Record<string, string> = {}
  let formError: string | undefined
  if (result?.error) {
    if (isInputError(result.error)) {
      for (const [field, messages] of Object.entries(result.error.fields)) if (messages?.length) fieldErrors[field] = messages[0]
      if (!Object.keys(fieldErrors).length) formError = '入力内容を確認してください。'
    } else {
      formError = result.error.message
    }
    // Responses for a refused submission carry a 4xx, never 200 or 500.
    Astro.response.status = result.error.status ?? 400
    if (result.error.code === 'TOO_MANY_REQUESTS') Astro.response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  }
  return { values, fieldErrors, formError, succeeded: Boolean(result && !result.error) }
}
