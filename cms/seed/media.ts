import type { Payload } from 'payload'
import sharp from 'sharp'

// Demo images are drawn here as simple SVG illustrations (no photographs of real people or places),
// rendered to PNG with sharp and uploaded like any other image, so the usual sizes are generated.

export type MediaKey = 'sakura' | 'tatara' | 'furumai' | 'daidokoroLogo'

// `showsPeople: false` for a drawing of things or places only: it may then be a plan's or event's share image.
type SeedImage = { key: MediaKey; file: string; alt: string; credit: string; svg: string; showsPeople?: boolean }

const W = 1280
const H = 720

const blossoms = (y: number, count: number, seed: number): string =>
  Array.from({ length: count }, (_, i) => {
    const x = 40 + i * ((W - 80) / (count - 1))
    const r = 34 + ((i * 7 + seed) % 5) * 6
    const dy = ((i * 13 + seed) % 7) * 5
    return `<rect x="${x - 5}" y="${y + dy}" width="10" height="70" fill="#7a5638"/><circle cx="${x}" cy="${y + dy}" r="${r}" fill="#f7b6cc" opacity="0.92"/><circle cx="${x + r / 2}" cy="${y + dy - r / 3}" r="${r * 0.6}" fill="#fbd3e0"/>`
  }).join('')

const IMAGES: SeedImage[] = [
  {
    key: 'sakura',
    file: 'demo-hii-river-sakura.png',
    alt: '斐伊川の堤防に続く桜並木をイメージしたイラスト',
    credit: 'えすこポータル編集部（デモ用イラスト）',
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
      <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#cfe8f7"/><stop offset="1" stop-color="#f4f9fc"/></linearGradient></defs>
      <rect width="${W}" height="${H}" fill="url(#sky)"/>
      <path d="M0 470 Q 320 430 640 470 T 1280 460 L 1280 720 L 0 720 Z" fill="#8cc08a"/>
      <path d="M0 560 Q 320 520 640 560 T 1280 550 L 1280 650 Q 960 620 640 650 T 0 640 Z" fill="#5aa0d0"/>
      ${blossoms(360, 9, 3)}
    </svg>`,
  },
  {
    key: 'tatara',
    file: 'demo-tatara-sannai.png',
    alt: 'たたら製鉄の炉から火の粉が上がる様子をイメージしたイラスト',
    credit: 'えすこポータル編集部（デモ用イラスト）',
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
      <rect width="${W}" height="${H}" fill="#2b2522"/>
      <polygon points="240,720 640,200 1040,720" fill="#4a3a32"/>
      <rect x="470" y="470" width="340" height="250" fill="#6b4a36"/>
      <ellipse cx="640" cy="470" rx="170" ry="40" fill="#f08a24"/>
      <ellipse cx="640" cy="440" rx="110" ry="80" fill="#f6b73c" opacity="0.8"/>
      ${Array.from({ length: 24 }, (_, i) => `<circle cx="${520 + ((i * 37) % 240)}" cy="${120 + ((i * 53) % 280)}" r="${3 + (i % 4)}" fill="#ffd27a"/>`).join('')}
    </svg>`,
  },
  {
    key: 'furumai',
    file: 'demo-furumai-market.png',
    alt: 'ふるまい市のテントが並ぶ広場をイメージしたイラスト',
    credit: 'えすこポータル編集部（デモ用イラスト）',
    showsPeople: false,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
      <rect width="${W}" height="${H}" fill="#fdf3e1"/>
      <rect y="520" width="${W}" height="200" fill="#d9c7a3"/>
      ${['#e06b5a', '#f1b54a', '#5aa36b', '#4f86c6', '#c86bb0']
        .map(
          (c, i) =>
            `<polygon points="${80 + i * 240},330 ${180 + i * 240},250 ${280 + i * 240},330" fill="${c}"/><rect x="${95 + i * 240}" y="330" width="170" height="190" fill="#fffaf0" stroke="${c}" stroke-width="6"/>`,
        )
        .join('')}
    </svg>`,
  },
  {
    key: 'daidokoroLogo',
    file: 'demo-minna-no-daidokoro-logo.png',
    alt: 'みとや みんなの台所のロゴ（湯気の立つおわん）',
    credit: 'NPO法人 みとや みんなの台所（デモ用）',
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
      <circle cx="200" cy="200" r="190" fill="#fff4e0" stroke="#e08a3c" stroke-width="12"/>
      <path d="M90 210 H310 Q300 320 200 320 Q100 320 90 210 Z" fill="#e08a3c"/>
      <path d="M150 180 q-20 -30 0 -60 M200 180 q-20 -30 0 -60 M250 180 q-20 -30 0 -60" stroke="#b9b9b9" stroke-width="10" fill="none" stroke-linecap="round"/>
    </svg>`,
  },
]

export async function seedMedia(
  payload: Payload,
  write: { context: Record<string, unknown>; depth?: number },
): Promise<Record<MediaKey, number | string>> {
  const ids = {} as Record<MediaKey, number | string>
  for (const image of IMAGES) {
    const data = await sharp(Buffer.from(image.svg)).png().toBuffer()
    const doc = await payload.create({
      collection: 'media',
      data: { alt: image.alt, credit: image.credit, showsPeople: image.showsPeople ?? true },
      file: { data, mimetype: 'image/png', name: image.file, size: data.length },
      ...write,
    })
    ids[image.key] = doc.id
  }
  return ids
}
