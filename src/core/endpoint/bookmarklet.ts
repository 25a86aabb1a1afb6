/**
 * The "Clip to Gloss" bookmarklet: sends the page's current DOM, address, title and selection to the
 * app's local clip endpoint. It first tries `fetch` with a `text/plain` body (a CORS "simple" request, so
 * no preflight; the endpoint still answers one for Private Network Access). Pages whose
 * Content-Security-Policy forbids connecting to 127.0.0.1 make that fetch fail; it then falls back to a
 * form POST into a new tab, which `connect-src` does not govern, and the endpoint answers with a page.
 */

/** The `javascript:` URL for the endpoint on `port` with `token`. */
export function bookmarkletUrl(port: number, token: string): string {
  const endpoint = `http://127.0.0.1:${port}/clip`;
  const source = `(function(){
var E=${JSON.stringify(endpoint)},T=${JSON.stringify(token)};
var p={token:T,url:location.href,title:document.title,html:document.documentElement.outerHTML,selection:String(window.getSelection()||'')};
var b=JSON.stringify(p);
function say(m){var d=document.createElement('div');d.textContent=m;d.setAttribute('style','position:fixed;z-index:2147483647;top:16px;right:16px;padding:10px 14px;background:#1d1c1a;color:#fff;font:14px/1.4 system-ui,sans-serif;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3)');document.body.appendChild(d);setTimeout(function(){d.remove()},4000);}
function form(){var f=document.createElement('form');f.method='POST';f.action=E;f.target='_blank';f.acceptCharset='utf-8';var i=document.createElement('input');i.type='hidden';i.name='payload';i.value=b;f.appendChild(i);document.body.appendChild(f);f.submit();f.remove();}
fetch(E,{method:'POST',headers:{'content-type':'text/plain;charset=utf-8'},body:b}).then(function(r){return r.json()}).then(function(j){say(j.ok?j.message||'Clipped to Gloss: '+j.title:'Gloss: '+j.error)},form);
})()`;
  return `javascript:${encodeURIComponent(source.replace(/\n/g, ''))}`;
}
