"""Make MkDocs' messages name the editor's file in docs/, never the staging copy."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from scripts.pages.staging import editor_path

DOC_FILE = re.compile(r"(Doc file|page|file) '([^']+\.md)'")


class EditorPathFilter(logging.Filter):
    """Rewrites staged paths in log records to the files editors edit."""

    def __init__(self, docs_dir: Path, staging_dir: Path, shown_prefix: str) -> None:
        super().__init__("shenzhi")
        self.docs_dir = docs_dir
        self.staging_dir = str(staging_dir)
        self.shown_prefix = shown_prefix

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if ".md" not in message and self.staging_dir not in message:
            return True
        message = message.replace(self.staging_dir, str(self.docs_dir))
        message = DOC_FILE.sub(
            lambda m: f"{m.group(1)} '{editor_path(m.group(2), self.docs_dir, self.shown_prefix)}'",
            message,
        )
        record.msg, record.args = message, ()
        return True


def install(docs_dir: Path, staging_dir: Path, shown_prefix: str) -> None:
    """Attach the filter to MkDocs' handlers once (filters on loggers are not inherited)."""
    logger = logging.getLogger("mkdocs")
    for handler in logger.handlers:
        if not any(isinstance(f, EditorPathFilter) for f in handler.filters):
            handler.addFilter(EditorPathFilter(docs_dir, staging_dir, shown_prefix))
