import { Link } from 'react-router';
import { useI18n } from '../i18n';

/** On every page, signed in or not: the legal pages a German public body's portal must link. */
export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <nav aria-label={t('legal.footer')}>
        <ul>
          <li>
            <Link to="/impressum">{t('legal.impressum')}</Link>
          </li>
          <li>
            <Link to="/datenschutz">{t('legal.datenschutz')}</Link>
          </li>
          <li>
            <Link to="/barrierefreiheit">{t('legal.barrierefreiheit')}</Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
