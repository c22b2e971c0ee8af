import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { I18nProvider, useI18n } from './i18n';
import { SessionProvider, useSession } from './session';
import { Loading } from './ui';
import { NotificationBell } from './components/NotificationBell';
import { PageChangesProvider } from './page-focus';
import { SiteFooter } from './components/SiteFooter';
import { AllianceSwitch } from './components/AllianceSwitch';
import { isLegalPath } from './messages-legal';
import { SignIn } from './pages/SignIn';
import { AcceptInvitation, ForgotPassword, ResetPassword, SecondFactorSetup } from './pages/Account';
import { AdminNavItem, isAdminPath } from './admin-nav';
import { IdleWatch } from './idle';
import { ConnectionNotice } from './resilience';

const Dashboard = lazy(() => import('./pages/Dashboard'));
const AlliancePage = lazy(() => import('./pages/Alliance'));
const Goals = lazy(() => import('./pages/Goals'));
const TaskBoard = lazy(() => import('./pages/TaskBoard'));
const TaskDetail = lazy(() => import('./pages/TaskDetail'));
const Meetings = lazy(() => import('./pages/Meetings'));
const MeetingRoom = lazy(() => import('./pages/MeetingRoom'));
const Cases = lazy(() => import('./pages/Cases'));
const CaseDetail = lazy(() => import('./pages/CaseDetail'));
const Outbox = lazy(() => import('./pages/Outbox'));
const Reports = lazy(() => import('./pages/Reports'));
const LegalPage = lazy(() => import('./pages/Legal'));
const Platform = lazy(() => import('./pages/admin/Platform'));
const AllianceAdmin = lazy(() => import('./pages/admin/AllianceAdmin'));
const MyAccount = lazy(() => import('./pages/admin/MyAccount'));
const Notifications = lazy(() => import('./pages/Notifications'));

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <PageChangesProvider>
            <Shell />
          </PageChangesProvider>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'de' ? 'en' : 'de';
  return (
    <button type="button" className="link-button" lang={other} onClick={() => setLang(other)}>
      {t('lang.switch')}
    </button>
  );
}

function Shell() {
  const session = useSession();
  const { t } = useI18n();
  const location = useLocation();

  if (session.status === 'restoring') {
    return (
      <main id="main" className="centered">
        <Loading />
      </main>
    );
  }
  if (session.status === 'signedOut' || session.status === 'enrolling') {
    // Signed out, any path keeps its URL: after signing in the user is back where they were.
    const page =
      session.status === 'enrolling' ? (
        <SecondFactorSetup />
      ) : location.pathname === '/einladung' ? (
        <AcceptInvitation />
      ) : location.pathname === '/passwort-neu' ? (
        <ResetPassword />
      ) : location.pathname === '/passwort-vergessen' ? (
        <ForgotPassword />
      ) : isLegalPath(location.pathname) ? (
        <Suspense fallback={<Loading />}>
          <LegalPage />
        </Suspense>
      ) : (
        <SignIn />
      );
    return (
      <>
        <header className="topbar">
          <span className="brand">{t('app.name')}</span>
          <LanguageSwitch />
        </header>
        <main id="main">{page}</main>
        <SiteFooter />
      </>
    );
  }

  const caseWorker = session.hasRole('CASE_WORKER');
  const membership = session.user?.memberships.find((m) => m.alliance.id === session.allianceId);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        {(session.user?.memberships.length ?? 0) > 1 ? (
          <AllianceSwitch />
        ) : (
          membership && <span className="alliance-name">{membership.alliance.name}</span>
        )}
        <span className="spacer" />
        <NotificationBell />
        <span className="user" data-testid="current-user">
          {session.user?.displayName}
        </span>
        <LanguageSwitch />
        <button type="button" className="link-button" onClick={() => void session.signOut()}>
          {t('nav.signOut')}
        </button>
      </header>
      <nav className="mainnav" aria-label={t('nav.label')}>
        <ul>
          <li>
            <NavLink to="/" end>
              {t('nav.dashboard')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/buendnis">{t('nav.alliance')}</NavLink>
          </li>
          <li>
            <NavLink to="/ziele">{t('nav.goals')}</NavLink>
          </li>
          <li>
            <NavLink to="/aufgaben">{t('nav.tasks')}</NavLink>
          </li>
          <li>
            <NavLink to="/sitzungen">{t('nav.meetings')}</NavLink>
          </li>
          <li>
            <NavLink to="/berichte">{t('nav.reports')}</NavLink>
          </li>
          {caseWorker && (
            <li>
              <NavLink to="/faelle">{t('nav.cases')}</NavLink>
            </li>
          )}
          {session.user?.platformAdmin && (
            <li>
              <NavLink to="/postausgang">{t('nav.outbox')}</NavLink>
            </li>
          )}
          <AdminNavItem />
          <li>
            <NavLink to="/konto">{t('nav.account')}</NavLink>
          </li>
        </ul>
      </nav>
      <IdleWatch />
      <ConnectionNotice />
      <main id="main" tabIndex={-1}>
        {isLegalPath(location.pathname) ? (
          <Suspense fallback={<Loading />} key={location.pathname}>
            <LegalPage />
          </Suspense>
        ) : location.pathname === '/postausgang' && session.user?.platformAdmin ? (
          <Suspense fallback={<Loading />}>
            <Outbox />
          </Suspense>
        ) : location.pathname === '/benachrichtigungen' ? (
          <Suspense fallback={<Loading />}>
            <Notifications />
          </Suspense>
        ) : isAdminPath(location.pathname) ? (
          <Suspense fallback={<Loading />} key={location.pathname}>
            <Routes>
              <Route path="/konto" element={<MyAccount />} />
              <Route
                path="/verwaltung"
                element={session.user?.platformAdmin ? <Platform /> : <Navigate to="/" replace />}
              />
              <Route path="/verwaltung/buendnisse/:id" element={<AllianceAdmin />} />
            </Routes>
          </Suspense>
        ) : !session.allianceId ? (
          <p className="empty">{t(session.user?.platformAdmin ? 'admin.noAllianceYet' : 'alliance.none')}</p>
        ) : (
          <Suspense fallback={<Loading />} key={`${session.allianceId}:${location.pathname}`}>
            <Routes>
              <Route path="/" element={<Dashboard />} />
              <Route path="/buendnis" element={<AlliancePage />} />
              <Route path="/ziele" element={<Goals />} />
              <Route path="/aufgaben" element={<TaskBoard />} />
              <Route path="/aufgaben/:id" element={<TaskDetail />} />
              <Route path="/sitzungen" element={<Meetings />} />
              <Route path="/sitzungen/:id" element={<MeetingRoom />} />
              <Route path="/faelle" element={<Cases />} />
              <Route path="/faelle/:id" element={<CaseDetail />} />
              <Route path="/berichte" element={<Reports />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
