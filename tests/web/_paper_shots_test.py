import pytest
from tests.web.test_reply_slip import family, shared  # noqa: F401


@pytest.mark.parametrize("language", ["pl", "ur", "en"])
def test_shot(login, world, family, shared, language):  # noqa: F811
    r = login(world.teacher).get(f"/staff/plans/{shared.id}/slip.pdf?language={language}")
    open(f"/tmp/paper-shots/slip-{language}.pdf", "wb").write(r.data)
