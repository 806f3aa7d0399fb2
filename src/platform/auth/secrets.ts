import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A random token with `bytes` of entropy, URL-safe. 32 bytes is 256 bits. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hmacHex(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The index key for an email address: a hash, so the global index holds no personal data. */
export function emailLookupHash(email: string): string {
  return sha256Hex(`email:${email.trim().toLowerCase()}`);
}

export function clientLookupHash(clientId: string): string {
  return sha256Hex(`client:${clientId}`);
}
