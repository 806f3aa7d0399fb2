import type { Language } from '../db/index.ts';

export const LANGUAGES: readonly Language[] = ['en', 'cy'];

/** A message catalogue: English keys, and Welsh for every one of them (checked by the compiler). */
export type Catalogue<K extends string = string> = { en: Record<K, string>; cy: Record<K, string> };

/**
 * Declares a catalogue so that a Welsh message missing for any English key is a type error.
 *
 * @example export const messages = defineMessages({ 'home.title': 'Home' }, { 'home.title': 'Hafan' });
 */
export function defineMessages<const E extends Record<string, string>>(en: E, cy: Record<keyof E, string>): Catalogue<Extract<keyof E, string>> {
  return { en, cy } as Catalogue<Extract<keyof E, string>>;
}

export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/**
 * Builds the `t` function for each language from every module's catalogue. A key nobody defines
 * is returned as it is, so plain-text messages (such as a schema library's defaults) pass through.
 */
export function createTranslator(catalogues: readonly Catalogue[]): (lang: Language) => Translate {
  const merged: Record<Language, Map<string, string>> = { en: new Map(), cy: new Map() };
  for (const c of catalogues) {
    for (const lang of LANGUAGES) {
      for (const [k, v] of Object.entries(c[lang])) {
        if (merged[lang].has(k)) throw new Error(`message ${k} is defined twice`);
        merged[lang].set(k, v);
      }
    }
  }
  const translators = Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      ((key, params) => {
        const text = merged[lang].get(key) ?? key;
        return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
      }) satisfies Translate,
    ]),
  ) as Record<Language, Translate>;
  return (lang) => translators[lang];
}

/**
 * A `t` for one kind of reader: a key with a `.<audience>` variant (`betterOff.form.age.staff`)
 * uses it, any other key its plain message. One set of questions, worded for whoever reads them.
 */
export function forAudience(t: Translate, audience: string): Translate {
  return (key, params) => {
    const variant = `${key}.${audience}`;
    const text = t(variant, params);
    return text === variant ? t(key, params) : text;
  };
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'cy';
}

/** A catalogue phrase made to start a sentence or a cell: its first letter in capitals. */
export const capitalise = (s: string): string => (s ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s);
