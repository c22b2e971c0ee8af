import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { fileNameOf, saveAs } from './download';

const MAX_BYTES = 10 * 1024 * 1024;
const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

interface EvidenceFacts {
  mediaType: string;
  byteSize: number;
  uploadedAt: string;
  uploadedBy: { displayName: string };
}

/** The API's refusal as the sentence that says how to put it right. */
function refusalKey(body: { code?: string; fields?: { message?: string }[] } | null): string {
  const message = body?.fields?.[0]?.message ?? '';
  if (/10 MB/.test(message)) return 'consentPaper.tooLarge';
  if (/PDF, JPEG or PNG/.test(message)) return 'consentPaper.wrongType';
  if (/is required/.test(message)) return 'consentPaper.chooseFile';
  if (body?.code === 'CONFLICT') return 'consentPaper.erased';
  return 'consentPaper.uploadFailed';
}

/** The signed scan of a consent: what is stored, its download, and the upload (checked by the API by content). */
export function ConsentEvidence({
  base,
  consentId,
  evidence,
  canUpload,
  uploaded,
}: {
  base: string;
  consentId: string;
  evidence: EvidenceFacts | null;
  canUpload: boolean;
  uploaded(): void;
}) {
  const { t, fmtDateTime } = useI18n();
  const session = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const auth = { authorization: `Bearer ${session.accessToken()}` };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (!file) return setProblem('consentPaper.chooseFile');
    if (file.size > MAX_BYTES) return setProblem('consentPaper.tooLarge');
    setProblem(null);
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file);
      const res = await fetch(`${base}/evidence`, { method: 'POST', headers: auth, body });
      if (!res.ok) return setProblem(refusalKey(await res.json().catch(() => null)));
      setDone(true);
      uploaded();
    } catch {
      setProblem('consentPaper.uploadFailed');
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    const res = await fetch(`${base}/evidence`, { headers: auth });
    if (res.ok) saveAs(await res.blob(), fileNameOf(res, 'einwilligung'));
  };
  const id = `evidence-file-${consentId}`;
  return (
    <div className="evidence" data-testid="consent-evidence">
      <h3>{t('consentPaper.evidence')}</h3>
      {evidence ? (
        <p>
          {t('consentPaper.evidenceFacts', {
            type: TYPE_NAMES[evidence.mediaType] ?? evidence.mediaType,
            size: `${Math.max(1, Math.round(evidence.byteSize / 1024))} kB`,
            when: fmtDateTime(evidence.uploadedAt),
            who: evidence.uploadedBy.displayName,
          })}{' '}
          <button type="button" onClick={() => void download()}>
            {t('consentPaper.download')}
          </button>
        </p>
      ) : (
        <p className="empty">{t('consentPaper.noEvidence')}</p>
      )}
      {canUpload && (
        <form className="form inline" onSubmit={(e) => void submit(e)} noValidate>
          <label htmlFor={id}>{t('consentPaper.file')}</label>
          <input
            id={id}
            type="file"
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <button type="submit" disabled={busy}>
            {t(evidence ? 'consentPaper.replace' : 'consentPaper.upload')}
          </button>
          {problem && (
            <p className="alert-inline" role="alert" id={`${id}-problem`}>
              {t(problem)}
            </p>
          )}
          {done && (
            <p className="status" role="status">
              {t('consentPaper.uploaded')}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
