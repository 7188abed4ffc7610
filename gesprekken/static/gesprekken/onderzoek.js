/* Onderzoek: keep the consulent's text when the connection drops, and send it when it returns.
 *
 * Each section form (data-autosave) saves itself through htmx. Every keystroke is kept at once in
 * localStorage (one key per onderzoek and section, holding each field's value with the versie it
 * was based on) until the server has confirmed that very text: typing and then reloading or
 * closing the tab within the autosave delay loses nothing. When the page is hidden
 * (visibilitychange) each section the server does not have yet is sent through htmx; when it goes
 * away (pagehide) it is sent with fetch keepalive (the CSRF token in the form and the header).
 * When a save cannot reach the
 * server (or the server fails), the form's values, with the versie they were based on, are kept
 * in localStorage and sent again on the "online" event and every 30 seconds. A save the server
 * refused as invalid (422) is kept too, so closing the laptop loses nothing; it is not retried
 * until the consulent changes the text. After a reload of the page every kept text is put back
 * into its form and sent, unless the page already shows that text (the last send on pagehide
 * arrived). A stale versie still gets the server's 409 conflict with both texts (the same text
 * saved twice is no conflict): nothing is overwritten silently.
 *
 * The keys carry the medewerker's id (data-gebruiker on <body>): a copy is only ever put back for
 * the person who typed it. Logging out, the end of the session and the login page remove every
 * copy (static/js/sessie.js): on a shared workstation it is health data.
 *
 * Just before the session ends, static/js/sessie.js sends the event "kt:sessie-einde": every
 * section whose text the server does not have yet is sent once more, and the event learns when
 * those saves are done.
 */
(function () {
  "use strict";
  var PREFIX = "keukentafel:onderzoek:" + (document.body.getAttribute("data-gebruiker") || "") + ":";
  var opgeslagen = new WeakMap();  // form → its values as the server has them (JSON)

  function sleutel(form) { return PREFIX + form.getAttribute("action"); }

  function formVan(elt) { return elt && elt.closest ? elt.closest("form[data-autosave]") : null; }

  // Only a form the user may edit autosaves (hx-post, or data-hx-post once templates use that).
  function bewerkbaar(form) { return form.hasAttribute("data-hx-post") || form.hasAttribute("data-hx-post"); }

  function csrf() {
    try { return JSON.parse(document.body.getAttribute("data-hx-headers") || document.body.getAttribute("data-hx-headers"))["X-CSRFToken"]; } catch (e) { return ""; }
  }

  function waarden(form) {
    var data = {};
    new FormData(form).forEach(function (v, k) {
      if (k !== "csrfmiddlewaretoken") { (data[k] = data[k] || []).push(String(v)); }
    });
    return data;
  }

  function status(form, tekst) {
    var el = document.getElementById("status-" + form.getAttribute("data-autosave"));
    if (el) { el.textContent = tekst; }
  }

  function bewaar(form, reden) {
    try {
      localStorage.setItem(sleutel(form), JSON.stringify({ reden: reden, data: waarden(form) }));
      return true;
    } catch (e) {
      return false;
    }
  }

  function terugzetten(form, data) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken") { return; }
      var lijst = data[el.name] || [];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = lijst.indexOf(el.value) !== -1;
      } else if (el.name in data) {
        el.value = lijst[0];
      }
    });
  }

  // The text of a form (or of a kept copy's data), without its versie (the server moves that on
  // with every save).
  function zonderVersie(data) {
    var kopie = {};
    Object.keys(data).forEach(function (k) { if (!/(^|-)versie$/.test(k)) { kopie[k] = data[k]; } });
    return JSON.stringify(kopie);
  }
  function alsTekst(form) { return zonderVersie(waarden(form)); }

  function bewaard(form) {
    try { return JSON.parse(localStorage.getItem(sleutel(form)) || "null"); } catch (e) { return null; }
  }

  // On the live page the form already holds the newest text: only send what waits for a connection.
  function opnieuwVersturen() {
    if (!window.htmx) { return; }
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      var kopie = bewaard(form);
      if (kopie && kopie.reden === "offline") {
        status(form, "Niet verstuurde tekst wordt nu verstuurd…");
        window.htmx.trigger(form, "kt-opnieuw");
      }
    });
  }

  // A folded rung of the afwegingsladder that now holds text (put back from this browser) opens.
  function openMetTekst(form) {
    form.querySelectorAll("details.kt-trede").forEach(function (trede) {
      var gevuld = Array.prototype.some.call(trede.querySelectorAll("input, textarea, select"), function (el) {
        return el.type === "checkbox" || el.type === "radio" ? el.checked : el.value !== "";
      });
      if (gevuld) { trede.open = true; }
    });
  }

  // After a reload: put every kept text back into its form, then send it.
  function herstellen() {
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      var kopie = bewaard(form);
      if (!kopie || !kopie.data) { return; }
      if (zonderVersie(kopie.data) === opgeslagen.get(form)) {
        localStorage.removeItem(sleutel(form));  // the server has this text already
        return;
      }
      terugzetten(form, kopie.data);
      var details = form.closest("details");
      if (details) { details.open = true; }
      openMetTekst(form);
      status(form, "Tekst uit deze browser teruggezet; wordt verstuurd…");
      if (window.htmx && navigator.onLine) { window.htmx.trigger(form, "kt-opnieuw"); }
    });
  }

  // A 409 (conflict) or 422 (not valid) answer is a fragment to show, not an error to drop.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var s = e.detail.xhr.status;
    if (s === 409 || s === 422) { e.detail.shouldSwap = true; e.detail.isError = false; }
  });
  document.addEventListener("htmx:sendError", function (e) {
    var form = formVan(e.detail.elt);
    if (!form) { return; }
    status(form, bewaar(form, "offline")
      ? "Geen verbinding. Uw tekst is in deze browser bewaard en wordt verstuurd zodra er weer verbinding is."
      : "Geen verbinding en niet bewaard. Kopieer uw tekst voor de zekerheid.");
  });
  document.addEventListener("htmx:beforeRequest", function (e) {
    var form = formVan(e.detail.elt);
    if (form) { form.ktVerstuurd = alsTekst(form); }
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    var form = formVan(e.detail.elt);
    var s = e.detail.xhr ? e.detail.xhr.status : 0;
    if (!form || s === 0) { return; }
    if (e.detail.xhr.getResponseHeader("HX-Redirect")) {
      // The session ended (for instance while offline at the kitchen table): not saved. The copy
      // waits in this browser; after logging in again the page sends it (static/js/sessie.js
      // keeps it for a visit prepared for offline use).
      bewaar(form, "offline");
      return;
    }
    if (s >= 200 && s < 300) { opgeslagen.set(form, form.ktVerstuurd); }
    if (s >= 500) {
      bewaar(form, "offline");
      status(form, "Opslaan is mislukt. Uw tekst is in deze browser bewaard; we proberen het zo opnieuw.");
    } else if (s === 422) {
      bewaar(form, "geweigerd");
    } else if (s < 300 && alsTekst(form) !== form.ktVerstuurd) {
      bewaar(form, "concept");  // typed on while this save was under way: keep the newer text
    } else {
      // Saved, or refused as a conflict with both texts shown: the browser copy is done.
      localStorage.removeItem(sleutel(form));
    }
  });
  // Every keystroke: kept in this browser until the server has it (a copy waiting for a
  // connection stays marked as such, so it is retried).
  function bijTypen(e) {
    var form = formVan(e.target);
    if (!form || !bewerkbaar(form)) { return; }
    var kopie = bewaard(form);
    bewaar(form, kopie && kopie.reden === "offline" ? "offline" : "concept");
  }
  document.addEventListener("input", bijTypen);
  document.addEventListener("change", bijTypen);

  function nietBijServer() {
    return Array.prototype.filter.call(document.querySelectorAll("form[data-autosave]"), function (form) {
      return bewerkbaar(form) && alsTekst(form) !== opgeslagen.get(form);
    });
  }
  // The page goes to the background (another tab, the tablet locked): save now through htmx, which
  // keeps versie and status up to date when the answer comes.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState !== "hidden" || !window.htmx || !navigator.onLine) { return; }
    nietBijServer().forEach(function (form) { window.htmx.trigger(form, "kt-opnieuw"); });
  });
  // The page goes away (reload, closing the tab, another page): an htmx request would be broken
  // off, so send with keepalive; the browser copy stays until a page shows the server has it.
  window.addEventListener("pagehide", function () {
    if (!navigator.onLine) { return; }
    nietBijServer().forEach(function (form) {
      var body = new FormData(form);
      var url = form.getAttribute("action");
      try {
        fetch(url, {
          method: "POST",
          body: body,
          keepalive: true,
          credentials: "same-origin",
          headers: { "X-CSRFToken": csrf(), "HX-Request": "true" },
        }).catch(function () {});
      } catch (e) {
        if (navigator.sendBeacon) { navigator.sendBeacon(url, body); }
      }
    });
  });
  // The banner while there is no connection (also when the page was opened from the copy of a
  // visit prepared for offline use, gesprekken/static/gesprekken/offline.js).
  function verbinding() {
    var el = document.getElementById("verbinding");
    if (!el) { return; }
    var offline = !navigator.onLine;
    el.classList.toggle("kt-verbinding--offline", offline);
    el.textContent = offline
      ? "U bent offline. Wat u typt, blijft bewaard op dit apparaat en wordt verstuurd zodra er weer verbinding is."
      : "";
  }
  window.addEventListener("online", function () {
    verbinding();
    opnieuwVersturen();
  });
  window.addEventListener("offline", verbinding);
  // The session is about to end: send what the server does not have, and say when it is done.
  document.addEventListener("kt:sessie-einde", function (e) {
    if (!window.htmx) { return; }
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      if (!bewerkbaar(form)) { return; }
      if (alsTekst(form) === opgeslagen.get(form) && !bewaard(form)) { return; }
      e.detail.wacht.push(new Promise(function (klaar) {
        function na(ev) {
          if (formVan(ev.detail.elt) !== form) { return; }
          document.removeEventListener("htmx:afterRequest", na);
          document.removeEventListener("htmx:sendError", na);
          klaar();
        }
        document.addEventListener("htmx:afterRequest", na);
        document.addEventListener("htmx:sendError", na);
        status(form, "Uw tekst wordt bewaard voordat u wordt uitgelogd…");
        window.htmx.trigger(form, "kt-opnieuw");
      }));
    });
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-autosave]").forEach(function (form) { opgeslagen.set(form, alsTekst(form)); });
    verbinding();
    herstellen();
    window.setInterval(function () { if (navigator.onLine) { opnieuwVersturen(); } }, 30000);
  });
})();
