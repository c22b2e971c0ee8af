import { evidenceMediaType } from './evidence-type.js';

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR', 'latin1'),
  Buffer.alloc(13),
]);

describe('evidenceMediaType: the scan type by content', () => {
  it('recognises PDF, PNG and JPEG by their magic bytes', () => {
    expect(evidenceMediaType(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'))).toBe('application/pdf');
    expect(evidenceMediaType(png)).toBe('image/png');
    expect(evidenceMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]))).toBe('image/jpeg');
    expect(evidenceMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0x43]))).toBe('image/jpeg');
  });

  it('refuses everything else, whatever it would be called', () => {
    for (const bytes of [
      Buffer.alloc(0),
      Buffer.from('%PD', 'latin1'),
      Buffer.from('<html><body>%PDF-</body></html>'),
      Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
      Buffer.from('PK\x03\x04 a .docx is a zip', 'latin1'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), // a PNG signature with nothing after it
      Buffer.from([0xff, 0xd8, 0x00, 0x00]),
      Buffer.from('MZ\x90\x00', 'latin1'),
    ])
      expect(evidenceMediaType(bytes)).toBeNull();
  });
});
