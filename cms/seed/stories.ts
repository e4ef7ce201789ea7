import { richText } from './richText'

// A resident's nomination, as the site's form would store it: origin 住民, review status 受付, saved as a
// draft (never public until an editor publishes it), with the submitter's private contact.
export const RESIDENT_STORY = {
  title: '毎朝「おはよう」と声をかけてくれる、となりの木次のおばあちゃん',
  slug: 'resident-kisuki-ohayou',
  lead: '通学路の角で、毎朝子どもたちに声をかけてくれるおばあちゃんを紹介したくて投稿しました。',
  body: richText(
    '小学生の子どもが、毎朝「角のおばあちゃんにおはようって言われた」とうれしそうに話します。',
    '雨の日には傘の入れ方まで見てくれて、登校班の子どもたちはみんな顔を覚えています。',
    'こういう人こそ「えすこ市民」だと思い、推薦します。ご本人には、まだ話していません。',
  ),
  connectionOrigin: '登校班の見守りで、毎朝同じ角に立っていたこと。',
  town: '木次町' as const,
  themes: ['kids', 'elderly'] as ('kids' | 'elderly')[],
  submission: { nickname: '登校班の母', email: 'touhan-haha@example.jp', phone: '090-0000-6001' },
  /** Days before `now` the nomination arrived. */
  daysAgo: 2,
}
