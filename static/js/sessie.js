/* The session: warn before the server ends an inactive session, and leave nothing behind.
 *
 * The server logs a medewerker out after SESSIE_INACTIEF_MINUTEN without activity (the rules and
 * what counts as activity: toegang/sessie.py). This script is configured by data-* attributes on
 * <body> (templates/base.html): data-sessie-seconden (seconds left when the page was made),
 * data-sessie-waarschuwing (seconds before the end that the
 * warning opens), data-sessie-url (the session endpoint: GET tells the seconds left without
 * counting as activity, POST keeps the session) and data-sessie-login (the login page).
 *
 * - Every answer to an htmx request says how many seconds are left (X-Session-Remaining): the
 *   page's clock follows the server's. Typing or clicking without a request posts to the endpoint,
 *   at most once a minute.
 * - Before the warning opens, and again at the end, the endpoint is asked how much time is left:
 *   the page follows the server's clock, and work in another tab keeps this tab logged in.
 * - The warning is a modal alertdialog; focus goes to "Ingelogd blijven", the time left is
 *   announced. Escape also means "stay" (a person pressed a key).
 * - Shortly before the end the event "kt:sessie-einde" asks the page to save what it still has
 *   (gesprekken/static/gesprekken/onderzoek.js sends unsaved sections); those saves are marked as
 *   background requests so they do not extend the session. Then the page goes to the login page,
 *   where the server says why.
 * - Logging out (the form with data-uitloggen) first sends what the onderzoek page has not saved
 *   yet (the same "kt:sessie-einde" event), then removes the onderzoek drafts from localStorage,
 *   htmx's history cache and every visit prepared for offline use (the cache of the service worker,
 *   gesprekken/static/gesprekken/offline.js, and its registration); the logout answer also says
 *   Clear-Site-Data. Without a connection logging out waits: the texts could not be sent.
 * - The end of the session and every page shown to someone who is not logged in (body with
 *   data-sessie-opruimen, such as the login page) remove the drafts too, except the texts typed
 *   in a visit prepared for offline use that did not reach the server yet: the session may end
 *   while the consulent is offline at the kitchen table. They stay, only for the medewerker who
 *   typed them, until the time of that visit is over (gesprekken/offline.py), and are sent when
 *   that medewerker opens the page again. On a shared workstation the drafts are health data of
 *   whoever used it before: nothing else stays.
 * - Without a connection the page does not end itself: the server cannot be asked, and the texts
 *   typed offline must stay. When the connection returns the server's clock counts again.
 */
(function () {
  "use strict";
  var CONCEPT_PREFIX = "keukentafel:onderzoek:";
  var OFFLINE_PREFIX = "keukentafel:offline:";  // per medewerker: {page path: {tot, tekst}}
  var OFFLINE_CACHE = "keukentafel-bezoeken";
  var ACHTERGROND = "X-Background";
  var RESTEREND = "X-Session-Remaining";
  var body = document.body;

  // The visits prepared for offline use whose time is not over: {medewerker id: {page path: true}}.
  function klaargezet() {
    var uit = {};
    for (var i = localStorage.length - 1; i >= 0; i--) {
      var sleutel = localStorage.key(i);
      if (!sleutel || sleutel.indexOf(OFFLINE_PREFIX) !== 0) { continue; }
      var lijst = {};
      try { lijst = JSON.parse(localStorage.getItem(sleutel)) || {}; } catch (e) { /* unreadable: gone */ }
      var geldig = {};
      Object.keys(lijst).forEach(function (pad) {
        if (lijst[pad] && Date.parse(lijst[pad].tot) > Date.now()) { geldig[pad] = lijst[pad]; }
      });
      if (Object.keys(geldig).length) {
        localStorage.setItem(sleutel, JSON.stringify(geldig));
        uit[sleutel.slice(OFFLINE_PREFIX.length)] = geldig;
      } else {
        localStorage.removeItem(sleutel);
      }
    }
    return uit;
  }

  // A draft's key is CONCEPT_PREFIX + medewerker id + ":" + the section's URL.
  function vanKlaargezetBezoek(sleutel, bezoeken) {
    var rest = sleutel.slice(CONCEPT_PREFIX.length);
    var dubbelepunt = rest.indexOf(":");
    var paden = bezoeken[rest.slice(0, dubbelepunt)] || {};
    var url = rest.slice(dubbelepunt + 1);
    return Object.keys(paden).some(function (pad) { return url.indexOf(pad) === 0; });
  }

  // Remove the visits prepared for offline use: the service worker's cache and its registration.
  function offlineWissen() {
    var klaar = [];
    try {
      if (window.caches) { klaar.push(window.caches.delete(OFFLINE_CACHE)); }
      if (navigator.serviceWorker) {
        klaar.push(navigator.serviceWorker.getRegistrations().then(function (lijst) {
          return Promise.all(lijst.map(function (r) { return r.unregister(); }));
        }));
      }
    } catch (e) { /* not available: nothing kept either */ }
    return Promise.all(klaar).catch(function () {});
  }

  // alles: also the drafts and copies of visits prepared for offline use (logging out).
  function conceptenWissen(alles) {
    try {
      var bezoeken = alles ? {} : klaargezet();
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var sleutel = localStorage.key(i);
        if (!sleutel) { continue; }
        if (sleutel.indexOf(CONCEPT_PREFIX) === 0 && !vanKlaargezetBezoek(sleutel, bezoeken)) {
          localStorage.removeItem(sleutel);
        } else if (alles && sleutel.indexOf(OFFLINE_PREFIX) === 0) {
          localStorage.removeItem(sleutel);
        }
      }
      sessionStorage.removeItem("htmx-history-cache");
      if (!Object.keys(bezoeken).length) { return offlineWissen(); }
    } catch (e) { /* storage switched off: nothing kept either */ }
    return Promise.resolve();
  }
  window.ktConceptenWissen = conceptenWissen;

  // Texts on this page that the server does not have yet (after the attempt to send them).
  function nietVerstuurd() {
    var eigen = CONCEPT_PREFIX + (body.getAttribute("data-gebruiker") || "") + ":";
    return Array.prototype.some.call(document.querySelectorAll("form[data-autosave]"), function (form) {
      return localStorage.getItem(eigen + form.getAttribute("action")) !== null;
    });
  }

  // Logging out: first send what is pending, then remove everything, then log out.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.matches || !form.matches("form[data-uitloggen]") || form.ktUitloggen) { return; }
    e.preventDefault();
    if (!navigator.onLine) {
      window.alert("U bent offline. Uitloggen kan pas als er weer verbinding is. Dan wordt eerst verstuurd wat u typte.");
      return;
    }
    form.ktUitloggen = true;
    var wacht = [];
    document.dispatchEvent(new CustomEvent("kt:sessie-einde", { detail: { wacht: wacht } }));
    Promise.race([
      Promise.all(wacht),
      new Promise(function (klaar) { window.setTimeout(klaar, 5000); }),
    ]).then(function () {
      if (nietVerstuurd() && !window.confirm("Niet alles wat u typte is verstuurd. Als u nu uitlogt, is die tekst weg. Toch uitloggen?")) {
        form.ktUitloggen = false;
        return null;
      }
      return conceptenWissen(true).then(function () { form.submit(); });
    });
  });
  if (body.hasAttribute("data-sessie-opruimen")) { conceptenWissen(false); }
  if (!body.hasAttribute("data-sessie-seconden")) { return; }

  var waarschuwing = parseInt(body.getAttribute("data-sessie-waarschuwing"), 10) * 1000;
  var opslaanVoor = Math.min(10000, waarschuwing / 2);
  var url = body.getAttribute("data-sessie-url");
  var login = body.getAttribute("data-sessie-login");
  var dialoog = document.getElementById("sessie-waarschuwing");
  var teller = dialoog.querySelector("[data-sessie-teller]");
  var melding = dialoog.querySelector("[data-sessie-melding]");

  var einde = Date.now() + parseInt(body.getAttribute("data-sessie-seconden"), 10) * 1000;
  var laatsteContact = Date.now();  // the last request that counted as activity on the server
  var fase = "actief";  // actief → controle → waarschuwing → einde
  var bewaren = null;  // a promise while the page saves before the end
  var eindigt = false;  // requests now are background requests
  var terugFocus = null;
  var gemeld = {};
  var zelfGesloten = false;

  function csrf() {
    try { return JSON.parse(body.getAttribute("data-hx-headers"))["X-CSRFToken"]; } catch (e) { return ""; }
  }

  // GET: seconds left (background). POST: stay. Resolves with the seconds left, 0 when it ended.
  function vraag(methode) {
    var headers = { "Accept": "application/json" };
    headers[ACHTERGROND] = "1";
    if (methode === "POST") { headers["X-CSRFToken"] = csrf(); delete headers[ACHTERGROND]; }
    return fetch(url, { method: methode, headers: headers, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) { return Number(data.resterend) || 0; });
  }

  function zetEinde(seconden) { einde = Date.now() + seconden * 1000; }

  function seconden(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000));
    return s === 1 ? "1 seconde" : s + " seconden";
  }

  function toon() {
    fase = "waarschuwing";
    gemeld = {};
    terugFocus = document.activeElement;
    teller.textContent = seconden(einde - Date.now());
    melding.textContent = "";
    if (!dialoog.open) { dialoog.showModal(); }
    melding.textContent = "U wordt over " + seconden(einde - Date.now()) + " uitgelogd.";
  }

  function sluit() {
    if (dialoog.open) { zelfGesloten = true; dialoog.close(); }
    if (terugFocus && terugFocus.focus) { terugFocus.focus(); }
    terugFocus = null;
  }

  function verder(seconden) {
    zetEinde(seconden);
    fase = "actief";
    eindigt = false;
    bewaren = null;
    sluit();
  }

  function blijven() {
    laatsteContact = Date.now();
    vraag("POST").then(function (s) {
      if (s > 0) { verder(s); } else { verlaten(); }
    }, verlaten);
  }

  // Ask the page to save what it has; at most five seconds.
  function opslaan() {
    eindigt = true;
    var wacht = [];
    document.dispatchEvent(new CustomEvent("kt:sessie-einde", { detail: { wacht: wacht } }));
    bewaren = Promise.race([
      Promise.all(wacht),
      new Promise(function (klaar) { window.setTimeout(klaar, 5000); }),
    ]);
  }

  // No connection: the server cannot be asked, and the texts typed offline must stay on the page.
  function zonderVerbinding() {
    if (navigator.onLine) { return false; }
    fase = "offline";
    eindigt = false;
    bewaren = null;
    sluit();
    return true;
  }
  window.addEventListener("online", function () {
    if (fase !== "offline") { return; }
    fase = "actief";
    einde = Date.now();  // ask the server at once how much time is left
    tik();
  });

  function verlaten() {
    if (zonderVerbinding()) { return; }
    fase = "weg";
    (bewaren || Promise.resolve()).then(function () {
      return conceptenWissen(false);
    }).then(function () {
      window.location.assign(login + "?next=" + encodeURIComponent(window.location.pathname + window.location.search));
    });
  }

  function tik() {
    var rest = einde - Date.now();
    if (fase === "actief" && rest <= waarschuwing) {
      fase = "controle";
      vraag("GET").then(function (s) {
        zetEinde(s);
        if (s <= 0) { verlaten(); } else if (s * 1000 > waarschuwing + 2000) { fase = "actief"; } else { toon(); }
      }, function () { if (!zonderVerbinding()) { toon(); } });
    } else if (fase === "waarschuwing") {
      teller.textContent = seconden(rest);
      [30, 10].forEach(function (s) {
        if (rest <= s * 1000 && rest > (s - 5) * 1000 && !gemeld[s] && waarschuwing > s * 1000) {
          gemeld[s] = true;
          melding.textContent = "Nog " + s + " seconden. Kies Ingelogd blijven om door te werken.";
        }
      });
      if (!bewaren && rest <= opslaanVoor) { opslaan(); }
      if (rest <= 0) {
        fase = "einde";
        if (!bewaren) { opslaan(); }
        vraag("GET").then(function (s) {
          if (s > 2) { verder(s); } else { window.setTimeout(verlaten, s * 1000 + 1000); }
        }, verlaten);
      }
    }
  }
  window.setInterval(tik, 1000);
  // A tab in the background gets its timers slowed down; look again when it comes back.
  document.addEventListener("visibilitychange", tik);

  dialoog.querySelector("[data-sessie-blijven]").addEventListener("click", blijven);
  dialoog.addEventListener("cancel", function (e) { e.preventDefault(); blijven(); });
  // A browser may close a modal dialog itself (Escape pressed twice): that is a person, too.
  dialoog.addEventListener("close", function () {
    if (!zelfGesloten && fase === "waarschuwing") { blijven(); }
    zelfGesloten = false;
  });

  // Activity on the page without a request: keep the session, at most once a minute.
  ["keydown", "click", "input"].forEach(function (soort) {
    document.addEventListener(soort, function () {
      if (fase !== "actief" || Date.now() - laatsteContact < 60000) { return; }
      laatsteContact = Date.now();
      vraag("POST").then(function (s) { if (s > 0 && fase === "actief") { zetEinde(s); } }, function () {});
    }, { capture: true, passive: true });
  });

  document.addEventListener("htmx:configRequest", function (e) {
    if (eindigt) { e.detail.headers[ACHTERGROND] = "1"; }
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    var xhr = e.detail.xhr;
    var headers = (e.detail.requestConfig && e.detail.requestConfig.headers) || {};
    if (!xhr || !xhr.status || fase === "einde" || fase === "weg") { return; }
    if (headers[ACHTERGROND] !== "1") { laatsteContact = Date.now(); }
    var s = parseInt(xhr.getResponseHeader(RESTEREND), 10);
    if (isNaN(s)) { return; }
    if (s * 1000 > waarschuwing + 2000) { verder(s); } else { zetEinde(s); }
  });
})();
