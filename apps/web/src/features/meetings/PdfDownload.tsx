import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export function PdfDownload({ meetingId, title }: { meetingId: string; title: string }) {
  const { t } = useI18n();
  const session = useSession();
  const [error, setError] = useState(false);
  const download = async () => {
    setError(false);
    const res = await fetch(`/meetings/${meetingId}/minutes.pdf`, {
      headers: { authorization: `Bearer ${session.accessToken()}` },
    });
    if (!res.ok) return setError(true);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${title.replace(/[^\p{L}\p{N}]+/gu, '-')}-Protokoll.pdf`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <button type="button" onClick={() => void download()}>
        {t('meetings.pdf')}
      </button>
      {error && (
        <span className="alert-inline" role="alert">
          {t('meetings.pdfFailed')}
        </span>
      )}
    </>
  );
}
