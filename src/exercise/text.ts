/** Text a person reads in an exercise package: Chinese and English (one string serves both). */
import type { TextInput } from './schema.ts';

export interface Text {
  zh: string;
  en: string;
}

export type Lang = 'zh' | 'en';

/** A written text in both languages. */
export const text = (t: TextInput): Text => (typeof t === 'string' ? { zh: t, en: t } : { zh: t.zh, en: t.en });
