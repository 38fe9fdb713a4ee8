"""Locust journeys for `make load` (benchmarks/load.py starts the servers and runs this).

Sixty people, each thinking a second between pages, sharing the demo school: pupils on
enrolled class tablets (picture sign-in, About me cards, "I can" targets), teachers
editing their plans' targets, the SENCO going through the school's lists, and parents
reading and confirming plans. Only the demo accounts are used (they exist in `flask demo`
and in `flask demo --size large`); which plans and classes to use comes from the fixture
map load.py writes (LOAD_FIXTURE), read from the database the servers use.

Every person signs in once (staff and parents with their password, a tablet when a teacher
enrols it), so the sign-in limits only see right tries. Each request is one named step;
redirects after a form are their own steps. A page answering with the wrong status or
without the text it must show counts as an error.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
from pathlib import Path

import gevent
import urllib3
from locust import HttpUser, task
from locust.exception import StopUser

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).parent)]
from timing import arrived  # noqa: E402 - each step timed exactly, by phase

from tests.forms import form_for  # noqa: E402 - the same form filling as the tests

PASSWORD = os.environ.get("LOAD_PASSWORD", "demo-password-2026")
THINK = float(os.environ.get("LOAD_THINK_SECONDS", "1"))
FIXTURE = json.loads(open(os.environ["LOAD_FIXTURE"], encoding="utf-8").read())  # noqa: SIM115
COUNTERS: dict[str, itertools.count] = {}


def next_of(kind: str) -> int:
    return next(COUNTERS.setdefault(kind, itertools.count()))


def links(html: str, pattern: str) -> list[str]:
    return list(dict.fromkeys(re.findall(rf'href="({pattern})"', html)))


# --- one person --------------------------------------------------------------------------


class Person(HttpUser):
    """A browser: keeps its cookies (the app's are Secure, sent here over loopback http, as
    a proxy in front would), follows no redirect on its own, and thinks between pages."""

    abstract = True
    wait_time = staticmethod(lambda: THINK)

    def on_start(self):
        if self.host.startswith("https:"):  # through Caddy, with its own local certificate
            self.client.verify = False
            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
            # Flask-WTF refuses an https POST without a same-origin Referer; browsers send one
            self.client.headers["Referer"] = self.host + "/"
        self.arrive()
        arrived(self.environment)

    def arrive(self):
        """Sign in, once."""

    def insecure_cookies(self) -> None:
        """Send the Secure cookies back over loopback http, as a browser behind a TLS proxy
        would send them over https (requests copies its jar per request, policy and all,
        so the flag itself is cleared)."""
        for cookie in self.client.cookies:
            cookie.secure = False

    def error(self, step: str, message: str) -> None:
        """A journey that cannot go on as a person would expect: one error on ``step``."""
        self.environment.events.request.fire(
            request_type="JOURNEY", name=step, response_time=0, response_length=0,
            exception=RuntimeError(message), context={},
        )  # fmt: skip

    def think(self):
        gevent.sleep(THINK)

    def page(self, step: str, path: str, expect: str | None = None, status: int = 200) -> str:
        with self.client.get(
            path, name=step, allow_redirects=False, catch_response=True
        ) as response:
            self._check(response, status, expect)
        self.insecure_cookies()
        return response.text

    def send(self, step: str, path: str, data: dict, expect=(302, 303), headers=None) -> str:
        """POST and return where the answer sends the browser ("" when it does not)."""
        with self.client.post(
            path, data=data, name=step, allow_redirects=False, catch_response=True,
            headers=headers,
        ) as response:  # fmt: skip
            self._check(response, expect)
        self.insecure_cookies()
        return re.sub(r"^https?://[^/]+", "", response.headers.get("Location", ""))

    def _check(self, response, status, expect: str | None = None) -> None:
        statuses = status if isinstance(status, tuple) else (status,)
        if response.status_code not in statuses:
            response.failure(f"{response.status_code}, not {statuses}: {response.url}")
        elif expect and expect not in response.text:
            response.failure(f"{expect!r} missing from {response.url}")
        else:
            response.success()

    def submit(self, step: str, html: str, action: str, page: str, **changes) -> str:
        form = form_for(html, action, page)
        return self.send(step, action, {**form["fields"], **changes})

    def sign_in(self, email: str, home: str) -> None:
        html = self.page("sign in: page", "/auth/login")
        where = self.submit("sign in", html, "/auth/login", "/auth/login", email=email,
                            password=PASSWORD)  # fmt: skip
        if not where.startswith(home):
            raise StopUser()  # counted as an error above; nothing more this person can do


# --- pupils on class tablets --------------------------------------------------------------


class PupilOnTablet(Person):
    """A class tablet a teacher enrols once; then one pupil of that class after another
    taps their name and three pictures, sorts an About me card, says an "I can" and
    finishes. Each tablet has its own pupils, as children take turns on one tablet."""

    weight = 8

    def arrive(self):
        n = next_of("tablet")
        tablets = FIXTURE["tablets"]
        self.tablet = tablets[n % len(tablets)]
        self.turn = n // len(tablets)  # which of the class's pupils take turns here
        self.sign_in(self.tablet["teacher"], "/staff/")
        html = self.page("teacher: class tablets", "/staff/tablets")
        form = form_for(html, "/staff/tablets/enrol", "/staff/tablets")
        where = self.send("teacher: enrol the tablet", "/staff/tablets/enrol",
                          {**form["fields"], "class_id": self.tablet["class_id"],
                           "name": f"Tablet {n}"})  # fmt: skip
        if where != "/tablet/":
            raise StopUser()

    @task
    def one_pupil(self):
        names = self.page("pupil: class list", "/tablet/", "/tablet/pupils/")
        pupils = links(names, r"/tablet/pupils/\d+")
        per_tablet = max(1, len(pupils) // max(1, FIXTURE["tablets_per_class"]))
        mine = pupils[(self.turn * per_tablet) % len(pupils) :][:per_tablet] or pupils
        me = mine[next_of(f"turn-{id(self)}") % len(mine)]
        self.think()
        html = self.page("pupil: pictures", me)
        for n, picture in enumerate(FIXTURE["pictures"]):
            where = self.submit("pupil: tap a picture", html, me, me, pick=picture)
            if n < len(FIXTURE["pictures"]) - 1:
                html = self.page("pupil: pictures", where)
        if where != "/pupil/":
            self.error("pupil: signed in", f"the last picture led to {where!r}")
            return
        home = self.page("pupil: home", "/pupil/", "/pupil/about/start")
        self.think()
        self.about_me(home)
        self.i_can()
        home = self.page("pupil: home", "/pupil/", "/pupil/finish")
        self.think()
        self.submit("pupil: finish", home, "/pupil/finish", "/pupil/")

    def about_me(self, home: str) -> None:
        where = self.submit("pupil: about me", home, "/pupil/about/start", "/pupil/")
        if "/about/cards/" not in where:
            self.page("pupil: about me done", where)
            return
        card = self.page("pupil: a card", where, "place")
        self.think()
        path = where.split("?")[0]
        where = self.submit("pupil: sort a card", card, path, where, place="like")
        self.page("pupil: after a card", where)
        self.think()

    def i_can(self) -> None:
        self.page("pupil: I can", "/pupil/targets")
        self.think()
        areas = links(self.page("pupil: I can areas", "/pupil/targets/new"),
                      r"/pupil/targets/new/\w+")  # fmt: skip
        self.think()
        starters = links(self.page("pupil: I can starters", areas[0]), rf"{areas[0]}/\w+")
        self.think()
        words = self.page("pupil: I can words", starters[0])
        self.think()
        where = self.submit("pupil: say I can", words, starters[0], starters[0],
                            words="count to twenty")  # fmt: skip
        self.page("pupil: my I can", where, "count to twenty")
        self.think()


# --- teachers, the SENCO, parents -----------------------------------------------------------


class Teacher(Person):
    """A class teacher on their own plans: home, plan, target editor with the live
    checker, save how success will be seen. Two teachers saving one target at once get the
    merge page (409), which is the app answering correctly."""

    weight = 5

    def arrive(self):
        teachers = FIXTURE["teachers"]
        self.me = teachers[next_of("teacher") % len(teachers)]
        self.sign_in(self.me["email"], "/staff/")

    @task
    def edit_a_target(self):
        self.page("teacher: staff home", "/staff/", "/staff/pupils/")
        self.think()
        plan = self.me["plans"][next_of(f"plan-{id(self)}") % len(self.me["plans"])]
        self.page("teacher: plan", f"/staff/plans/{plan['id']}")
        self.think()
        url = f"/staff/plans/{plan['id']}/targets/{plan['target']}"
        html = self.page("teacher: target editor", url, "smart_text")
        token = form_for(html, url, url)["fields"]["csrf_token"]
        self.think()
        self.send("teacher: live checker", "/staff/check",
                  json.dumps({"kind": "plain", "text": "I can count to twenty."}),
                  expect=200, headers={"Content-Type": "application/json",
                                       "X-CSRFToken": token})  # fmt: skip
        self.think()
        # how success is seen: words parents read, so an agreed plan goes back to its
        # parents to confirm (and they do, in the Parent journey)
        words = "In 4 of 5 lessons." if next_of("words") % 2 else "In 4 out of 5 lessons."
        where = self.submit_target(html, url, words)
        if where:
            self.page("teacher: plan after saving", where)
        self.think()

    def submit_target(self, html: str, url: str, words: str) -> str:
        form = form_for(html, url, url)
        with self.client.post(url, data={**form["fields"], "success_criteria": words},
                              name="teacher: save a target", allow_redirects=False,
                              catch_response=True) as response:  # fmt: skip
            self._check(response, (302, 303, 409))  # 409: someone saved it first
        self.insecure_cookies()
        return re.sub(r"^https?://[^/]+", "", response.headers.get("Location", ""))


class Senco(Person):
    """The SENCO going through the school's lists."""

    weight = 3
    PAGES = [
        ("senco: staff home", "/staff/"),
        ("senco: school", "/school/"),
        ("senco: SEN register", "/school/register"),
        ("senco: provision map", "/staff/provisions"),
        ("senco: families", "/staff/families/"),
        ("senco: pupils", "/school/pupils"),
        ("senco: audit log", "/school/audit/"),
    ]

    def arrive(self):
        self.sign_in(FIXTURE["senco"], "/staff/")

    @task
    def lists(self):
        for step, path in self.PAGES:
            self.page(step, path)
            self.think()


class Parent(Person):
    """A parent at home: the family page, each child's plan, and answers when asked."""

    weight = 4

    def arrive(self):
        parents = FIXTURE["parents"]
        self.sign_in(parents[next_of("parent") % len(parents)], "/family/")

    @task
    def plans(self):
        home = self.page("parent: family home", "/family/")
        self.think()
        for path in links(home, r"/family/plans/\d+"):
            html = self.page("parent: plan", path)
            self.think()
            try:
                form = form_for(html, path, path)
            except LookupError:
                continue  # nothing to answer now
            answers = {k: "agree" for k in form["options"] if k.startswith("answer_")}
            with self.client.post(path, data={**form["fields"], **answers},
                                  name="parent: confirm", allow_redirects=False,
                                  catch_response=True) as response:  # fmt: skip
                # 409: a teacher changed the plan while the page was open (REL-04)
                self._check(response, (302, 303, 409))
            self.insecure_cookies()
            self.think()
