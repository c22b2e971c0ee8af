import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../../core/src/index.js';

interface Key {
  id: string;
  encryption: Buffer;
  blindIndex: Buffer;
  duplicateIndex: Buffer;
}

export interface Sealed {
  keyId: string;
  nonce: Buffer;
  /** AES-256-GCM ciphertext followed by its 16-byte tag. */
  ciphertext: Buffer;
}

function derive(secret: string): Key {
  const material = Buffer.from(secret, 'utf8');
  const encryption = Buffer.from(hkdfSync('sha256', material, 'buendnisportal', 'case-data/aes-256-gcm', 32));
  const blindIndex = Buffer.from(
    hkdfSync('sha256', material, 'buendnisportal', 'case-data/family-name-index', 32),
  );
  const duplicateIndex = Buffer.from(
    hkdfSync('sha256', material, 'buendnisportal', 'case-data/duplicate-index', 32),
  );
  // The key id names the key without revealing it (a hash of a derived value, not of the secret).
  const id = createHmac(
    'sha256',
    Buffer.from(hkdfSync('sha256', material, 'buendnisportal', 'case-data/key-id', 32)),
  )
    .update('key-id')
    .digest('hex')
    .slice(0, 16);
  return { id, encryption, blindIndex, duplicateIndex };
}

/** Family names match case-, accent- and punctuation-insensitively: "Müller-Lüdenscheidt" = "MULLER LUDENSCHEIDT". */
export function normaliseFamilyName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[\s\-‐‑–—'’`´.]+/g, ' ')
    .trim();
}

/**
 * Encryption at rest of case data: AES-256-GCM with a key derived from CASE_DATA_KEY, every row
 * naming its key's id so that keys can rotate (CASE_DATA_PREVIOUS_KEYS still decrypt). The
 * additional authenticated data binds a ciphertext to its case and category, so rows cannot be
 * swapped between cases.
 */
@Injectable()
export class CaseCrypto {
  private readonly current: Key;
  private readonly keys = new Map<string, Key>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.current = derive(config.caseDataKey);
    this.keys.set(this.current.id, this.current);
    for (const previous of config.caseDataPreviousKeys ?? []) {
      const k = derive(previous);
      if (!this.keys.has(k.id)) this.keys.set(k.id, k);
    }
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  seal(caseId: string, category: string, value: unknown): Sealed {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.encryption, nonce);
    cipher.setAAD(Buffer.from(`${caseId}:${category}`, 'utf8'));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return { keyId: this.current.id, nonce, ciphertext: Buffer.concat([body, cipher.getAuthTag()]) };
  }

  open<T>(caseId: string, category: string, sealed: Sealed): T {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new Error(`case data key ${sealed.keyId} is not configured`);
    const tag = sealed.ciphertext.subarray(sealed.ciphertext.length - 16);
    const body = sealed.ciphertext.subarray(0, sealed.ciphertext.length - 16);
    const decipher = createDecipheriv('aes-256-gcm', key.encryption, sealed.nonce);
    decipher.setAAD(Buffer.from(`${caseId}:${category}`, 'utf8'));
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T;
  }

  /** Bytes (a file) sealed like case data; the AAD binds them to their case and `label`. */
  sealBytes(caseId: string, label: string, bytes: Buffer): Sealed {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.encryption, nonce);
    cipher.setAAD(Buffer.from(`${caseId}:${label}`, 'utf8'));
    const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
    return { keyId: this.current.id, nonce, ciphertext: Buffer.concat([body, cipher.getAuthTag()]) };
  }

  openBytes(caseId: string, label: string, sealed: Sealed): Buffer {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new Error(`case data key ${sealed.keyId} is not configured`);
    const tag = sealed.ciphertext.subarray(sealed.ciphertext.length - 16);
    const body = sealed.ciphertext.subarray(0, sealed.ciphertext.length - 16);
    const decipher = createDecipheriv('aes-256-gcm', key.encryption, sealed.nonce);
    decipher.setAAD(Buffer.from(`${caseId}:${label}`, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  }

  /** The keyed blind index written with the current key. */
  familyNameIndex(familyName: string): string {
    return this.blindIndex(this.current, familyName);
  }

  /** The blind indexes of a name under every configured key, for search across a rotation. */
  familyNameIndexes(familyName: string): string[] {
    return [...this.keys.values()].map((k) => this.blindIndex(k, familyName));
  }

  /**
   * The duplicate check's keyed blind index: an HMAC (its own derived key) of the normalised family
   * name and the date of birth, under every configured key; none without a date of birth.
   */
  duplicateIndexes(familyName: string, dateOfBirth: string | null | undefined): string[] {
    // Also the Turkish dotless ı, which NFKD keeps: "YILMAZ" and "Yılmaz" are one person.
    const name = normaliseFamilyName(familyName).replace(/ı/g, 'i');
    if (!dateOfBirth || !name) return [];
    return [this.current, ...[...this.keys.values()].filter((k) => k !== this.current)].map((k) =>
      createHmac('sha256', k.duplicateIndex).update(`${name}\u0000${dateOfBirth}`).digest('hex'),
    );
  }

  private blindIndex(key: Key, familyName: string): string {
    return createHmac('sha256', key.blindIndex).update(normaliseFamilyName(familyName)).digest('hex');
  }
}
