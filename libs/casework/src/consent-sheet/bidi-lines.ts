import bidiJs from 'bidi-js';

// bidi-js is CommonJS typed as `export default`: Node hands over the factory itself.
const bidiFactory = (typeof bidiJs === 'function' ? bidiJs : bidiJs.default) as typeof bidiJs.default;
const bidi = bidiFactory();

/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo … and the presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/** A stretch of one line that is drawn in one go, left to right on the page. */
export interface VisualRun {
  /**
   * The characters in the order the font engine wants them: logical order for a run of a
   * right-to-left script (fontkit shapes it and reverses its glyphs itself), visual order otherwise.
   */
  text: string;
  /** Whether the run is right-to-left text (embedding level odd). */
  rtl: boolean;
  /** Whether `text` is in logical order (a right-to-left run of a right-to-left script). */
  logical: boolean;
}

/**
 * The runs of one logical line in visual order (left to right), after the Unicode Bidirectional
 * Algorithm (UAX #9, through bidi-js) with the paragraph's base direction. fontkit shapes Arabic
 * and reverses a right-to-left run by itself, but lays a whole string out in one direction chosen
 * from its first letter, so a name or number inside Arabic text came out backwards, and words of a
 * wrapped line in the wrong order. Mirrored characters (brackets) are swapped in right-to-left runs.
 */
export function visualRuns(line: string, direction: 'ltr' | 'rtl'): VisualRun[] {
  if (!line) return [];
  const levels = bidi.getEmbeddingLevels(line, direction);
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  const order = bidi.getReorderedIndices(line, levels);
  const runs: VisualRun[] = [];
  let group: number[] = [];
  const flush = () => {
    if (!group.length) return;
    const rtl = levels.levels[group[0]] % 2 === 1;
    const chars = group.map((i) => mirrored.get(i) ?? line[i]);
    const visual = chars.join('');
    // fontkit reverses a run whose first letter is of a right-to-left script: hand it logical order.
    const logical = rtl && RTL_LETTER.test(visual);
    runs.push({ text: logical ? [...chars].reverse().join('') : visual, rtl, logical });
    group = [];
  };
  for (const i of order) {
    const prev = group[group.length - 1];
    const sameLevel = prev !== undefined && levels.levels[prev] === levels.levels[i];
    if (!sameLevel) flush();
    group.push(i);
  }
  flush();
  return runs;
}

/**
 * A paragraph's own direction (UAX #9 P2–P3: its first strong letter), or `fallback` when it has
 * none: a German purpose or an e-mail address in the Arabic column stays left to right.
 */
export function paragraphDirection(text: string, fallback: 'ltr' | 'rtl'): 'ltr' | 'rtl' {
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return fallback;
}

/**
 * Breaks a paragraph into lines no wider than `width` (at spaces; a single longer word stands on
 * its own line), in logical order. Widths do not depend on the order of the words.
 */
export function wrapLines(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && measure(candidate) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}
