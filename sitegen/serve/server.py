"""sitegen serve: build, serve output/ on loopback, watch, rebuild, reload the browser."""

from __future__ import annotations

import gc
import html
import ipaddress
import logging
import mimetypes
import os
import signal
import threading
from dataclasses import replace
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher
from tornado import web
from tornado.ioloop import IOLoop
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from sitegen.build import BuildOptions, build
from sitegen.config import CONFIG_NAME, SiteConfig, load_config
from sitegen.errors import SitegenError
from sitegen.incremental.state import StateStore
from sitegen.publish.search import clear_scratch, index_in_background, shard_cache
from sitegen.render.pages import not_found_root
from sitegen.report import Reporter
from sitegen.serve.search_background import BackgroundIndex
from sitegen.serve.watch import Debouncer, classify


class Status:
    """The last build's outcome, read by request handlers to show an error overlay."""

    def __init__(self, site_path: str = "/") -> None:
        self.errors: list[str] = []
        self.builds = 0
        self.site_path = site_path  # where the 404 page's links start (the base URL's path); serve's site is at /
        self.search_cache: Path | None = (
            None  # search shards no longer published, still answered for (search.py)
        )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def resolve_request(root: Path, url_path: str) -> Path | None:
    """The file under root a request names, or None if it would leave root or does not exist."""
    if "\0" in url_path or "\\" in url_path:
        return None
    parts = [p for p in url_path.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    target = root.joinpath(*parts)
    real_root = os.path.realpath(root)
    real = os.path.realpath(target)
    if real != real_root and not real.startswith(real_root + os.sep):
        return None
    if os.path.isdir(real):
        real = os.path.join(real, "index.html")
    return Path(real) if os.path.isfile(real) else None


def overlay(errors: list[str]) -> str:
    """A fixed panel over the page listing the build errors."""
    items = "".join(
        f'<li><pre style="white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 .5rem">{html.escape(e)}</pre></li>'
        for e in errors
    )
    return (
        '<div id="sitegen-error-overlay" role="alert" style="position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;'
        'z-index:2147483647;background:#2b0000;color:#fff;font:14px/1.4 monospace;padding:1rem;border-bottom:4px solid #f55">'
        f"<strong>sitegen: the last build failed; showing the last good site.</strong><ul>{items}</ul></div>"
    )


class OutputHandler(web.RequestHandler):
    """Serves files of output/ only; HTML gets the error overlay while a build is broken."""

    def initialize(self, root: Path, status: Status) -> None:
        self.root = root
        self.status = status

    def get(self, path: str) -> None:
        if (
            path
            and not path.endswith("/")
            and (self.root / path).is_dir()
            and resolve_request(self.root, path)
        ):
            self.redirect("/" + path + "/")
            return
        target = resolve_request(self.root, path)
        if target is None and path.startswith("pagefind/") and self.status.search_cache is not None:
            target = resolve_request(
                self.status.search_cache, path[len("pagefind/") :]
            )  # a search page loaded before the last publish
        missing = target is None
        if missing:
            self.set_status(404)
            target = resolve_request(self.root, "404.html")
            if target is None:
                self.finish("Not found")
                return
        data = target.read_bytes()
        site_path = self.status.site_path
        if (
            missing and site_path != "/"
        ):  # its links start at the published sub-path; here the site is at /
            data = data.replace(f'="{site_path}'.encode(), b'="/')
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            kind += "; charset=utf-8"
            if self.status.errors:
                data = data.replace(
                    b"</body>", overlay(self.status.errors).encode() + b"</body>", 1
                )
        self.set_header("Content-Type", kind)
        self.set_header("Cache-Control", "no-store")
        self.finish(data)


class _NoPolling(Watcher):
    """livereload's own watcher polls; sitegen watches with inotify and triggers reloads itself."""

    def start(self, callback) -> bool:  # type: ignore[override]
        return True

    def examine(self):  # type: ignore[override]
        return None, None


class _Server(Server):
    def __init__(self, root: Path, status: Status, on_listening) -> None:
        super().__init__(watcher=_NoPolling())
        self.output_root = root
        self.status = status
        self.on_listening = on_listening

    def application(self, *args, **kwargs):  # type: ignore[override]
        """Bind the port (raises OSError when it cannot), then announce: "serving" only once it listens."""
        super().application(*args, **kwargs)
        self.on_listening()

    def _setup_logging(
        self,
    ) -> None:  # livereload's per-request INFO lines would bury sitegen's own output
        logging.getLogger("livereload").setLevel(logging.WARNING)

    def get_web_handlers(self, script):  # type: ignore[override]
        return [(r"/(.*)", OutputHandler, {"root": self.output_root, "status": self.status})]


WATCHED = (
    "seeds",
    "content",
    "themes",
)  # never output/ or the cache: a build's own writes would flood inotify


class _Changes(FileSystemEventHandler):
    """What changed since the last rebuild: the content files by name, or anything (None); and whether the config did."""

    def __init__(self, root: Path, debouncer: Debouncer, taxonomy: str) -> None:
        self.root = str(root.resolve())
        self.debouncer = debouncer
        self.observer = None
        self.watched: set[str] = set()
        self._lock = threading.Lock()
        self._paths: set[str] | None = (
            None  # content files changed since take(); None: anything may have
        )
        self._config = False  # sitegen.yaml or a file it names changed since take_config()
        self.follow(taxonomy)

    def follow(self, taxonomy: str) -> None:
        """Watch the config and the files it names: the topic file may be in a folder of its own."""
        self.taxonomy = taxonomy
        self.named = {
            os.path.normpath(os.path.join(self.root, name))
            for name in (CONFIG_NAME, "topics.yaml", taxonomy)
        }
        if self.observer is not None:
            self.watch(self.observer)

    def take(self) -> set[str] | None:
        """The content files changed since the last call, or None when others may have changed too."""
        with self._lock:
            paths, self._paths = self._paths, set()
        return paths

    def take_config(self) -> bool:
        """True when the config or a file it names changed since the last call."""
        with self._lock:
            changed, self._config = self._config, False
        return changed

    def _note(self, rel: str, kind: str, event: FileSystemEvent) -> None:
        if event.is_directory and event.event_type == "modified":
            return  # a file in it changed: that file's own event says which
        with self._lock:
            if kind == "content" and not event.is_directory and self._paths is not None:
                self._paths.add(rel)
            else:
                self._paths = None  # a seed, the theme, the config or a folder: scan everything
            if kind == "config":
                self._config = True

    def watch(self, observer: Observer) -> None:
        """Watch the root's own files, and seeds/, content/ and themes/ with everything in them."""
        if self.observer is None:
            observer.schedule(self, self.root, recursive=False)
        self.observer = observer
        for name in WATCHED:
            if name not in self.watched and os.path.isdir(os.path.join(self.root, name)):
                observer.schedule(self, os.path.join(self.root, name), recursive=True)
                self.watched.add(name)
        for path in self.named:  # a named file elsewhere: its folder, on its own
            folder = os.path.dirname(path)
            covered = folder == self.root or any(
                folder == os.path.join(self.root, n)
                or folder.startswith(os.path.join(self.root, n) + os.sep)
                for n in self.watched
            )
            if not covered and folder not in self.watched and os.path.isdir(folder):
                observer.schedule(self, folder, recursive=False)
                self.watched.add(folder)

    def _about_a_watched_folder(self, event: FileSystemEvent) -> bool:
        """True when the event is about seeds/, content/ or themes/ itself (made, moved, deleted)."""
        if event.event_type == "modified":  # a file in it changed: that file's own event says which
            return False
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = os.fsdecode(raw)
            if os.path.dirname(path) == self.root and os.path.basename(path) in WATCHED:
                return True
        return False

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        poke = False
        if event.is_directory and self.observer is not None and self._about_a_watched_folder(event):
            self.watch(self.observer)  # seeds/, content/ or themes/ made while serving
            with self._lock:
                self._paths = None  # files may have come with it before the watch began
            poke = True
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = os.fsdecode(raw)
            if not path:
                continue
            rel = (
                os.path.relpath(path, self.root).replace(os.sep, "/")
                if path.startswith(self.root + os.sep)
                else ""
            )
            kind = (
                "config"
                if os.path.normpath(path) in self.named
                else classify(rel, self.taxonomy)
                if rel
                else None
            )
            if kind:
                self._note(rel, kind, event)
                poke = True
        if poke:
            self.debouncer.poke()


def _rebuild(
    config: SiteConfig,
    options: BuildOptions,
    status: Status,
    reporter: Reporter,
    store: StateStore | None = None,
    changed: set[str] | None = None,
    search_only: bool = False,
):
    """Build; the status (what the overlay shows) is set before anything is printed about it. The report, or None."""
    try:
        report = build(config, options, store=store, changed=changed)
        errors = [str(p) for p in report.errors]
        _set(status, errors)
        reporter.problems(report.errors + report.warnings)
        if not errors:
            if search_only and not report.pages_written and not report.search_pending:
                reporter.line("search index updated")
            else:
                later = (
                    f"; search: {len(report.search_pending)} shard(s) indexing in the background"
                    if report.search_pending
                    else ""
                )
                reporter.line(
                    f"rebuilt: {report.pages_written} pages written in {report.seconds:.2f} s{later}"
                )
        return report
    except SitegenError as exc:
        _failed(status, reporter, exc)
    except Exception as exc:  # keep serving the last good site whatever went wrong
        errors = [f"internal error: {type(exc).__name__}: {exc}"]
        _set(status, errors)
        reporter.error(errors[0])
    return None


def _set(status: Status, errors: list[str]) -> None:
    status.errors = errors
    status.builds += 1


def _failed(status: Status, reporter: Reporter, exc: SitegenError) -> None:
    """Show an error as `sitegen build` prints it, and in the overlay."""
    _set(status, [str(p) for p in exc.problems] or [str(exc)])
    if exc.problems:
        reporter.problems(exc.problems)
    else:
        reporter.error(str(exc))


class _Site:
    """The config serve builds with, read again when sitegen.yaml or a file it names changes."""

    def __init__(self, config: SiteConfig) -> None:
        self.config = config
        self.stale = False  # changed since it was read, or broken when last read

    def reload(self, status: Status, reporter: Reporter) -> bool:
        """Read the config again; False (the error shown) when it is broken: the last good one stays."""
        try:
            self.config = load_config(self.config.root)
        except SitegenError as exc:
            _failed(status, reporter, exc)
            return False
        self.stale = False
        status.site_path = not_found_root(self.config.base_url)
        return True


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


COLLECT_EVERY = 20  # rebuilds between two full runs of the cycle collector


def _collect() -> None:
    """Free what earlier rebuilds left in reference cycles, then set the survivors aside again.

    Each rebuild leaves what it made frozen (build.py), so that the cycle collector does not
    scan the whole archive while the next rebuild runs; this is the occasional full pass.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _warm_up() -> None:
    """Import what a rebuild imports on first use (Jinja, markdown-it, the planner), before the first save."""
    import sitegen.incremental.related_update  # noqa: F401
    import sitegen.publish.run  # noqa: F401
    import sitegen.render.pages  # noqa: F401
    import sitegen.site.select  # noqa: F401
    import sitegen.site.taxonomy  # noqa: F401


def serve(
    config: SiteConfig, host: str, port: int, options: BuildOptions, reporter: Reporter
) -> int:
    """Serve until Ctrl-C; return the exit status."""
    if not is_loopback(host):
        reporter.line(
            f"warning: serving on {host}, reachable from other machines. Use --host 127.0.0.1 to keep it local."
        )
    signal.signal(signal.SIGTERM, _stop)  # `kill` stops serve as Ctrl-C does: the state is written
    status = Status(not_found_root(config.base_url))
    store = StateStore(
        config.cache_dir, in_memory=True
    )  # no pickle round trip per rebuild; written at exit
    output = options.output or config.output_dir
    server = _Server(
        output,
        status,
        lambda: reporter.line(f"serving {output} at http://{host}:{port}/ (Ctrl-C to stop)"),
    )
    loop_holder: dict = {}
    site = _Site(config)
    search = {
        "ready": False,
        "failure": None,
    }  # set by the background index, read by the next rebuild
    search_lock = threading.Lock()

    def search_ready(failure: str | None) -> None:
        """Every shard the site needs is indexed (or one could not be): rebuild to publish the index."""
        with search_lock:
            search["ready"], search["failure"] = True, failure
        debouncer.poke()

    def rebuild_and_reload() -> None:
        site.stale |= changes.take_config()
        paths = changes.take()
        with search_lock:
            ready, failure = search["ready"], search["failure"]
            search["ready"], search["failure"] = False, None
        search_only = ready and paths == set() and not site.stale
        foreground = failure is not None  # index as `sitegen build` does, and show its error
        if site.stale:  # read it again, then build everything as `sitegen build` would
            paths = None
            if site.reload(status, reporter):
                changes.follow(site.config.convert.taxonomy)
                status.search_cache = shard_cache(site.config)
        report = None
        if not site.stale:  # a broken config: no build, its error shown over the last good site
            report = _rebuild(
                site.config,
                replace(options, search_later=not foreground),
                status,
                reporter,
                store,
                paths,
                search_only,
            )
            background.want(
                report.search_pending if report is not None else {}
            )  # {}: what an older rebuild asked for is not needed
        loop = loop_holder.get("loop")
        quiet = (
            search_only
            and report is not None
            and not report.pages_written
            and not report.files_removed
        )  # only the index changed: a search page already open keeps its index
        if loop is not None and not quiet:
            loop.add_callback(LiveReloadHandler.reload_waiters, "*")
        if status.builds % COLLECT_EVERY == 0:
            _collect()

    debouncer = Debouncer(
        rebuild_and_reload, quiet_seconds=0.025
    )  # an editor's save is a burst of a few ms
    background = BackgroundIndex(
        lambda folder, briefings, cancel: index_in_background(
            site.config, folder, briefings, cancel
        ),
        search_ready,
    )
    clear_scratch(config)
    status.search_cache = shard_cache(config)
    observer = Observer()
    changes = _Changes(config.root, debouncer, config.convert.taxonomy)
    changes.watch(observer)
    observer.daemon = True
    observer.start()  # before the first build: every change after its scan is seen
    changes.take()  # the first build scans everything; from here on the watcher names what changed
    _rebuild(config, options, status, reporter, store)
    store.load()  # in memory now, so that the first rebuild need not read it
    _warm_up()
    output.mkdir(parents=True, exist_ok=True)
    background.start()
    debouncer.start()
    IOLoop.current().add_callback(lambda: loop_holder.setdefault("loop", IOLoop.current()))
    try:
        server.serve(port=port, host=host, restart_delay=0)
    except OSError as exc:  # the port is taken, or the address is not this machine's
        raise SitegenError(
            f"cannot listen on {host}:{port}: {exc.strerror}.\n  Pass another --port, or stop the program that uses it."
        ) from None
    finally:
        debouncer.stop()
        observer.stop()
        background.stop()  # a shard half indexed is dropped; output/ keeps the last complete index
        store.flush()
    return 0
