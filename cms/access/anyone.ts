import type { Access } from 'payload'

/** Anyone, signed in or not: for documents that hold nothing personal (old and new page addresses). */
export const anyone: Access = () => true
