/** The dictionaries, and a context so deep components (keyboard, keypad) get the current language. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { KioskInfo, Language } from '../../preload/contract.js';
import { en, type Messages } from './en.js';
import { es } from './es.js';

export type { Messages };
export const dictionaries: Readonly<Record<Language, Messages>> = { en, es };

/**
 * A language's dictionary with the clinic's own words where its config gives them (the video-visit
 * text): the one place they are applied, for the screens and for audio guidance alike.
 */
export function messagesFor(lang: Language, info: Pick<KioskInfo, 'videoVisitText'> | null | undefined): Messages {
  const t = dictionaries[lang];
  const videoVisitText = info?.videoVisitText?.[lang];
  return videoVisitText ? { ...t, videoVisitText } : t;
}

/** Each language's own name, shown the same whatever language is active. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', es: 'Español' };

export const I18n = createContext<{ t: Messages; lang: Language }>({ t: en, lang: 'en' });
export const useI18n = () => useContext(I18n);
