// The class tablet: "I've finished" asks once, kindly, when the pupil has typed words or
// made a recording that is not sent yet (an in-page question, never the browser's
// confirm()). The idle sign-out submits the form directly and is never held up.
(function () {
  "use strict";

  function some(list, test) { return Array.prototype.some.call(list, test); }

  function unsent() {
    return some(document.querySelectorAll("form.words-form"), function (form) {
      var typed = some(form.querySelectorAll("textarea"), function (box) {
        return box.value.trim() !== box.defaultValue.trim();
      });
      var chosen = some(form.querySelectorAll("input[type=file]"), function (input) {
        return input.files && input.files.length > 0;
      });
      var recorded = form.querySelector("audio[data-preview]:not([hidden])") !== null;
      return typed || chosen || recorded;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var finish = document.querySelector("form[data-idle-signout]");
    var dialog = document.getElementById("finish-check");
    if (!finish || !dialog || typeof dialog.showModal !== "function") return;
    finish.addEventListener("submit", function (event) {
      if (!unsent()) return;
      event.preventDefault();
      dialog.showModal();
    });
    dialog.querySelector("[data-finish-stay]").addEventListener("click", function () {
      dialog.close();
    });
    dialog.querySelector("[data-finish-go]").addEventListener("click", function () {
      dialog.close();
      finish.submit();
    });
  });
})();
