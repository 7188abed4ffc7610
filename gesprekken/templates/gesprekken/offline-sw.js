/* Keukentafel's service worker: a visit prepared for offline use opens without a connection.
 *
 * Scope /meldingen/ (registered by gesprekken/static/gesprekken/offline.js). It keeps nothing by
 * itself: only what the page put in the cache "keukentafel-bezoeken" when the consulent chose
 * "Klaarzetten voor offline" (that onderzoek page, its scripts, styles and icon), each copy
 * with the header X-Offline-Tot (until when it may be used; gesprekken/offline.py decides).
 *
 * - A page that was prepared (HTML): from the network while there is a connection (and its copy
 *   is refreshed with that answer), from the copy without one.
 * - A script or style that was prepared: from the copy (their names change with their content).
 * - Everything else, and every POST (autosave keeps its own copy in localStorage, onderzoek.js):
 *   the network, as without this worker. Nothing else is ever stored.
 * - A copy past its time is removed, not shown. Logging out removes the whole cache.
 */
"use strict";
var CACHE = "keukentafel-bezoeken";
var TOT = "X-Offline-Tot";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (e) { e.waitUntil(opruimen().then(function () { return self.clients.claim(); })); });

function verlopen(antwoord) {
  var tot = Date.parse(antwoord.headers.get(TOT) || "");
  return !(tot > Date.now());
}

// Remove every copy past its time.
function opruimen() {
  return caches.has(CACHE).then(function (er) {
    if (!er) { return null; }
    return caches.open(CACHE).then(function (cache) {
      return cache.keys().then(function (verzoeken) {
        return Promise.all(verzoeken.map(function (v) {
          return cache.match(v).then(function (a) { return a && verlopen(a) ? cache.delete(v) : null; });
        }));
      });
    });
  });
}

// The answer with the header that says until when it may be kept.
function metTot(antwoord, tot) {
  var headers = new Headers(antwoord.headers);
  headers.set(TOT, tot);
  return antwoord.blob().then(function (body) {
    return new Response(body, { status: antwoord.status, statusText: antwoord.statusText, headers: headers });
  });
}

function sleutel(url) { return url.origin + url.pathname + url.search; }

self.addEventListener("fetch", function (e) {
  var verzoek = e.request;
  if (verzoek.method !== "GET") { return; }
  var url = new URL(verzoek.url);
  if (url.origin !== self.location.origin) { return; }
  e.respondWith(caches.has(CACHE).then(function (er) {
    if (!er) { return fetch(verzoek); }
    return caches.open(CACHE).then(function (cache) {
      var key = sleutel(url);
      return cache.match(key, { ignoreVary: true }).then(function (kopie) {
        if (!kopie) { return fetch(verzoek); }
        if (verlopen(kopie)) { return cache.delete(key).then(function () { return fetch(verzoek); }); }
        var pagina = (kopie.headers.get("Content-Type") || "").indexOf("text/html") === 0;
        if (!pagina) { return kopie; }
        return fetch(verzoek).then(function (antwoord) {
          // Online: the newest page, and it becomes the copy (new versie, new CSRF token).
          if (!antwoord.ok || antwoord.redirected || antwoord.type !== "basic") { return antwoord; }
          return metTot(antwoord.clone(), kopie.headers.get(TOT))
            .then(function (r) { return cache.put(key, r); })
            .then(function () { return antwoord; }, function () { return antwoord; });
        }, function () { return kopie; });
      });
    });
  }));
});
