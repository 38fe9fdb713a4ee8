"""Fingerprinted, compressed copies of the static files (pupilvoice/assets.py)."""

from __future__ import annotations

import gzip

from pupilvoice import assets


def static_folder(tmp_path, css: str = "body { color: #222; }\n" * 40):
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "css" / "app.css").write_text(css)
    (static / "favicon.svg").write_text("<svg/>")
    return static


def test_a_fingerprint_is_the_content_hash_in_the_name():
    name = assets.fingerprinted_name("css/app.css", b"body{}")
    assert assets.FINGERPRINT.match(name) and name.startswith("css/app.")
    assert name.endswith(".css") and name != assets.fingerprinted_name("css/app.css", b"p{}")
    assert not assets.FINGERPRINT.match("css/app.css")


def test_the_build_holds_both_names_and_compressed_copies(tmp_path):
    static = static_folder(tmp_path)
    made = assets.build(static, tmp_path / "out")
    css = made.names["css/app.css"]
    for name in ("css/app.css", css):
        assert (made.folder / name).read_bytes() == (static / "css" / "app.css").read_bytes()
        assert (
            gzip.decompress((made.folder / f"{name}.gz").read_bytes())
            == (static / "css" / "app.css").read_bytes()
        )
        assert (made.folder / f"{name}.br").exists()
    assert not (made.folder / "favicon.svg.gz").exists()  # too small to gain anything


def test_the_same_files_reuse_their_build_and_a_change_makes_a_new_one(tmp_path):
    static = static_folder(tmp_path)
    first = assets.build(static, tmp_path / "out")
    assert assets.build(static, tmp_path / "out") is first
    (static / "css" / "app.css").write_text("body { color: #000; }\n" * 40)
    assets._BUILDS.clear()  # a new process: the same app started again after the change
    second = assets.build(static, tmp_path / "out")
    assert second.folder != first.folder
    assert second.names["css/app.css"] != first.names["css/app.css"]
    assert second.names["favicon.svg"] == first.names["favicon.svg"]


def test_old_builds_are_removed_but_the_newest_kept(tmp_path):
    static = static_folder(tmp_path)
    folders = []
    for n in range(assets.KEEP + 2):
        (static / "css" / "app.css").write_text(f"p {{ margin: {n}px; }}\n" * 40)
        assets._BUILDS.clear()
        folders.append(assets.build(static, tmp_path / "out").folder)
    kept = sorted((tmp_path / "out").glob("static-*"))
    assert len(kept) == assets.KEEP and folders[-1] in kept and folders[0] not in kept
