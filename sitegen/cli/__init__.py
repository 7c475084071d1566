"""Command line: parse arguments, call one function, map errors to exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitegen import __version__
from sitegen.errors import SitegenError, UsageError, os_error_text
from sitegen.report import Reporter

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _count(text: str) -> int:
    """--workers: a whole number of at least 1."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            f'"{text}" is not a number of processes; give a whole number of at least 1'
        )
    return int(text)


def _port(text: str) -> int:
    """--port: a TCP port, 1 to 65535."""
    if not text.strip().isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(
            f'"{text}" is not a port; give a whole number from 1 to 65535'
        )
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sitegen",
        description="Turn raw news text (seeds/) into Markdown briefings (content/) and a static archive site (output/).",
    )
    parser.add_argument("--version", action="version", version=f"sitegen {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--site",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the site folder (default: the current directory)",
    )
    common.add_argument(
        "--debug", action="store_true", help="show Python tracebacks for internal errors"
    )
    common.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list every warning, and more detail in the summary",
    )
    common.add_argument("--strict", action="store_true", help="treat warnings as errors")
    common.add_argument(
        "--workers",
        type=_count,
        default=None,
        metavar="N",
        help="processes to use (default: one per core)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    convert = sub.add_parser(
        "convert",
        parents=[common],
        help="convert seed files into Markdown briefings",
        description="Convert each seed in seeds/ into a Markdown briefing with YAML front matter in content/. Hand-edited briefings are never overwritten.",
    )
    convert.add_argument(
        "--seeds", type=Path, metavar="DIR", help="seed folder (default: SITE/seeds)"
    )
    convert.add_argument(
        "--content", type=Path, metavar="DIR", help="content folder (default: SITE/content)"
    )
    convert.add_argument(
        "--force", action="store_true", help="overwrite briefings even if edited by hand"
    )
    convert.add_argument(
        "--explain",
        type=Path,
        metavar="SEED",
        help="write nothing; print what the converter reads in one seed (headline, date, source, author, body) and why",
    )

    build = sub.add_parser(
        "build",
        parents=[common],
        help="convert new seeds, then build the site into output/",
        description="Convert new or changed seeds, then render the content through the theme into output/. The published output/ is replaced only when the build completes.",
    )
    build.add_argument(
        "--output", type=Path, metavar="DIR", help="output folder (default: SITE/output)"
    )
    build.add_argument(
        "--base-url",
        metavar="URL",
        help="absolute URL the site is published at (overrides sitegen.yaml)",
    )
    build.add_argument("--drafts", action="store_true", help="include briefings marked draft: true")
    build.add_argument(
        "--future", action="store_true", help="include briefings dated in the future"
    )
    build.add_argument("--check", action="store_true", help="run `sitegen check` on the result")

    check = sub.add_parser(
        "check",
        parents=[common],
        help="check a built site: links, anchors, feeds, sitemap, titles",
        description="Check the built site in output/: internal links and anchors resolve, every page is reachable from the home page, feeds follow the RSS, Atom and JSON Feed rules, the sitemap lists every page, and each page has a title, a lang and one h1. Exit status 1 on any problem.",
    )
    check.add_argument(
        "--output", type=Path, metavar="DIR", help="the built site (default: SITE/output)"
    )
    check.add_argument(
        "--base-url",
        metavar="URL",
        help="absolute URL the site is published at (overrides sitegen.yaml)",
    )

    new = sub.add_parser(
        "new",
        help="make a new site folder with a commented sitegen.yaml and a sample seed",
        description="Make a new archive site in DIR: a commented sitegen.yaml, seeds/ with a sample seed, content/, themes/ ready for overrides and a .gitignore. DIR must not exist or be empty.",
    )
    new.add_argument("dir", type=Path, metavar="DIR", help="the folder to create")
    new.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    new.add_argument("-v", "--verbose", action="store_true", help="list every file made")
    new.add_argument(
        "--debug", action="store_true", help="show Python tracebacks for internal errors"
    )

    serve = sub.add_parser(
        "serve",
        parents=[common],
        help="build, serve output/ and rebuild + reload the browser on every change",
        description="Build the site, serve output/ locally, watch seeds, content, themes, sitegen.yaml and the topic file, rebuild once per burst of changes (the whole site, with the config read again, when sitegen.yaml or the topic file changed) and reload the browser.",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)"
    )
    serve.add_argument("--port", type=_port, default=8000, help="port, 1 to 65535 (default: 8000)")
    serve.add_argument("--drafts", action="store_true", help="include drafts")
    serve.add_argument("--future", action="store_true", help="include future-dated briefings")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run sitegen; return the exit status (0 ok, 1 problems, 2 usage)."""
    reporter = Reporter()
    args = None
    try:
        args = _parser().parse_args(argv)
        if args.quiet and args.verbose:
            raise UsageError(
                "--quiet and --verbose cannot be used together; choose one (see `sitegen --help`)"
            )
        reporter = Reporter(
            quiet=args.quiet, verbose=args.verbose, strict=getattr(args, "strict", False)
        )
        from sitegen.cli import commands

        return commands.COMMANDS[args.command](args, reporter)
    except SitegenError as exc:
        if exc.problems:
            reporter.problems(exc.problems)
        else:
            reporter.error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        reporter.error("interrupted.")
        return 130
    except (
        OSError
    ) as exc:  # a full disk, a read-only or unreadable folder: the user's to fix, no traceback
        if args is not None and getattr(args, "debug", False):
            raise
        reporter.error(os_error_text(exc))
        return EXIT_ERRORS
    except Exception as exc:  # an internal error: one clear line unless --debug
        if args is not None and getattr(args, "debug", False):
            raise
        reporter.error(
            f"internal error: {type(exc).__name__}: {exc}. Re-run with --debug for details, and please report it."
        )
        return EXIT_ERRORS


if __name__ == "__main__":
    sys.exit(main())
