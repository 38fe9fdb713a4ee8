"""STYLE: domain modules import nothing of Flask or SQLAlchemy, and nothing of ours but domain."""

import ast
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "pupilvoice" / "domain"


def _imported(node: ast.AST, depth: int) -> list[str]:
    """Module names an import node names; a relative one as seen from ``domain``, so a
    module in a package below it may import its neighbours (one dot more a level)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level == 0:
        return [node.module or ""]
    return ["." * max(node.level - depth, 1) + (node.module or "")]


def test_domain_is_pure():
    for path in DOMAIN.rglob("*.py"):
        depth = len(path.relative_to(DOMAIN).parts) - 1
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            for name in _imported(node, depth):
                assert not name.startswith(("flask", "sqlalchemy", "pupilvoice", "..")), (
                    f"{path.name} imports {name}"
                )
