import { NavLink } from 'react-router';
import { useQuery } from 'urql';
import { useI18n } from './i18n';
import { useSession } from './session';
import { AdminNavQuery } from './graphql/admin';

/** Administration screens and their addresses (outside the alliance-scoped routes). */
export function isAdminPath(path: string): boolean {
  return path === '/konto' || path === '/verwaltung' || path.startsWith('/verwaltung/');
}

/**
 * "Verwaltung" in the main navigation: the platform administrator's overview, or the current
 * alliance's administration when the API says the caller may administer something there.
 */
export function AdminNavItem() {
  const { t } = useI18n();
  const session = useSession();
  const platformAdmin = !!session.user?.platformAdmin;
  const [res] = useQuery({
    query: AdminNavQuery,
    variables: { id: session.allianceId ?? '' },
    pause: platformAdmin || !session.allianceId,
  });
  if (platformAdmin)
    return (
      <li>
        <NavLink to="/verwaltung">{t('nav.admin')}</NavLink>
      </li>
    );
  const p = res.data?.alliance?.viewerPermissions;
  if (!p || !(p.manageMembers || p.managePartners || p.updateSettings || p.setPublicRecord)) return null;
  return (
    <li>
      <NavLink to={`/verwaltung/buendnisse/${session.allianceId}`}>{t('nav.admin')}</NavLink>
    </li>
  );
}
