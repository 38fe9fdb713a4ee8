"""A11Y-10: inserted names, numbers, dates and school text are isolated; SEC-: the values
are escaped, so isolating them never lets a name write HTML (pupilvoice/bidi.py)."""

from __future__ import annotations

from markupsafe import Markup

from pupilvoice.bidi import bdi, isolated, outside_isolates, plain


def test_a11y10_a_value_is_isolated_and_escaped():
    assert bdi("Ayaan") == Markup("<bdi>Ayaan</bdi>")
    assert bdi("Spring 2027", "en") == Markup('<bdi lang="en">Spring 2027</bdi>')
    assert bdi('<script>"x"</script>') == ("<bdi>&lt;script&gt;&#34;x&#34;&lt;/script&gt;</bdi>")
    assert bdi("x", lang='"><img src=x>') == ('<bdi lang="&#34;&gt;&lt;img src=x&gt;">x</bdi>')


def test_a11y10_a_translated_sentence_isolates_each_value_not_the_sentence():
    made = isolated("%(name)s کا پلان", name="Ayaan")
    assert made == Markup("<bdi>Ayaan</bdi> کا پلان")
    assert isolated("%(num)d times a week", num=3) == "<bdi>3</bdi> times a week"
    assert isolated("%(who)s said", who=bdi("Mrs Khan", "en")) == (
        '<bdi lang="en">Mrs Khan</bdi> said'
    )


def test_sec_values_in_a_sentence_are_escaped():
    made = isolated("Hello %(name)s", name="<b onclick=x>Sam</b>")
    assert "<b " not in made and "&lt;b onclick=x&gt;Sam&lt;/b&gt;" in made
    assert isinstance(made, Markup)


def test_plain_words_for_read_aloud():
    assert plain(isolated("%(who)s will read with %(name)s.", who="A & B", name="Sam")) == (
        "A & B will read with Sam."
    )
    assert plain("a < b") == "a < b"  # text that is not Markup keeps every character


def test_a11y10_isolated_words_do_not_set_the_sentences_direction():
    made = isolated("%(who)s، %(name)s کے ساتھ پڑھیں گے", who=bdi("Ms Patel", "en"), name="Ayaan")
    assert outside_isolates(made).strip().startswith("،")
    assert outside_isolates("Ms Patel") == "Ms Patel"
