import { bidiRuns } from './bidi-runs.js';

describe('bidiRuns (unit)', () => {
  it('keeps a left-to-right line in one run', () => {
    expect(bidiRuns('Derneği Şişli (Iğdır) – Иванова')).toEqual([
      { text: 'Derneği Şişli (Iğdır) – Иванова', rtl: false },
    ]);
  });

  it('puts an Arabic name with the space between its words in one right-to-left run', () => {
    expect(bidiRuns('• مركز الجالية العربية: anwesend')).toEqual([
      { text: '• ', rtl: false },
      { text: 'مركز الجالية العربية', rtl: true },
      { text: ': anwesend', rtl: false },
    ]);
  });

  it('handles a line that is all Hebrew, and an empty one', () => {
    expect(bidiRuns('שלום עולם')).toEqual([{ text: 'שלום עולם', rtl: true }]);
    expect(bidiRuns('')).toEqual([]);
  });
});
