// Makes a docs page load nothing from another origin. Redoc's inline bundle still points its
// sidebar attribution logo at cdn.redoc.ly (no Redoc or Redocly CLI option turns that off); this
// policy makes the browser refuse such loads before any request is sent, and Redoc simply hides
// the logo when it fails. Everything else the pages need is inline or on the page's own origin.
const policy = [
  "default-src 'none'",
  // Redoc is one inline <script>; styled-components writes inline <style> tags.
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
].join('; ');

const contentSecurityPolicy = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;

/** Inserts the policy first in <head>, before any script or style can run. */
export function withOfflinePolicy(html: string): string {
  if (!/<head>/i.test(html)) throw new Error('page has no <head> to put the Content-Security-Policy in');
  return html.replace(/<head>/i, `<head>\n  ${contentSecurityPolicy}`);
}
