import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { CaseworkPermissionsQuery } from '../../graphql/ops';

/**
 * Shows opening a case only to those the API would let open one (`caseworkPermissions`, the rule
 * openCase itself checks); everyone else, e.g. a member who typed /faelle, reads who may instead.
 */
export function IfMayOpenCase({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [res] = useQuery({ query: CaseworkPermissionsQuery });
  if (!res.data) return null;
  if (!res.data.caseworkPermissions.openCase)
    return (
      <p className="muted" data-testid="open-case-not-allowed">
        {t('cases.openNotAllowed')}
      </p>
    );
  return <>{children}</>;
}
