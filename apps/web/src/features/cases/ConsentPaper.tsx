import { useQuery } from 'urql';
import { ConsentPaperQuery } from '../../graphql/consent-paper';
import { ConsentEvidence } from './ConsentEvidence';
import { ConsentSheetPrint } from './ConsentSheetPrint';

/**
 * The paper side of one consent (its owner's case workers only): print the consent sheet in German
 * beside the client's language (PDF or the accessible HTML view), and keep the signed scan.
 */
export function ConsentPaper({
  caseId,
  consentId,
  canUpload,
}: {
  caseId: string;
  consentId: string;
  canUpload: boolean;
}) {
  const [res, refetch] = useQuery({ query: ConsentPaperQuery, variables: { id: caseId } });
  const k = res.data?.case?.consents.find((x) => x.id === consentId);
  if (!k || k.sheetLanguages.length === 0) return null;
  const base = `/cases/${caseId}/consents/${consentId}`;
  return (
    <div className="consent-paper">
      <ConsentSheetPrint base={base} consentId={consentId} languages={k.sheetLanguages} />
      <ConsentEvidence
        base={base}
        consentId={consentId}
        evidence={k.evidence ?? null}
        canUpload={canUpload}
        uploaded={() => refetch({ requestPolicy: 'network-only' })}
      />
    </div>
  );
}
