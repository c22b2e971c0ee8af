import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { fileNameOf, saveAs } from './download';

/** Prints the consent sheet: German beside the chosen language, as PDF or as the accessible view. */
export function ConsentSheetPrint({
  base,
  consentId,
  languages,
}: {
  base: string;
  consentId: string;
  languages: { code: string; name: string; germanName: string }[];
}) {
  const { t } = useI18n();
  const session = useSession();
  const [lang, setLang] = useState(languages[0].code);
  const [failed, setFailed] = useState(false);
  const auth = { authorization: `Bearer ${session.accessToken()}` };

  const pdf = async () => {
    setFailed(false);
    const res = await fetch(`${base}/sheet.pdf?lang=${encodeURIComponent(lang)}`, { headers: auth });
    if (!res.ok) return setFailed(true);
    saveAs(await res.blob(), fileNameOf(res, `einwilligung-${lang}.pdf`));
  };
  const html = async () => {
    setFailed(false);
    // Opened within the click, filled when the sheet has arrived (a later window.open would be blocked).
    const view = window.open('', '_blank');
    const res = await fetch(`${base}/sheet.html?lang=${encodeURIComponent(lang)}`, { headers: auth });
    if (!res.ok || !view) {
      view?.close();
      return setFailed(true);
    }
    view.location.href = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html' }));
  };
  const id = `sheet-lang-${consentId}`;
  return (
    <div className="form inline" role="group" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('consentPaper.sheet')}</h3>
      <label htmlFor={id}>{t('consentPaper.language')}</label>
      <select id={id} value={lang} onChange={(e) => setLang(e.target.value)}>
        {languages.map((l) => (
          <option key={l.code} value={l.code}>
            {l.germanName} – {l.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void pdf()}>
        {t('consentPaper.pdf')}
      </button>
      <button type="button" onClick={() => void html()}>
        {t('consentPaper.html')}
      </button>
      <p className="hint">{t('consentPaper.reviewNote')}</p>
      {failed && (
        <p className="alert-inline" role="alert">
          {t('consentPaper.sheetFailed')}
        </p>
      )}
    </div>
  );
}
