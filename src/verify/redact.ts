// Keeps a secret out of everything verify prints or writes. A store may echo the token in any value
// or error message, so every form the text may carry it in is replaced: as sent, as JSON writes it
// inside a string, as XML escapes it, as a URL encodes it, and as a JSON pointer escapes a name.
// Callers redact raw values before cutting them short, so that no prefix of the secret survives.
import { escapeXml } from './xml.js';

export type Redact = (text: string) => string;

export const noRedaction: Redact = (text) => text;

/** Replaces each form of `secret` with `[token]`; any non-empty secret, however short. */
export function redactor(secret: string): Redact {
  if (secret === '') return noRedaction;
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    escapeXml(secret),
    escapeXml(JSON.stringify(secret).slice(1, -1)),
    encodeURIComponent(secret),
    secret.replaceAll('~', '~0').replaceAll('/', '~1'),
  ];
  // Longest first, so that a longer form is not left half replaced by a shorter one inside it.
  const distinct = [...new Set(forms)].sort((a, b) => b.length - a.length);
  return (text) => distinct.reduce((redacted, form) => redacted.replaceAll(form, '[token]'), text);
}
