"""STYLE: domain modules import nothing of Flask or SQLAlchemy, and nothing of ours but domain."""

import ast
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "pupilvoice" / "domain"


def test_domain_is_pure():
    for path in DOMAIN.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
            else:
                continue
            for name in names:
                assert not name.startswith(("flask", "sqlalchemy", "pupilvoice", "..")), (
                    f"{path.name} imports {name}"
                )
