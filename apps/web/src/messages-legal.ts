/** Texts of the footer and the legal pages: [German, English]. */
export const LEGAL_MESSAGES: Record<string, [string, string]> = {
  'legal.footer': ['Rechtliches', 'Legal'],
  'legal.impressum': ['Impressum', 'Legal notice'],
  'legal.datenschutz': ['Datenschutz', 'Privacy'],
  'legal.barrierefreiheit': ['Barrierefreiheit', 'Accessibility'],
  'legal.template': [
    'Mustertext: Der Betreiber dieses Portals ersetzt ihn vor der Inbetriebnahme durch seinen eigenen (Einstellung LEGAL_DIR).',
    'Template text: the operator of this portal replaces it with their own before going live (setting LEGAL_DIR).',
  ],
  'legal.failed': [
    'Die Seite konnte nicht geladen werden. Bitte laden Sie die Seite neu; hilft das nicht, wenden Sie sich an den Betreiber.',
    'The page could not be loaded. Please reload it; if that does not help, contact the operator.',
  ],
  'legal.germanOnly': ['Diese Seite gibt es nur auf Deutsch.', 'This page is available in German only.'],
};

/** The legal pages' client paths: also the API's page names (GET /legal/:page). */
export const LEGAL_PATHS = ['/impressum', '/datenschutz', '/barrierefreiheit'] as const;

export function isLegalPath(path: string): boolean {
  return (LEGAL_PATHS as readonly string[]).includes(path);
}
