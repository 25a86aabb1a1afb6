/**
 * Which addresses the bookmarklet may make Gloss fetch. A PDF viewer tab sends only its address, and Gloss
 * downloads the file itself (no cookies). The page that sent it may be hostile (it can read the token), so
 * an address on this computer or a private network (router, NAS, intranet) is fetched only when the
 * bookmarklet ran on that same origin: a public page cannot make Gloss reach into the local network, and a
 * PDF open from the intranet can still be clipped. Every redirect is checked again.
 */
import { isPrivateHost } from '../clipper/privateAddress';

/**
 * A fetch check (`FetchOptions.refuse`) for a PDF address sent from a page of origin `origin` (the
 * request's `Origin` header, or null when it sent none).
 */
export function pdfAddressCheck(origin: string | null): (url: URL) => Promise<string | null> {
  return async (url) => {
    if (origin !== null && url.origin === origin) return null;
    if (!(await isPrivateHost(url))) return null;
    return `${url.host} is on this computer or a private network, and the bookmarklet did not run on a page from there, so Gloss does not fetch it.`;
  };
}
