/* Onderzoek: "Klaarzetten voor offline", so the visit opens at the kitchen table without a connection.
 *
 * The button (section #offline, shown only when the browser has service workers) registers the
 * service worker (/offline-sw.js, scope /meldingen/; the script is served by gesprekken.views.offline_sw)
 * and puts exactly this onderzoek page and the scripts, styles and icon it uses in the cache
 * "keukentafel-bezoeken", each with the header X-Offline-Tot: the moment the server chose
 * (data-offline-tot; gesprekken/offline.py). Nothing else: no werkvoorraad, no other dossier.
 *
 * Which visits this medewerker prepared is kept in localStorage under "keukentafel:offline:<id>"
 * ({page path: {tot, tekst}}); static/js/sessie.js reads it too: logging out removes everything
 * (after sending what is pending), the end of a session keeps only the texts of a prepared visit
 * that did not reach the server yet, until the visit's time is over.
 *
 * Typing offline needs nothing new here: onderzoek.js keeps every keystroke in localStorage and
 * sends it, with the versie it was based on, when the connection returns (a conflict shows both
 * texts). After each save that arrived, the page copy is refreshed (the service worker answers
 * an online request for a prepared page from the network and keeps that answer), so a reload
 * without a connection shows what the server has.
 */
(function () {
  "use strict";
  var CACHE = "keukentafel-bezoeken";
  var TOT = "X-Offline-Tot";
  var SW = "/offline-sw.js";
  var SCOPE = "/meldingen/";
  var LIJST = "keukentafel:offline:" + (document.body.getAttribute("data-gebruiker") || "");
  var pagina = window.location.pathname;

  function lijst() {
    try { return JSON.parse(localStorage.getItem(LIJST) || "{}") || {}; } catch (e) { return {}; }
  }
  function bewaarLijst(l) {
    if (Object.keys(l).length) { localStorage.setItem(LIJST, JSON.stringify(l)); } else { localStorage.removeItem(LIJST); }
  }
  function geldig(item) { return item && Date.parse(item.tot) > Date.now(); }

  function elementen() {
    var sectie = document.getElementById("offline");
    if (!sectie) { return null; }
    return {
      sectie: sectie,
      knop: sectie.querySelector("[data-offline-klaarzetten]"),
      stoppen: sectie.querySelector("[data-offline-stoppen]"),
      staat: sectie.querySelector("[data-offline-staat]"),
    };
  }

  function toonStaat(el, melding) {
    var item = lijst()[pagina];
    if (geldig(item)) {
      el.staat.textContent = melding || ("Klaargezet: deze pagina werkt ook zonder verbinding, tot " + item.tekst + ".");
      el.knop.textContent = "Opnieuw klaarzetten";
      el.stoppen.hidden = false;
    } else {
      el.staat.textContent = melding || "Nog niet klaargezet voor offline.";
      el.knop.textContent = "Klaarzetten voor offline";
      el.stoppen.hidden = true;
    }
  }

  function metTot(antwoord, tot) {
    var headers = new Headers(antwoord.headers);
    headers.set(TOT, tot);
    return antwoord.blob().then(function (body) {
      return new Response(body, { status: antwoord.status, statusText: antwoord.statusText, headers: headers });
    });
  }

  // This page and what it loads from our own origin (scripts, styles, icon).
  function onderdelen() {
    var urls = [pagina];
    document.querySelectorAll("script[src], link[rel~='stylesheet'][href], link[rel~='icon'][href]").forEach(function (el) {
      var u = new URL(el.getAttribute("src") || el.getAttribute("href"), window.location.href);
      if (u.origin === window.location.origin && urls.indexOf(u.pathname + u.search) === -1) { urls.push(u.pathname + u.search); }
    });
    return urls;
  }

  function klaarzetten(el) {
    var tot = el.sectie.getAttribute("data-offline-tot");
    var tekst = el.sectie.getAttribute("data-offline-tot-tekst");
    el.knop.disabled = true;
    el.staat.textContent = "Bezig met klaarzetten…";
    return navigator.serviceWorker.register(SW, { scope: SCOPE })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () { return caches.open(CACHE); })
      .then(function (cache) {
        return Promise.all(onderdelen().map(function (u) {
          return fetch(u, { credentials: "same-origin", cache: "no-store" }).then(function (antwoord) {
            if (!antwoord.ok || antwoord.redirected) { throw new Error(u + ": " + antwoord.status); }
            return metTot(antwoord, tot).then(function (r) { return cache.put(new URL(u, window.location.href).href, r); });
          });
        }));
      })
      .then(function () {
        var l = lijst();
        l[pagina] = { tot: tot, tekst: tekst };
        bewaarLijst(l);
        toonStaat(el);
      }, function () {
        toonStaat(el, "Klaarzetten is niet gelukt. Controleer de verbinding en probeer het opnieuw.");
      })
      .then(function () { el.knop.disabled = false; });
  }

  function stoppen(el) {
    var l = lijst();
    delete l[pagina];
    bewaarLijst(l);
    return caches.open(CACHE).then(function (cache) {
      return cache.delete(new URL(pagina, window.location.href).href);
    }).then(function () { toonStaat(el, "Deze pagina is niet meer offline bewaard op dit apparaat."); });
  }

  // After a save that arrived: refresh the copy of a prepared page (at most every few seconds).
  var verversen = null;
  document.addEventListener("htmx:afterRequest", function (e) {
    var s = e.detail.xhr ? e.detail.xhr.status : 0;
    if (s < 200 || s >= 300 || !geldig(lijst()[pagina]) || !navigator.serviceWorker || !navigator.serviceWorker.controller) { return; }
    window.clearTimeout(verversen);
    verversen = window.setTimeout(function () {
      fetch(pagina, { credentials: "same-origin", headers: { "X-Background": "1" } }).catch(function () {});
    }, 1000);
  });

  document.addEventListener("DOMContentLoaded", function () {
    var el = elementen();
    if (!el) { return; }
    if (!("serviceWorker" in navigator) || !window.caches || !window.isSecureContext) {
      return;  // stays hidden: this browser cannot keep the page
    }
    el.sectie.hidden = false;
    toonStaat(el);
    // Only what is really in the cache counts (the worker removes a copy past its time; a browser
    // short of space may remove one too).
    if (lijst()[pagina]) {
      caches.open(CACHE).then(function (cache) { return cache.match(new URL(pagina, window.location.href).href); })
        .then(function (kopie) {
          if (kopie) { return; }
          var l = lijst();
          delete l[pagina];
          bewaarLijst(l);
          toonStaat(el);
        });
    }
    el.knop.addEventListener("click", function () { klaarzetten(el); });
    el.stoppen.addEventListener("click", function () { stoppen(el); });
  });
})();
