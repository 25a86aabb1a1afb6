/**
 * The "Clip to Gloss" bookmarklet: sends the page's current DOM, address, title and selection to the
 * app's local clip endpoint. It first tries `fetch` with a `text/plain` body (a CORS "simple" request, so
 * no preflight; the endpoint still answers one for Private Network Access). Pages whose
 * Content-Security-Policy forbids connecting to 127.0.0.1 make that fetch fail; it then falls back to a
 * form POST into a new tab, which `connect-src` does not govern, and the endpoint answers with a page.
 *
 * On a browser's PDF viewer tab it sends only the PDF's address (`kind: 'pdf'`, no page HTML: the viewer's
 * DOM is not the paper), and Gloss downloads the file itself. A PDF tab is one whose document has the
 * PDF's type (`document.contentType` is `application/pdf` in Chromium's viewer; Firefox's is untried) or whose
 * body holds nothing but one `<embed>`, `<object>` or `<iframe>` of a PDF (older Chromium viewers were built so,
 * and pages that only wrap a PDF); the embedded file's own http(s) address is sent when it has one.
 */

/**
 * The bookmarklet's test for a PDF tab, as script source: `pdfAddress(document, location)` gives the PDF's
 * address, or null for an ordinary page. Kept apart so a test can run the very same source in a browser.
 */
export const PDF_ADDRESS_SOURCE = `function pdfAddress(d,l){
var t=String(d.contentType||'').toLowerCase();
if(t==='application/pdf'||t==='application/x-pdf')return l.href;
var c=d.body&&d.body.children,k=[],i;
if(!c)return null;
for(i=0;i<c.length;i++)if(!/^(SCRIPT|STYLE|NOSCRIPT|LINK|META)$/.test(c[i].tagName))k.push(c[i]);
if(k.length!==1||!/^(EMBED|OBJECT|IFRAME)$/.test(k[0].tagName))return null;
var e=k[0],s=String(e.src||e.data||'');
if(!/pdf/i.test(String(e.type||''))&&!/\\.pdf([?#]|$)/i.test(s))return null;
return /^https?:/i.test(s)?s:l.href;
}`;

/** The `javascript:` URL for the endpoint on `port` with `token`. */
export function bookmarkletUrl(port: number, token: string): string {
  const endpoint = `http://127.0.0.1:${port}/clip`;
  const source = `(function(){
var E=${JSON.stringify(endpoint)},T=${JSON.stringify(token)};
${PDF_ADDRESS_SOURCE}
var P=pdfAddress(document,location);
var p=P?{token:T,url:P,kind:'pdf'}:{token:T,url:location.href,title:document.title,html:document.documentElement.outerHTML,selection:String(window.getSelection()||'')};
var b=JSON.stringify(p);
function say(m,w){var d=document.createElement('div');d.textContent=m;d.setAttribute('role','status');d.setAttribute('style','position:fixed;z-index:2147483647;top:16px;right:16px;max-width:420px;padding:10px 14px;background:#1d1c1a;color:#fff;font:14px/1.4 system-ui,sans-serif;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3)');(document.body||document.documentElement).appendChild(d);if(!w)setTimeout(function(){d.remove()},P?8000:4000);return d;}
function form(){var f=document.createElement('form');f.method='POST';f.action=E;f.target='_blank';f.acceptCharset='utf-8';var i=document.createElement('input');i.type='hidden';i.name='payload';i.value=b;f.appendChild(i);(document.body||document.documentElement).appendChild(f);f.submit();f.remove();}
var W=P&&say('Gloss is downloading the PDF…',1);
fetch(E,{method:'POST',headers:{'content-type':'text/plain;charset=utf-8'},body:b}).then(function(r){return r.json()}).then(function(j){if(W)W.remove();say(j.ok?j.message||'Clipped to Gloss: '+j.title:'Gloss: '+j.error)},function(){if(W)W.remove();form()});
})()`;
  return `javascript:${encodeURIComponent(source.replace(/\n/g, ''))}`;
}
