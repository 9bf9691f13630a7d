/** The dictionaries, and a context so deep components (keyboard, keypad) get the current language. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language } from '../../preload/contract.js';
import { en, type Messages } from './en.js';
import { es } from './es.js';

export type { Messages };
export const dictionaries: Readonly<Record<Language, Messages>> = { en, es };

/** Each language's own name, shown the same whatever language is active. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', es: 'Español' };

export const I18n = createContext<{ t: Messages; lang: Language }>({ t: en, lang: 'en' });
export const useI18n = () => useContext(I18n);
