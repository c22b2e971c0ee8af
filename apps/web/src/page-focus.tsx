import {
  createContext,
  useContext,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { useLocation } from 'react-router';
import { useSession } from './session';

/**
 * Where keyboard focus goes when a page is shown.
 *
 * - On a page load (also one that restores a session, or a reload) the app leaves focus alone, so
 *   the first Tab reaches the skip link, as on any other web page.
 * - After a page change the user made within the app (another path, signing in, signing out) the
 *   new page's heading takes focus once, so screen readers announce the new page and the next Tab
 *   continues from the top of its content. A fragment link (the skip link's `#main`) is no page
 *   change.
 */
interface PageChanges {
  /** How many page changes the user made since the page loaded. */
  count: number;
  /** The change whose heading took focus last. */
  focused: { current: number };
}

const PageChangesContext = createContext<PageChanges>({ count: 0, focused: { current: 0 } });

export function PageChangesProvider({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const { pathname } = useLocation();
  const page = status === 'restoring' ? null : `${status}:${pathname}`;
  const [seen, setSeen] = useState<{ page: string | null; count: number }>({ page, count: 0 });
  // React's "adjust state while rendering" pattern: the first page after loading (or restoring)
  // is the load itself, every later one a change.
  if (page !== null && page !== seen.page)
    setSeen({ page, count: seen.page === null ? seen.count : seen.count + 1 });
  const focused = useRef(0);
  return (
    <PageChangesContext.Provider value={{ count: seen.count, focused }}>
      {children}
    </PageChangesContext.Provider>
  );
}

/**
 * Moves focus to `heading` once per page change. A layout effect, so focus has moved before the
 * heading is painted: nothing the user (or a test) does after seeing the page is overtaken by it.
 */
export function useHeadingFocus(heading: RefObject<HTMLElement | null>): void {
  const { count, focused } = useContext(PageChangesContext);
  useLayoutEffect(() => {
    if (count <= focused.current) return;
    focused.current = count;
    heading.current?.focus();
  }, [count, focused, heading]);
}
