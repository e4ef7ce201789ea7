/** What an e-mail address and a phone number look like when a resident types them (half- or full-width). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const PHONE_PATTERN = /^[0-9０-９+\-‐－() （）]{10,20}$/

export const EMAIL_MESSAGE = 'メールアドレスの形式が正しくありません（例: taro@example.jp）。'
export const PHONE_MESSAGE = '電話番号は数字とハイフンで入力してください（例: 0854-00-0000）。'
