// PupilVoice plan editor: the live checker, the provision cost, and unsaved drafts.
// Everything here is an enhancement: the form saves and checks without it.
(function () {
  "use strict";

  var DRAFT_PREFIX = "pupilvoice-draft:";
  var DRAFT_HOURS = 12; // an unsaved draft older than this is thrown away

  // Dates and numbers the British way in English, as the server writes them.
  function pageLocale() {
    var lang = document.documentElement.lang || "en";
    return lang === "en" ? "en-GB" : lang;
  }

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrf_token]");
    return input ? input.value : "";
  }

  // --- live checker: ask the server as the teacher types (debounced) ---------------------

  function showNotes(box, problems, text) {
    box.textContent = "";
    if (!text.trim()) return;
    if (!problems.length) {
      var ok = document.createElement("p");
      ok.className = "checker__ok";
      ok.textContent = box.dataset.ok;
      box.appendChild(ok);
      return;
    }
    var list = document.createElement("ul");
    list.className = "checker__list";
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      item.dataset.code = problem.code;
      item.textContent = problem.message;
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  function liveChecker(form) {
    var url = form.dataset.checkUrl;
    var dateInput = form.querySelector("[data-check-date]");
    form.querySelectorAll("[data-check]").forEach(function (field) {
      var box = document.getElementById(field.id + "-checker");
      var timer, asked = 0;
      function ask() {
        var mine = ++asked;
        fetch(url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken(form) },
          body: JSON.stringify({
            kind: field.dataset.check,
            text: field.value,
            target_on: dateInput ? dateInput.value : ""
          })
        }).then(function (response) {
          return response.ok ? response.json() : null;
        }).then(function (data) {
          if (data && mine === asked) showNotes(box, data.problems, field.value);
        }).catch(function () { /* offline: the save still checks */ });
      }
      function later() {
        clearTimeout(timer);
        timer = setTimeout(ask, 400);
      }
      field.addEventListener("input", later);
      if (field.dataset.check === "smart" && dateInput) dateInput.addEventListener("change", later);
    });
  }

  // --- provision: hours and the cost for each pupil, as the numbers are typed ------------

  function provisionTotal(form) {
    var out = form.querySelector("[data-provision-total]");
    if (!out) return;
    function number(name) {
      var input = form.elements[name];
      var value = input ? parseFloat(String(input.value).replace("£", "").replace(",", ".")) : NaN;
      return isFinite(value) ? value : null;
    }
    function update() {
      var weekly = number("sessions_per_week"), weeks = number("weeks");
      var minutes = number("minutes_per_session"), cost = number("cost_per_session_pence");
      var group = number("group_size") || 1;
      var total = weekly * weeks * cost / group;  // 1e308 is a number, but not a cost
      if (weekly === null || weeks === null || minutes === null || cost === null || !isFinite(total)) {
        out.textContent = "";
        return;
      }
      var lang = pageLocale();
      var hours = (weekly * weeks * minutes / 60).toLocaleString(lang, { maximumFractionDigits: 1 });
      var each = total.toLocaleString(lang, { style: "currency", currency: "GBP" });
      out.textContent = out.dataset.template.replace("__HOURS__", hours).replace("__COST__", each);
    }
    form.addEventListener("input", update);
    update();
  }

  // --- drafts: a copy of the form in this browser until it is saved ---------------------

  function fieldsOf(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrf_token" || el.name === "version" || el.type === "submit") return;
      values[el.name] = el.value;
    });
    return values;
  }

  function sameFields(a, b) {
    return Object.keys(a).every(function (name) { return a[name] === b[name]; });
  }

  function readDraft(key) {
    try {
      var draft = JSON.parse(localStorage.getItem(DRAFT_PREFIX + key) || "null");
      if (draft && Date.now() - draft.savedAt < DRAFT_HOURS * 3600 * 1000) return draft;
    } catch (e) { /* unreadable: ignore */ }
    localStorage.removeItem(DRAFT_PREFIX + key);
    return null;
  }

  function offerDraft(form, key, draft) {
    var banner = form.querySelector("[data-draft-banner]");
    if (!banner) return;
    var when = new Date(draft.savedAt).toLocaleTimeString(pageLocale(), { hour: "2-digit", minute: "2-digit" });
    var text = banner.querySelector("p");
    text.textContent = text.textContent.replace("__TIME__", when);
    banner.hidden = false;
    banner.querySelector("[data-draft-restore]").addEventListener("click", function () {
      Object.keys(draft.fields).forEach(function (name) {
        var el = form.elements[name];
        if (el && el.type !== "radio") el.value = draft.fields[name];
      });
      // Saved against the version it was typed on: if the plan moved on meanwhile, the
      // server shows both versions instead of overwriting the newer one (REL-02).
      if (form.elements.version) form.elements.version.value = draft.version;
      form.querySelectorAll("[data-check]").forEach(function (el) {
        el.dispatchEvent(new Event("input", { bubbles: true }));
      });
      banner.hidden = true;
    });
    banner.querySelector("[data-draft-discard]").addEventListener("click", function () {
      localStorage.removeItem(DRAFT_PREFIX + key);
      banner.hidden = true;
    });
  }

  function drafts(form) {
    var key = form.dataset.draftKey;
    var version = form.dataset.draftVersion;
    var draft = readDraft(key);
    if (draft && !sameFields(draft.fields, fieldsOf(form))) offerDraft(form, key, draft);
    else if (draft) localStorage.removeItem(DRAFT_PREFIX + key);
    form.addEventListener("input", function () {
      var base = form.elements.version ? form.elements.version.value : version;
      localStorage.setItem(DRAFT_PREFIX + key, JSON.stringify({
        version: base, savedAt: Date.now(), fields: fieldsOf(form)
      }));
    });
  }

  function forgetSavedDrafts() {
    document.querySelectorAll("[data-draft-saved]").forEach(function (el) {
      localStorage.removeItem(DRAFT_PREFIX + el.dataset.draftSaved);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    try {
      forgetSavedDrafts();
    } catch (e) { /* storage blocked: no drafts */ }
    document.querySelectorAll("form.plan-editor").forEach(function (form) {
      if (form.dataset.checkUrl) liveChecker(form);
      provisionTotal(form);
      try {
        drafts(form);
      } catch (e) { /* storage blocked: no drafts */ }
    });
  });
})();
