/** The largest scan accepted: 10 MB. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export type EvidenceMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export const EVIDENCE_EXTENSION: Record<EvidenceMediaType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PDF = Buffer.from('%PDF-', 'latin1');

/**
 * The type of a scan by its content (its magic bytes), never by its name or the type the browser
 * claimed: PDF (`%PDF-` at the start), PNG (the 8-byte signature followed by an IHDR chunk) or
 * JPEG (SOI followed by a marker); null for anything else.
 */
export function evidenceMediaType(bytes: Buffer): EvidenceMediaType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).equals(PDF)) return 'application/pdf';
  if (bytes.length >= 16 && bytes.subarray(0, 8).equals(PNG) && bytes.toString('latin1', 12, 16) === 'IHDR')
    return 'image/png';
  if (bytes.length >= 4 && bytes.subarray(0, 3).equals(JPEG) && bytes[3] >= 0xc0) return 'image/jpeg';
  return null;
}
