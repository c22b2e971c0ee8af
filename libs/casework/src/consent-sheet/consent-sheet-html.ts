import type { SheetCell, SheetContent, SheetSide } from './consent-sheet.content.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function attrs(side: SheetSide): string {
  return `lang="${esc(side.template.htmlLang)}" dir="${side.template.dir}"`;
}

function cell(side: SheetSide, c: SheetCell, heading: 'h1' | 'h2', extra = ''): string {
  const paragraphs = c.paragraphs.map((p) => `<p dir="auto">${esc(p)}</p>`).join('');
  return `<div class="cell" ${attrs(side)}><${heading}${extra}>${esc(c.label)}</${heading}>${paragraphs}</div>`;
}

const STYLE = `
  @page { size: A4; margin: 15mm; }
  * { box-sizing: border-box; }
  body { margin: 0; background: #fff; color: #111; font: 15px/1.5 "DejaVu Sans", "Noto Sans", "Noto Sans Arabic", Arial, sans-serif; }
  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
  .review { border: 1px solid #8a6d00; background: #fff8db; padding: .5rem .75rem; font-size: .85rem; }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; border-bottom: 1px solid #999; padding: .6rem 0; }
  h1 { font-size: 1.3rem; margin: 0 0 .4rem; }
  h2 { font-size: 1.05rem; margin: 0 0 .3rem; }
  h2.h1 { font-size: 1.3rem; }
  p { margin: 0 0 .3rem; }
  [dir="rtl"] { text-align: right; }
  .sig { border-top: 1px solid #000; margin-top: 2.6rem; padding-top: .2rem; display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; font-size: .85rem; }
  @media print { .review { display: none; } main { padding: 0; } }
`;

/**
 * The accessible view of the consent sheet: one section per topic, German and the client's
 * language side by side, each column marked with its language and direction, so a screen reader
 * reads each in its own voice and Arabic and Farsi run right to left.
 */
export function consentSheetHtml(content: SheetContent, title: string): string {
  const { german, client } = content;
  const rows = german.cells
    .map(
      (c, i) =>
        `<section class="row" aria-label="${esc(c.label)}">${cell(german, c, 'h2')}${cell(client, client.cells[i], 'h2')}</section>`,
    )
    .join('\n');
  const signatures = german.signatures.length
    ? `<section class="signatures" aria-label="${esc(german.template.signaturesLabel)}"><div class="row"><h2>${esc(german.template.signaturesLabel)}</h2><h2 ${attrs(client)}>${esc(client.template.signaturesLabel)}</h2></div>${german.signatures
        .map(
          (label, i) =>
            `<div class="sig"><p>${esc(label)}</p><p ${attrs(client)}>${esc(client.signatures[i])}</p></div>`,
        )
        .join('')}</section>`
    : '';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="review" ${attrs(client)}>${esc(client.template._review)}</p>
<section class="row" aria-label="${esc(german.title)}">${cell(german, { label: german.title, paragraphs: [german.intro] }, 'h1')}${cell(client, { label: client.title, paragraphs: [client.intro] }, 'h2', ' class="h1"')}</section>
${rows}
${signatures}
</main>
</body>
</html>
`;
}
