"""A synchronous client of `pagefind --service`, the protocol behind Pagefind's Python API.

The `pagefind` package's own client waits 0.1 s before reading each answer (1.5.x), which makes
a thousand records take 100 s; this one sends a request and reads its answer at once. Requests
and answers are base64-encoded JSON, each followed by a comma.
"""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path


class PagefindError(Exception):
    """Pagefind answered with an error, or stopped."""


def executable() -> Path | None:
    """Pagefind's binary, from the `pagefind[bin]` package; None when it is not installed."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    return get_executable()


class Index:
    """One Pagefind index in a service process of its own; close() always ends the process."""

    def __init__(self, binary: Path, config: dict | None = None) -> None:
        self._process = subprocess.Popen(
            [str(binary), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._buffer = b""
        self._message_id = 0
        self._index_id = self._send({"type": "NewIndex", "config": config})["index_id"]

    def _send(self, payload: dict) -> dict:
        self._message_id += 1
        request = base64.b64encode(
            json.dumps({"message_id": self._message_id, "payload": payload}).encode("utf-8")
        )
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        try:
            stdin.write(request + b",")
            stdin.flush()
        except BrokenPipeError:
            raise PagefindError("Pagefind's service stopped") from None
        while (
            True
        ):  # the answer to this message (Pagefind may send others, such as progress, first)
            while b"," not in self._buffer:
                chunk = stdout.read1(1 << 16)
                if not chunk:
                    raise PagefindError("Pagefind's service stopped")
                self._buffer += chunk
            answer, _, self._buffer = self._buffer.partition(b",")
            message = json.loads(base64.b64decode(answer))
            if message.get("message_id") == self._message_id:
                break
        reply = message["payload"]
        if reply.get("type") == "Error":
            raise PagefindError(reply.get("message", "unknown error"))
        return reply

    def add_record(
        self, url: str, content: str, language: str, meta: dict, filters: dict, sort: dict
    ) -> None:
        self._send(
            {
                "type": "AddRecord",
                "index_id": self._index_id,
                "url": url,
                "content": content,
                "language": language,
                "meta": meta,
                "filters": filters,
                "sort": sort,
            }
        )

    def add_html(self, content: str, source_path: str) -> None:
        self._send(
            {
                "type": "AddFile",
                "index_id": self._index_id,
                "file_path": source_path,
                "url": None,
                "file_contents": content,
            }
        )

    def write(self, output_path: Path) -> None:
        """Write the index's files into output_path. They are asked for and written here, not by
        Pagefind's WriteFiles, whose answer can come before its files are whole."""
        reply = self._send({"type": "GetFiles", "index_id": self._index_id})
        root = output_path.resolve()
        for item in reply.get("files", []):
            target = (root / item["path"]).resolve()
            if root not in target.parents:
                raise PagefindError(f"Pagefind named a file outside the index: {item['path']}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(base64.b64decode(item["content"]))

    def kill(self) -> None:
        """End the process now (from another thread): a request waiting on it raises PagefindError."""
        try:
            self._process.kill()
        except OSError:
            pass

    def close(self) -> None:
        if self._process.stdin:
            try:
                self._process.stdin.close()
            except BrokenPipeError:  # it was ended
                pass
        try:
            self._process.wait(60)  # it may still be writing
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
