// The UI language: a tiny typed dictionary (en.ts, id.ts with the same keys), a zustand store that
// remembers the choice in localStorage (a preference, not personal data) and the useT() hook.
//
//   const t = useT();
//   t('progress.reading', { name: file.name })
//
// Outside React (notices set from callbacks): translate(key, params) with the current language.
import { create } from 'zustand';
import { en, type Dictionary, type MessageKey } from './en';
import { id } from './id';

export type { MessageKey } from './en';
export type Lang = 'en' | 'id';
export const LANGS: readonly Lang[] = ['en', 'id'];
export const DICTIONARIES: Record<Lang, Dictionary> = { en, id };

const STORAGE_KEY = 'kitas.lang';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

function isLang(v: unknown): v is Lang {
  return v === 'en' || v === 'id';
}

/** The remembered choice, else the browser's language (Indonesian if it asks for it), else English. */
export function initialLang(
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
  languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): Lang {
  const saved = storage?.getItem(STORAGE_KEY);
  if (isLang(saved)) return saved;
  return languages[0]?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (private mode policies)
  }
}

/** Fills {placeholders}; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

const translators = new Map<Lang, Translate>();

/** One stable function per language (safe in hook dependency lists). */
export function translator(lang: Lang): Translate {
  let t = translators.get(lang);
  if (!t) {
    const dict = DICTIONARIES[lang];
    t = (key, params) => format(dict[key] ?? en[key] ?? key, params);
    translators.set(lang, t);
  }
  return t;
}

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

export const useLang = create<LangState>((set) => ({
  lang: initialLang(),
  setLang: (lang) => {
    try {
      safeStorage()?.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered; still switched
    }
    set({ lang });
  },
}));

/** The translate function for the current language; re-renders the component on a switch. */
export function useT(): Translate {
  const lang = useLang((s) => s.lang);
  return translator(lang);
}

/** The current language's translation, for code outside components. */
export function translate(key: MessageKey, params?: Params): string {
  return translator(useLang.getState().lang)(key, params);
}

/** Keeps <html lang> in step with the choice (screen readers pick their voice from it). */
function syncDocumentLang(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
syncDocumentLang(useLang.getState().lang);
useLang.subscribe((s) => syncDocumentLang(s.lang));
