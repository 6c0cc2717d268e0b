// Makes a docs page load nothing from another origin. Redoc's inline bundle points its sidebar
// attribution ("API docs by" and a logo) at cdn.redoc.ly, which no Redoc or Redocly CLI option turns
// off: left so, the policy below refuses the load (an error in the browser console) and the badge
// reads "API docs by" and nothing. So the pages carry the name as an inline image of their own, and
// the policy makes the browser refuse anything else off the page's origin before it is sent.
// Everything else the pages need is inline or on the page's own origin.
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

/** Redoc's attribution logos (full, and the collapsed sidebar's mini) as it names them. */
const redoclyLogos = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': { width: 50, text: 'Redocly' },
  'https://cdn.redoc.ly/redoc/logo-mini.svg': { width: 12, text: 'R' },
};

/** The name as an SVG data URL: text, no font file, nothing to fetch. */
const wordmark = ({ width, text }: { width: number; text: string }) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="12" viewBox="0 0 ${width} 12">` +
      `<text x="${width / 2}" y="10" text-anchor="middle" font-family="system-ui, sans-serif" font-size="11" font-weight="600" fill="#1f2328">${text}</text></svg>`,
  )}`;

/** A Redoc page whose attribution badge names Redocly from the page itself, loading nothing. */
export function withInlineAttribution(html: string): string {
  return Object.entries(redoclyLogos).reduce((page, [url, logo]) => page.replaceAll(url, wordmark(logo)), html);
}
