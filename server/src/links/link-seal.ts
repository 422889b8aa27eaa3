// Seals a join token so the console can show its link again: AES-256-GCM under a key derived from the
// server's signalling secret. The database alone (a backup, a copy) cannot reveal a live link.
import crypto from 'node:crypto';

const INFO = 'sightline join-link seal v1';
const VERSION = 'v1';
// Fixed, so a truncated tag (GCM would otherwise take 4 bytes) is refused, not checked more weakly.
const TAG_BYTES = 16;

export interface LinkSeal {
  /** The token sealed for the join token row `tokenId` (bound to it, so a sealed value cannot move rows). */
  seal(token: string, tokenId: string): string;
  /** The token, or null when the sealed value was altered, moved to another row or sealed under another key. */
  open(sealed: string, tokenId: string): string | null;
}

export function createLinkSeal(secret: Buffer): LinkSeal {
  const key = Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32));
  return {
    seal(token, tokenId) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(tokenId, 'utf8'));
      const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
      return [VERSION, iv, body, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    open(sealed, tokenId) {
      const [version, iv, body, tag, ...rest] = sealed.split('.');
      if (version !== VERSION || !iv || !body || !tag || rest.length > 0) return null;
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(tokenId, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        // GCM refuses anything altered: a wrong or short tag, another key, another row.
        return null;
      }
    },
  };
}
