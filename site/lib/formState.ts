import { isInputError } from 'astro:actions'
import type { AstroGlobal } from 'astro'

import { RETRY_AFTER_SECONDS } from './rateLimit'

/**
 * Astro's own refusals (before our handler runs) carry English messages: a body over the size limit, a body
 * that is not a form, an unknown action. Residents get Japanese; our ActionErrors are Japanese already.
 */
const ASTRO_REFUSALS: Record<string, string> = {
  CONTENT_TOO_LARGE: '送信内容が大きすぎます。入力を短くするか、添付をはずしてから、もう一度送信してください。',
  UNSUPPORTED_MEDIA_TYPE: '送信内容を読み取れませんでした。ページを開き直してから、フォームからもう一度送信してください。',
  NOT_FOUND: '送信先のフォームが見つかりません。ページを開き直してから、もう一度送信してください。',
}

/** The message a resident sees for a refused submission that is not a per-field input error. */
export const refusalMessage = (error: { code: string; message: string }): string =>
  ASTRO_REFUSALS[error.code] && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(error.message) ? ASTRO_REFUSALS[error.code] : error.message

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
      formError = refusalMessage(result.error)
    }
    // Responses for a refused submission carry a 4xx, never 200 or 500.
    Astro.response.status = result.error.status ?? 400
    if (result.error.code === 'TOO_MANY_REQUESTS') Astro.response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  }
  return { values, fieldErrors, formError, succeeded: Boolean(result && !result.error) }
}
