/**
 * Japanese for the few admin words Payload's own Japanese translation leaves in English (its `ja` has
 * "Untitled", "true", "<No …>", "Not Found"), merged over it by the config's `i18n.translations`.
 */
export const ADMIN_JA_OVERRIDES = {
  general: {
    // The title of a create form before its title field is filled (shown as 「[新規作成]」).
    untitled: '新規作成',
    // Checkbox columns and the list filter's choices.
    true: 'はい',
    false: 'いいえ',
    // A list cell of an empty relationship or text field.
    noLabel: '（未設定）',
    notFound: '見つかりません',
    nothingFound: '見つかりませんでした',
    thisLanguage: '日本語',
  },
  validation: {
    trueOrFalse: '「はい」または「いいえ」を選んでください。',
  },
} as const
