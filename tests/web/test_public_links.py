"""SEC-16: every link that leaves by mail, letter or QR code is built from PUBLIC_URL,
never from the Host a request names; production needs an https PUBLIC_URL, and refuses
requests naming any other host."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from pupilvoice import create_app
from pupilvoice.config import ProductionConfig
from pupilvoice.extensions import db as _db
from pupilvoice.links import public_address, public_url
from pupilvoice.services import plans
from tests.conftest import Client, sign_in
from tests.web.plan_helpers import make_plan, target_values

PUBLIC = "https://pupilvoice.school.example"
EVIL = "evil.example"
LINK = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture(autouse=True)
def school_address(app):
    app.config["PUBLIC_URL"] = PUBLIC


def forged(client: Client, host: str = EVIL) -> Client:
    """The same browser, but its requests name ``host`` (its cookies go along)."""
    for cookie in list(client._cookies.values()):
        client.set_cookie(cookie.key, cookie.value, domain=host, path=cookie.path)
    client.environ_base["HTTP_HOST"] = host
    return client


def links_in(message) -> list[str]:
    body = message.get_content()
    assert EVIL not in body
    found = LINK.findall(body)
    assert found, body
    return found


def assert_public(links: list[str]) -> None:
    assert links and all(link.startswith(PUBLIC + "/") for link in links), links


def test_sec16_reset_with_forged_host_mails_the_public_address(app, world, outbox, deliver):
    client = forged(app.test_client())
    response = client.form("/auth/reset", {"email": world.teacher.email})
    assert response.status_code == 302
    deliver()
    (message,) = outbox
    (link,) = links_in(message)
    assert re.fullmatch(re.escape(PUBLIC) + r"/auth/reset/[\w-]+", link)
    assert app.test_client().get(link.removeprefix(PUBLIC)).status_code == 200  # it works


def test_sec16_invitation_with_forged_host_links_to_the_public_address(
    app, login, world, factory, db, outbox, deliver
):
    parent = factory.user(world.school, "parent", "Ana Lopes", email="ana@family.example")
    parent.password_hash = None
    factory.link(parent, world.pupil)
    db.session.commit()
    teacher = forged(login(world.teacher))
    url = f"/staff/families/{parent.id}/email"
    assert teacher.form(url, page="/staff/families/").status_code == 302
    deliver()
    (message,) = outbox
    assert_public(links_in(message))
    assert "/auth/welcome/" in message.get_content()


def test_sec16_plan_notice_with_forged_host_links_to_the_public_address(
    login, world, factory, db, outbox, deliver
):
    newcomer = factory.user(world.school, "parent", "Ana Lopes", email="ana@family.example")
    newcomer.password_hash = None
    factory.link(newcomer, world.pupil)
    plan = make_plan(world, targets=1)
    plans.add_target(world.teacher, plan, target_values(smart_text="Count to 20."))
    db.session.commit()
    teacher = forged(login(world.teacher))
    url = f"/staff/plans/{plan.id}"
    teacher.form(f"{url}/share", page=url)
    deliver()
    by_address = {m["To"]: links_in(m) for m in outbox}
    assert set(by_address) == {world.parent.email, newcomer.email}
    for links in by_address.values():
        assert_public(links)
    assert f"{PUBLIC}/family/plans/{plan.id}?lang=en" in by_address[world.parent.email]


def test_sec16_worry_alert_with_forged_host_links_to_the_public_address(
    world, pupil_login, outbox, deliver
):
    sam = forged(pupil_login(world.pupil))
    assert sam.form("/pupil/worry/hurt", {"words": "My tummy hurts"}).status_code == 303
    deliver()
    assert len(outbox) == 2
    for message in outbox:
        assert links_in(message) == [f"{PUBLIC}/staff/pupils/{world.pupil.id}"]


def qr_text(data_uri: str) -> str:
    """Decode the letter's QR code: draw segno's SVG path (rows of "h" runs) and scan it."""
    svg = unquote(data_uri.split(",", 1)[1])
    size = int(re.search(r"width=['\"](\d+)", svg).group(1)) // 4
    image = Image.new("L", (size * 8, size * 8), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, a, b in re.findall(r"([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?", svg):
        if command in "Mm":
            x, y = (float(a), float(b)) if command == "M" else (x + float(a), y + float(b))
        else:
            row = int(y - 0.5)
            draw.rectangle([x * 8, row * 8, (x + float(a)) * 8 - 1, row * 8 + 7], fill=0)
            x += float(a)
    return zxingcpp.read_barcode(image).text


def test_sec16_letter_qr_and_join_address_use_the_public_address(login, world, factory, db):
    parent = factory.user(world.school, "parent", "Ana Lopes", email="ana@family.example")
    parent.password_hash = None
    factory.link(parent, world.pupil)
    db.session.commit()
    teacher = forged(login(world.teacher))
    url = f"/staff/families/{parent.id}/letter"
    page = teacher.form(url, page="/staff/families/").get_data(as_text=True)
    assert "pupilvoice.school.example/join" in page and EVIL not in page
    qr = re.search(r'<img class="letter__qr" src="([^"]+)"', page).group(1)
    link = qr_text(qr.replace("&amp;", "&"))
    assert re.fullmatch(re.escape(PUBLIC) + r"/auth/welcome/[\w-]+\?lang=en", link), link


def test_sec16_remind_parents_from_cron_links_to_the_public_address(
    app, world, db, outbox, deliver
):
    """A command has no request at all: the reminder's links still come from PUBLIC_URL."""
    from datetime import timedelta

    from pupilvoice.models import PlanDelivery
    from pupilvoice.models.base import utcnow

    plan = make_plan(world, targets=1)
    plans.add_target(world.teacher, plan, target_values(smart_text="Count to 20."))
    _db.session.commit()
    teacher = app.test_client()
    sign_in(teacher, world.teacher)
    teacher.form(f"/staff/plans/{plan.id}/share", page=f"/staff/plans/{plan.id}")
    for delivery in db.session.query(PlanDelivery).all():
        delivery.sent_at = utcnow() - timedelta(days=8)
    db.session.commit()
    deliver()
    outbox.clear()
    result = app.test_cli_runner().invoke(args=["remind-parents"])
    assert result.exit_code == 0, result.output
    deliver()
    (message,) = outbox
    assert_public(links_in(message))


def test_sec16_public_url_needs_no_request_and_keeps_a_path_prefix(app):
    app.config["PUBLIC_URL"] = "https://school.example/pupilvoice"
    with app.app_context():  # as in a command run from cron: no request at all
        assert public_url("join.enter_code") == "https://school.example/pupilvoice/join"
        assert public_address("auth.reset", token="ab") == "school.example/pupilvoice/auth/reset/ab"


# --- production ----------------------------------------------------------------------------


@pytest.fixture
def production(monkeypatch):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "x" * 40)
    monkeypatch.setattr(ProductionConfig, "SQLALCHEMY_DATABASE_URI", "sqlite://")
    monkeypatch.setattr(ProductionConfig, "PUBLIC_URL", PUBLIC)
    return monkeypatch


@pytest.mark.parametrize(
    "url",
    [None, "", "http://127.0.0.1:5000", "http://pupilvoice.school.example", "https://", "ftp://x"],
)
def test_sec16_production_refuses_a_missing_or_plain_http_public_url(production, url):
    production.setattr(ProductionConfig, "PUBLIC_URL", url)
    with pytest.raises(RuntimeError, match="PUBLIC_URL"):
        create_app("production")


def test_sec16_production_starts_with_an_https_public_url(production):
    app = create_app("production")
    assert app.config["TRUSTED_HOSTS"] == ["pupilvoice.school.example"]


def test_sec16_production_refuses_a_forged_host_with_400(production):
    production.setattr(ProductionConfig, "TRUSTED_HOSTS", ["pupilvoice.other.example"])
    app = create_app("production")
    assert app.config["TRUSTED_HOSTS"] == ["pupilvoice.school.example", "pupilvoice.other.example"]
    client = app.test_client()
    for host in ("pupilvoice.school.example", "pupilvoice.other.example:443"):
        response = client.get("/healthz", headers={"Host": host})
        assert response.status_code == 200, host
    for path in ("/healthz", "/auth/login", "/auth/reset"):
        response = client.get(path, headers={"Host": EVIL})
        assert response.status_code == 400, path
        assert "Something was wrong with that request" in response.get_data(as_text=True)
    response = client.post("/auth/reset", headers={"Host": EVIL}, data={"email": "a@b.example"})
    assert response.status_code == 400
    assert "Something was wrong with that request" in response.get_data(as_text=True)
