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
  // Payload's SEO plugin (cms/plugins/seo.ts): its Japanese says a length "must be" within a range and calls an empty
  // field "不足", but every SEO field is optional (the page's own title, lead and image are used instead).
  'plugin-seo': {
    almostThere: 'もう少し',
    autoGenerate: '自動で入力',
    bestPractices: 'Google の解説',
    characterCount: '{{current}}/{{minLength}}〜{{maxLength}}文字、',
    charactersLeftOver: 'あと{{characters}}文字入ります',
    charactersToGo: 'あと{{characters}}文字でおすすめの長さです',
    charactersTooMany: '{{characters}}文字多すぎます',
    checksPassing: '{{current}}/{{max}}項目がおすすめどおりです',
    good: 'ちょうどよい',
    imageAutoGenerationTip: '「自動で入力」はメイン画像を選びます。',
    lengthTipDescription:
      '検索結果や共有で途切れずに表示されるのは、およそ{{minLength}}〜{{maxLength}}文字です。空欄なら、ページのリード文・概要が使われます。参考: ',
    lengthTipTitle:
      '検索結果や共有で途切れずに表示されるのは、およそ{{minLength}}〜{{maxLength}}文字です。空欄なら、ページのタイトルが使われます。参考: ',
    missing: '未入力（標準の表示）',
    noImage: '画像なし（標準の画像）',
    preview: '検索結果での見え方',
    previewDescription: '実際の表示は、内容や検索された言葉によって変わります。',
    tooLong: '長すぎます',
    tooShort: '短め',
  },
} as const
