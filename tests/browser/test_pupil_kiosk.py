"""The class tablet stays a safe kiosk, in real Chromium on a touch screen: a pupil's
language lasts only for their session, the pupils' own "Who can see what I say" page,
redirect-after-post so Back and Reload after "I've finished" never show an error, a way
back on every page, a kind check before finishing with something unsent, one "Thank you
for telling me", text of at least 22 px, 96 px summary symbols and arrows that point the
right way in Urdu (REL-04, PRI-05, A11Y-01, A11Y-02, A11Y-10, SEC-07)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser.conftest import (
    PHONE,
    assert_accessible,
    assert_no_horizontal_scroll,
    demo_pupil,
    enrol,
    pupil_signs_in,
    screenshot,
    tap_name,
    tap_pictures,
)


def tap_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.tap()


def html(page) -> tuple[str, str]:
    root = page.locator("html")
    return root.get_attribute("lang"), root.get_attribute("dir")


def finish(page) -> None:
    tap_and_wait(page, page.locator(".pupil-bar button.bar-button--finish"))
    page.wait_for_url("**/tablet/")


# --- item 2: the pupil's language is theirs, for their session only -------------------


def test_a11y10_a_pupils_language_stays_with_that_pupil_only(tablet):
    page = tablet()
    enrol(page)
    assert html(page) == ("en", "ltr")
    # Zofia taps Polski on the class list: her pictures and her pages are in Polish
    tap_and_wait(page, page.get_by_role("link", name="Polski", exact=True))
    assert html(page)[0] == "pl"
    tap_and_wait(page, page.get_by_role("link", name="Zofia", exact=True))
    assert html(page)[0] == "pl"
    tap_pictures(page)
    page.wait_for_url("**/pupil/")
    assert html(page)[0] == "pl"
    page.goto("/pupil/targets")
    assert html(page)[0] == "pl"
    finish(page)
    # the next pupil gets the tablet's own language
    assert html(page) == ("en", "ltr")
    expect(page.get_by_role("heading", name="Who are you?")).to_be_visible()
    pupil_signs_in(page, "Leo")
    assert html(page) == ("en", "ltr")
    # a stray tap on Urdu turns only Leo's pages right to left, until he times out
    tap_and_wait(page, page.get_by_role("link", name="اردو", exact=True))
    assert html(page) == ("ur", "rtl")
    page.clock.install()
    page.reload()
    with page.expect_navigation():
        page.clock.run_for("05:03")
    page.wait_for_url("**/tablet/")
    assert html(page) == ("en", "ltr")
    pupil_signs_in(page, "Amelia")
    assert html(page) == ("en", "ltr")


# --- item 3: inside the kiosk; Back and Reload after finishing -------------------------


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_pri05_who_can_see_what_i_say_stays_inside_the_kiosk(tablet, lang):
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Ivy")
    page.goto(f"/pupil/?lang={lang}")
    link = page.locator("footer a")
    assert link.count() == 1
    tap_and_wait(page, link)
    assert page.url.split("?")[0].endswith("/tablet/privacy")
    # the pupil layout: their bar with "I've finished", the pupil's idle sign-out
    expect(page.locator(".pupil-bar button.bar-button--finish")).to_be_visible()
    assert page.locator("form[data-idle-signout]").count() == 1
    assert page.locator("body").get_attribute("class") == "pupil"
    assert page.locator("h1").count() == 1
    # short sentences, each with a symbol and its speaker button
    sentences = page.locator(".privacy .said p")
    assert sentences.count() >= 5
    assert page.locator(".privacy li img.symbol").count() >= 4
    assert page.locator(".privacy button[data-say]").count() >= sentences.count()
    if lang == "en":
        for words in [
            "Who can see what I say",
            "Mr Jones, Mrs Evans and Mrs Khan see your cards and your words.",
            "Only Mr Jones and Mrs Khan see a worry.",
            "Your worries are not shown to your family.",
            "Other children never see what you say.",
        ]:
            expect(page.get_by_text(words, exact=True).first).to_be_visible()
    expect(page.locator("main a.tile-button:has(img[src*='/symbols/back.'])")).to_be_visible()
    assert_accessible(page, pupil=True)
    assert_no_horizontal_scroll(page)
    # the class list's footer leads to the same page, without names
    finish(page)
    page.goto(f"/tablet/?lang={lang}")
    tap_and_wait(page, page.locator("footer a"))
    assert page.url.split("?")[0].endswith("/tablet/privacy")
    assert "Jones" not in page.content()
    assert_accessible(page, pupil=True)


def back_back_reload(page) -> None:
    for step in ("back", "back", "reload"):
        try:
            if step == "back":
                page.go_back()
            else:
                page.reload()
            page.wait_for_load_state()
        except PlaywrightError as problem:  # e.g. net::ERR_CACHE_MISS, a resubmission page
            pytest.fail(f"{step}: {problem}")
        # the class list, or the last pupil's picture page: nothing of theirs on it
        path = page.url.split("?")[0]
        assert path.endswith("/tablet/") or "/tablet/pupils/" in path, (step, page.url)
        assert page.locator(".pupil-bar").count() == 0
        expect(page.locator("h1")).to_be_visible()


def _fresh_pupil(live_app, new_pupils, first_name: str) -> None:
    """A pupil of Oak's own for a test that starts About me, so the shared demo pupils'
    About me stays where the other modules expect it."""
    from pupilvoice.extensions import db
    from pupilvoice.models import Pupil, User
    from pupilvoice.services import demo, picture_keys

    with live_app.app_context():
        harry = demo_pupil("Harry")
        pupil = Pupil(school_id=harry.school_id, class_id=harry.class_id, first_name=first_name,
                      surname_initial="Z", year_group=harry.year_group, avatar="fox")  # fmt: skip
        db.session.add(pupil)
        db.session.flush()
        teacher = db.session.query(User).filter_by(email=demo.TABLET_TEACHER).one()
        picture_keys.set_pictures(pupil, demo.PUPIL_PICTURES, teacher)
        db.session.commit()
        new_pupils.append(pupil.id)


def test_rel04_back_back_reload_after_finishing_lands_on_the_class_list(
    tablet, live_app, new_pupils
):
    page = tablet()
    enrol(page)
    posts, errors, dialogs = [], [], []
    page.on(
        "request",
        lambda r: posts.append(r.url) if r.method == "POST" and r.is_navigation_request() else 0,
    )
    page.on(
        "response",
        lambda r: (
            errors.append((r.status, r.url))
            if r.request.is_navigation_request() and r.status >= 400
            else 0
        ),
    )
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    # straight after the pictures (a wrong start first, as children do)
    tap_name(page, "Harry")
    tap_pictures(page, ["sun", "again"])
    tap_pictures(page)
    page.wait_for_url("**/pupil/")
    finish(page)
    sent = len(posts)
    back_back_reload(page)
    # after tapping a card, and an idea sent with nothing in it (the kind message)
    _fresh_pupil(live_app, new_pupils, "Kit")
    pupil_signs_in(page, "Kit")
    tap_and_wait(page, page.get_by_role("button", name="About me", exact=True))
    tap_and_wait(page, page.locator("button.choice--like"))
    page.goto("/pupil/targets/new/reading/i_can")
    tap_and_wait(page, page.get_by_role("button", name="Save", exact=True))
    expect(page.get_by_text("Please finish the sentence")).to_be_visible()
    finish(page)
    sent = len(posts)
    back_back_reload(page)
    assert len(posts) == sent, posts[sent:]  # nothing was sent again
    assert not errors and not dialogs


# --- item 4: a way back, the check before finishing, one thank-you ---------------------

BACK = "main a.tile-button:has(img.symbol[src*='/symbols/back.'])"


def assert_way_back(page, *, speaker: bool = True) -> None:
    back = page.locator(BACK)
    expect(back.first).to_be_visible()
    assert back.first.inner_text().strip(), "a word beside the picture"
    box = back.first.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    if speaker:  # the new ones (the speaker buttons of the old ones: the read-aloud work)
        wrap = back.first.locator("xpath=..")
        assert wrap.locator("button[data-say]").count() == 1, "a speaker button beside Back"


def test_a_way_back_on_every_pupil_page(tablet):
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Noah")
    tap_and_wait(page, page.get_by_role("button", name="About me", exact=True))
    assert_way_back(page)  # the card
    tap_and_wait(page, page.locator("button.choice--unsure"))
    if "/thanks" in page.url:
        assert_way_back(page)
    for path in ["/pupil/worry", "/pupil/targets", "/pupil/targets/new", "/tablet/privacy"]:
        page.goto(path)
        assert_way_back(page, speaker=path != "/pupil/targets/new")
    tap_and_wait(page, page.locator(BACK).first)
    assert page.url.endswith("/pupil/")


def test_finishing_with_unsent_words_asks_once_kindly(tablet):
    page = tablet()
    enrol(page)
    browser_dialogs = []
    page.on("dialog", lambda d: (browser_dialogs.append(d.message), d.dismiss()))
    pupil_signs_in(page, "Grace")
    page.goto("/pupil/worry/hurt")
    page.get_by_label("Your words", exact=True).fill("My knee hurts")
    page.locator(".pupil-bar button.bar-button--finish").tap()
    question = page.locator("#finish-check")
    expect(question).to_be_visible()
    expect(question.get_by_text("You have not sent what you said.")).to_be_visible()
    assert question.locator("button[data-say]").count() >= 1
    assert_accessible(page, pupil=True)
    screenshot(page, "pupil-finish-check-820")
    question.get_by_role("button", name="Go back", exact=True).tap()
    expect(question).to_be_hidden()
    assert page.url.endswith("/pupil/worry/hurt")
    assert page.get_by_label("Your words", exact=True).input_value() == "My knee hurts"
    page.locator(".pupil-bar button.bar-button--finish").tap()
    expect(question).to_be_visible()
    with page.expect_navigation():
        question.get_by_role("button", name="Yes, I've finished", exact=True).tap()
    page.wait_for_url("**/tablet/")
    assert not browser_dialogs  # never the browser's own confirm()
    # nothing typed: "I've finished" finishes at once
    pupil_signs_in(page, "Grace")
    page.goto("/pupil/worry/hurt")
    finish(page)


def test_thank_you_once_then_straight_to_the_next_card(tablet):
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Amelia")
    tap_and_wait(page, page.get_by_role("button", name="About me", exact=True))
    first = page.locator("h1").inner_text()
    tap_and_wait(page, page.locator("button.choice--like"))
    expect(page.get_by_role("heading", name="Thank you for telling me.")).to_be_visible()
    tap_and_wait(page, page.locator("main a[href$='/about/next']"))
    second = page.locator("h1").inner_text()
    assert second != first
    tap_and_wait(page, page.locator("button.choice--unsure"))
    # straight on to the next card, with a way to say more about the last one
    assert "/about/cards/" in page.url and "/thanks" not in page.url
    assert page.locator("h1").inner_text() not in (first, second)
    assert page.get_by_text("Thank you for telling me.").count() == 0
    more = page.locator("main a[href$='/more']")
    expect(more).to_be_visible()
    assert second in more.inner_text()
    tap_and_wait(page, more)
    expect(page.get_by_role("heading", name=second)).to_be_visible()


# --- item 5: sizes and direction --------------------------------------------------------

SMALL_TEXT = """() => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent.trim();
    if (!text) continue;
    const el = node.parentElement;
    const skip = '.visually-hidden, .for-adults, .panel--adult, script, style, dialog:not([open])';
    if (el.closest(skip)) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    if (el.closest('.skip-link') && box.bottom <= 0) continue;
    const size = parseFloat(style.fontSize);
    const where = `${el.tagName.toLowerCase()}.${el.className}`;
    if (size < 22) small.push(`${where}: "${text.slice(0, 30)}" ${size}px`);
  }
  return small;
}"""


def pupil_pages(page) -> list[str]:
    """Every page a pupil reads, as paths, after they sorted a card, rated an idea and
    had a rest (for the dates under the faces)."""
    tap_and_wait(page, page.locator("form[action$='/about/start'] button"))
    if "/about/done" in page.url:  # every card sorted already (another test): change one
        tap_and_wait(page, page.locator(".pile a").first)
    card = page.url
    tap_and_wait(page, page.locator("button.choice--dislike"))
    thanks = page.url
    page.goto("/pupil/targets/new/reading/better")
    page.locator("textarea").fill("read a long book")
    tap_and_wait(page, page.locator(".words-form button[type=submit]"))
    target = page.url.split("?")[0]
    tap_and_wait(page, page.locator("button.face").first)
    return [
        "/tablet/privacy",
        "/pupil/",
        card,
        thanks,
        thanks.replace("/thanks", "/more"),
        "/pupil/about/done",
        "/pupil/worry",
        "/pupil/worry/scared",
        "/pupil/worry/sent",
        "/pupil/targets",
        "/pupil/targets/new",
        "/pupil/targets/new/reading",
        "/pupil/targets/new/reading/better",
        target,
    ]


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["820", "390"])
def test_a11y_pupil_text_at_least_22px_and_summary_symbols_96px(tablet, viewport):
    page = tablet(**({"viewport": viewport} if viewport else {}))
    enrol(page)
    small = {"/tablet/": page.evaluate(SMALL_TEXT)}
    tap_name(page, "Sam")
    small["pictures"] = page.evaluate(SMALL_TEXT)
    tap_pictures(page)
    page.wait_for_url("**/pupil/")
    for path in pupil_pages(page):
        page.goto(path)
        small[path] = page.evaluate(SMALL_TEXT)
    page.goto("/pupil/about/done")
    sizes = page.locator(".pile li img.symbol").evaluate_all(
        "imgs => imgs.map(i => Math.min(i.getBoundingClientRect().width,"
        " i.getBoundingClientRect().height))"
    )
    assert sizes and min(sizes) >= 96, sizes
    assert not {path: found for path, found in small.items() if found}


FLIPPED = "img => getComputedStyle(img).transform"


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a11y10_skip_next_and_back_arrows_point_the_reading_way(tablet, lang):
    page = tablet()
    enrol(page)
    pupil_signs_in(page, "Leo")
    tap_and_wait(page, page.get_by_role("button", name="About me", exact=True))
    page.goto(page.url + f"?lang={lang}")
    arrows = page.locator(
        "main img.symbol[src*='/symbols/next.'], main img.symbol[src*='/symbols/back.']"
    )
    assert arrows.count() >= 2  # Skip and Back
    transforms = arrows.evaluate_all(f"imgs => imgs.map({FLIPPED})")
    if lang == "ur":
        assert all(t.startswith("matrix(-1,") for t in transforms), transforms
    else:
        assert all(t == "none" for t in transforms), transforms
    page.goto(f"/pupil/targets?lang={lang}")
    back = page.locator(BACK).first.locator("img")
    assert back.evaluate(FLIPPED).startswith("matrix(-1,") == (lang == "ur")


# --- screenshots of every pupil page, to look at ----------------------------------------


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_screenshots_of_every_pupil_page(tablet, lang, live_app, new_pupils):
    who = {"en": "Mo", "ur": "Nia"}[lang]  # their own: the walk sorts a card
    _fresh_pupil(live_app, new_pupils, who)
    for size, viewport in [("820", None), ("390", PHONE)]:
        page = tablet(**({"viewport": viewport} if viewport else {}))
        enrol(page)
        page.goto(f"/tablet/?lang={lang}")
        screenshot(page, f"kiosk-{lang}-{size}-00-class-list")
        tap_and_wait(page, page.locator("footer a"))
        screenshot(page, f"kiosk-{lang}-{size}-01-privacy-tablet")
        pupil_signs_in(page, who)
        page.goto(f"/pupil/?lang={lang}")
        for number, path in enumerate(pupil_pages(page), start=2):
            page.goto(path)
            name = urlsplit(path).path.strip("/").replace("/", "-")
            screenshot(page, f"kiosk-{lang}-{size}-{number:02d}-{name}")
            assert_no_horizontal_scroll(page)
        page.goto("/pupil/about/cards/2")
        tap_and_wait(page, page.locator("button.choice--like"))
        screenshot(page, f"kiosk-{lang}-{size}-20-straight-to-next-card")
        page.goto("/pupil/worry/hurt")
        page.locator("textarea").fill("My knee hurts")
        page.locator(".pupil-bar button.bar-button--finish").tap()
        page.locator("#finish-check").wait_for()
        screenshot(page, f"kiosk-{lang}-{size}-21-finish-check")
