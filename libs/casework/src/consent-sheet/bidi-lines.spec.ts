import { paragraphDirection, visualRuns, wrapLines } from './bidi-lines.js';

describe('bidi-lines: right-to-left lines for pdfkit', () => {
  it('keeps a Latin name and a date readable inside Arabic text, in the right places', () => {
    const line = 'أوافق على أن تنقل Stadt Krefeld البيانات من 29.11.2026.';
    const runs = visualRuns(line, 'rtl');
    // The sentence ends on the left: the final full stop first, then the date, Arabic, the name, Arabic.
    expect(runs.map((r) => r.rtl)).toEqual([true, false, true, false, true]);
    expect(runs[1].text).toBe('29.11.2026');
    expect(runs[3].text).toBe('Stadt Krefeld');
    // Arabic runs are handed over in logical order (fontkit shapes and reverses them).
    expect(runs[4].text).toBe('أوافق على أن تنقل ');
    expect(runs[2].text).toBe(' البيانات من ');
    expect(runs[0].text).toBe('.');
  });

  it('mirrors brackets in right-to-left runs and leaves left-to-right lines alone', () => {
    const runs = visualRuns('الهاتف (البريد)', 'rtl');
    expect(runs).toHaveLength(1);
    expect(runs[0].text).toBe('الهاتف )البريد(');
    expect(visualRuns('Name (Vorname)', 'ltr')).toEqual([
      { text: 'Name (Vorname)', rtl: false, logical: false },
    ]);
  });

  it("takes a paragraph's direction from its first letter, else the column's", () => {
    expect(paragraphDirection('Vermittlung in Arbeit.', 'rtl')).toBe('ltr');
    expect(paragraphDirection('• الاسم', 'ltr')).toBe('rtl');
    expect(paragraphDirection('01.12.2026 – 30.11.2027', 'rtl')).toBe('rtl');
  });

  it('wraps at spaces by width, a long word on its own line', () => {
    const measure = (s: string) => s.length;
    expect(wrapLines('aa bb cc dd', 5, measure)).toEqual(['aa bb', 'cc dd']);
    expect(wrapLines('aaaaaaaa b', 5, measure)).toEqual(['aaaaaaaa', 'b']);
    expect(wrapLines('', 5, measure)).toEqual(['']);
  });
});
