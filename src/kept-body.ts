// The clients' fetch reads each answer's body itself, so that the attempt's timeout covers the
// body and a connection cut halfway through can be retried. The same Response object is handed on
// (status, headers and url intact, and far cheaper than building a new one); its read methods then
// serve what was already read, to openapi-fetch and to a user's middleware.
import type { ParseAs } from 'openapi-fetch';

export async function keepBody(response: Response, parseAs: ParseAs): Promise<void> {
  // A stream is the caller's to read (the attempt's timeout still bounds it), unless it is an error
  // answer: openapi-fetch reads those as text whatever parseAs says. An answer without a body (204,
  // 304) is left as it is: a Response with those statuses cannot be given even an empty body.
  if (response.body === null || (parseAs === 'stream' && response.ok)) return;
  // openapi-fetch reads error answers and JSON as text.
  if (parseAs === 'json' || parseAs === 'text' || !response.ok) {
    const text = await response.text();
    response.text = async () => text;
    response.json = async () => JSON.parse(text);
    response.clone = () => new Response(text, response);
    return;
  }
  const bytes = await response.arrayBuffer();
  response.clone = () => new Response(bytes.slice(0), response);
  response.arrayBuffer = async () => bytes.slice(0);
  // A copy's blob() takes its type from the Content-Type header, as the original's would.
  response.blob = () => response.clone().blob();
}
