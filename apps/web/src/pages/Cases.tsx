import { useState } from 'react';
import { useI18n } from '../i18n';
import { PageTitle } from '../ui';
import { Inbox } from '../features/cases/Inbox';
import { CaseList } from '../features/cases/CaseList';
import { OpenCase } from '../features/cases/OpenCase';
import { IfMayOpenCase } from '../features/cases/CaseworkGate';

export default function Cases() {
  const { t } = useI18n();
  // An accepted handover adds a received case: the lists load again.
  const [version, setVersion] = useState(0);
  return (
    <>
      <PageTitle title={t('cases.title')}>{t('cases.title')}</PageTitle>
      <Inbox onChange={() => setVersion((v) => v + 1)} />
      <CaseList handedOver={false} title={t('cases.own')} id="own-cases" />
      <CaseList key={version} handedOver={true} title={t('cases.received')} id="received-cases" />
      <IfMayOpenCase>
        <OpenCase />
      </IfMayOpenCase>
    </>
  );
}
