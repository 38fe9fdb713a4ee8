// Read-aloud (A11Y-06): a speaker button beside each sentence and choice reads it with the
// browser's own speech synthesis, in the page's language, preferring voices that run on
// the device (nothing leaves it). Only a tap starts it. The buttons stay hidden when the
// browser cannot speak this language.
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  function language(button) {
    // A button may speak text in another language than the page (staff text on a
    // parent's page in Polish): its data-lang says which.
    var own = button && button.getAttribute("data-lang");
    return (own || document.documentElement.lang || "en").toLowerCase();
  }

  function bestVoice(lang) {
    var base = (lang || language()).split("-")[0];
    var matching = (synth.getVoices() || []).filter(function (voice) {
      return (voice.lang || "").toLowerCase().replace("_", "-").split("-")[0] === base;
    });
    var local = matching.filter(function (voice) { return voice.localService; });
    return local[0] || matching[0] || null;
  }

  function speak(text, lang) {
    synth.cancel();
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.rate = 0.9;
    var voice = bestVoice(lang);
    if (voice) utterance.voice = voice;
    synth.speak(utterance);
  }

  function buttons() {
    return Array.prototype.slice.call(document.querySelectorAll("button[data-say]"));
  }

  function showWhenAble() {
    buttons().forEach(function (button) { button.hidden = bestVoice(language(button)) === null; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    buttons().forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        speak(button.getAttribute("data-say"), language(button));
      });
    });
    showWhenAble();
    if (typeof synth.addEventListener === "function") {
      synth.addEventListener("voiceschanged", showWhenAble);
    }
  });
  // Stop talking when the page goes away (the next pupil should not hear it).
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
