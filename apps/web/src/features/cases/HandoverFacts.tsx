import { useI18n } from '../../i18n';
import type { CaseT } from './case';

type H = CaseT['handovers'][number];

/**
 * What each side needs to know of a handover: the legal basis it rests on (when not a consent),
 * whom to contact at the sending organisation, who completed it with which outcome, and — once
 * access ended — why and since when.
 */
export function HandoverFacts({ h, sender }: { h: H; sender: boolean }) {
  const { t, fmtDateTime } = useI18n();
  const by = h.requestedBy;
  return (
    <>
      {h.legalBasis && (
        <p data-testid="handover-basis">
          {t('caseRules.restsOn', { citation: h.legalBasis.citation })}
          {h.consent.status === 'ACTIVE' || h.consent.status === 'WITHDRAWN' || h.consent.status === 'EXPIRED'
            ? ''
            : ` · ${t(`enum.ConsentStatus.${h.consent.status}`)}`}
        </p>
      )}
      {!sender && (
        <p data-testid="handover-contact">
          {t('caseRules.contact', {
            name: by.displayName,
            org: by.organisation.name,
          })}
          {' · '}
          <a href={`mailto:${by.email}`}>{by.email}</a>
          {by.phone && (
            <>
              {' · '}
              <a href={`tel:${by.phone.replace(/[^+0-9]/g, '')}`}>{by.phone}</a>
            </>
          )}
        </p>
      )}
      {h.status === 'COMPLETED' && h.completedBy && (
        <p>
          {t('caseRules.completedBy', {
            name: h.completedBy.displayName,
            when: h.completedAt ? fmtDateTime(h.completedAt) : '–',
          })}
        </p>
      )}
      <p data-testid="handover-access">
        {h.accessActive
          ? t('cases.accessActive')
          : h.accessEndReason && h.accessEndedAt
            ? t('caseRules.accessEnded', {
                why: t(`enum.HandoverAccessEnd.${h.accessEndReason}`),
                when: fmtDateTime(h.accessEndedAt),
              })
            : t('cases.accessInactive')}
      </p>
      {h.accessEndReason === 'CONSENT_WITHDRAWN' && h.consent.withdrawalNote && (
        <p>
          {t('caseRules.withdrawalNote')}: {h.consent.withdrawalNote}
        </p>
      )}
      {h.cancelReason && (
        <p>
          {t('caseRules.cancelReason')}: {h.cancelReason}
        </p>
      )}
    </>
  );
}
