import './lang-switch.css';
import { LANGS, useLang, useT } from './index';

/** A labelled select: keyboard- and screen-reader-friendly, each language named in itself. */
export function LanguageSwitch() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const setLang = useLang((s) => s.setLang);
  return (
    <label className="lang-switch">
      <span>{t('lang.label')}</span>
      <select
        value={lang}
        data-testid="lang"
        onChange={(e) => setLang(e.currentTarget.value === 'id' ? 'id' : 'en')}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
