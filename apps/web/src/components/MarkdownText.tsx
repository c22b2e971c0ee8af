import { useMemo } from 'react';
import { marked } from 'marked';
import DOMPurify from 'dompurify';

/** Markdown as safe HTML: marked renders, DOMPurify keeps only harmless elements and attributes. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'img', 'iframe'],
    FORBID_ATTR: ['style'],
  });
}

/**
 * Minutes (or any user's Markdown) shown as formatted text. Headings start one level below the
 * page's sections, so the page's outline stays intact.
 */
export function MarkdownText({
  text,
  className,
  testId,
}: {
  text: string;
  className?: string;
  testId?: string;
}) {
  const html = useMemo(() => renderMarkdown(demoteHeadings(text)), [text]);
  return (
    <div
      className={`minutes-md${className ? ` ${className}` : ''}`}
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** "# X" becomes "### X" (and so on, at most h6): the page has its h1 and the section's h2. */
function demoteHeadings(text: string): string {
  return text.replace(/^(#{1,6})(?=\s)/gm, (h) => '#'.repeat(Math.min(6, h.length + 2)));
}
