"""The public page about PupilVoice and privacy, which is also the benchmarks' floor page."""

from __future__ import annotations

import html
import re


def test_about_tells_a_visitor_who_sees_what(client, queries):
    with queries() as ran:
        response = client.get("/about")
    assert response.status_code == 200
    page = html.unescape(response.get_data(as_text=True))
    assert "<h1>About PupilVoice and your privacy</h1>" in page
    assert "Parents and carers see only their own children." in page
    assert "School staff see only the children at their own school." in page
    assert "no trackers and no analytics" in page
    assert "Your child's school is the data controller." in page
    assert len(ran) == 1  # the floor page of benchmarks/pages.py stays one query


def test_about_names_the_signed_in_parents_school(login, world):
    page = login(world.parent).get("/about").get_data(as_text=True)
    assert "Riverside Primary is the data controller." in page


def test_about_loads_nothing_from_other_websites(client):
    page = client.get("/about").get_data(as_text=True)
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_every_page_footer_links_to_about(client):
    assert 'href="/about"' in client.get("/").get_data(as_text=True)
    assert 'href="/about"' in client.get("/auth/login").get_data(as_text=True)


def test_about_with_an_ended_session_is_a_visitors_page_sec_07(login, world, app):
    """SEC-07: the one statement still asks for an open session; a signed-out cookie
    shows the visitor's page at once, with no school named."""
    from pupilvoice.extensions import db
    from pupilvoice.models import LoginSession

    client = login(world.parent)
    assert "Riverside Primary" in client.get("/about").get_data(as_text=True)
    for record in db.session.query(LoginSession).filter_by(user_id=world.parent.id):
        record.ended_at = record.created_at
    db.session.commit()
    page = client.get("/about").get_data(as_text=True)
    assert "Your child's school is the data controller." in page
    assert "Riverside Primary" not in page
