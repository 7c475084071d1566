"""Jinja environment, theme lookup, and page -> HTML."""

from __future__ import annotations

import difflib
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from sitegen.config import SiteConfig
from sitegen.errors import TemplateError
from sitegen.model import MONTHS, month_label
from sitegen.render.pages import KINDS, Page, SiteView, page_context, resolved

BUILTIN_THEME = Path(__file__).parents[1] / "theme"


def theme_dirs(config: SiteConfig) -> list[Path]:
    """Theme folders, most specific first: the site's theme, then the built-in one."""
    site_theme = config.themes_dir / config.theme
    dirs = [site_theme] if site_theme.is_dir() else []
    if BUILTIN_THEME.resolve() not in [d.resolve() for d in dirs]:
        dirs.append(BUILTIN_THEME)
    return dirs


def static_files(config: SiteConfig) -> list[tuple[str, Path]]:
    """Static assets of the theme as (output path, source file); site files win."""
    found: dict[str, Path] = {}
    for theme in reversed(theme_dirs(config)):
        static = theme / "static"
        if static.is_dir():
            for path in sorted(static.rglob("*")):
                if path.is_file():
                    found["static/" + path.relative_to(static).as_posix()] = path
    return sorted(found.items())


def long_date(value: Any, lang: str | None = None) -> str:
    """27 October 2023; in a briefing's own language when it has one (6. November 2023, 2023年11月6日)."""
    if not value:
        return ""
    if lang and not lang.lower().startswith("en"):
        localised = _localised_date(value.date() if hasattr(value, "date") else value, lang)
        if localised:
            return localised
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@functools.lru_cache(maxsize=4096)
def _localised_date(day: Any, lang: str) -> str | None:
    """The long date form of CLDR (Babel) for a language; None for a language it does not know."""
    from babel.core import UnknownLocaleError
    from babel.dates import format_date

    try:
        return format_date(day, format="long", locale=lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def month_name(period_start: Any) -> str:
    return month_label(period_start.year, period_start.month)


_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_TABLE = str.maketrans(_JSON_ESCAPES)  # one pass in C, not a Python loop per character


def jsonld(value: Any) -> Markup:
    """JSON for a <script> element: `<`, `>`, `&` escaped so no text can close the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=None)
    return Markup(text.translate(_JSON_TABLE))


@jinja2.pass_context
def link(context: Any, url: str) -> str:
    """A site-relative URL as a link relative to the page being rendered."""
    target = url.lstrip("/")
    if context["index_links"] and (target == "" or target.endswith("/")):
        target += "index.html"
    return context["root"] + target if target else (context["root"] or "./")


HIDDEN = frozenset(
    {"body_hash", "rev"}
)  # digests of a briefing, not part of what it shows (digests.py)


class _Environment(jinja2.Environment):
    """Templates read no attribute of HIDDEN: what a page shows is always in its fingerprint."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if attribute in HIDDEN:
            return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(argument, str) and argument in HIDDEN:
            return self.undefined(obj=obj, name=argument)
        return super().getitem(obj, argument)


def make_env(config: SiteConfig) -> jinja2.Environment:
    """The theme's Jinja environment: autoescape on, undefined variables are errors."""
    loader = jinja2.FileSystemLoader([str(d / "templates") for d in theme_dirs(config)])
    env = _Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = long_date
    env.filters["month_name"] = month_name
    env.filters["jsonld"] = jsonld
    env.globals["link"] = link
    return env


def _undefined_hint(message: str, names: list[str]) -> str:
    """What to do about an undefined name: the close one, and every name the template receives."""
    hint = "Check the spelling"
    undefined = re.match(r"'(\w+)' is undefined", message)
    close = difflib.get_close_matches(undefined.group(1), names, n=1) if undefined else []
    if close:
        hint += f" (did you mean `{close[0]}`?)"
    return (
        hint + f"; this template receives: {', '.join(f'`{name}`' for name in sorted(set(names)))}."
    )


@dataclass
class Renderer:
    """Renders pages of one site with one environment, each from its kind's context (pages.py)."""

    view: SiteView
    env: jinja2.Environment

    def page_bytes(self, page: Page) -> bytes:
        """The bytes of one output file."""
        kind = KINDS[page.kind]
        context = resolved(page_context(kind, self.view, page))
        if kind.template is None:
            return kind.make(context)
        return self.render(kind.template, context).encode("utf-8")

    def render(self, template_name: str, context: dict[str, Any]) -> str:
        """HTML of one page; template problems raise TemplateError naming file and line."""
        config = self.view.config
        try:
            template = self.env.get_template(template_name)
            return template.render(context)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"{_shown(config, _where(exc.filename, exc.lineno))}: template syntax error: {exc.message}\n  Fix the template, or delete it to use the built-in one."
            ) from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(
                f"template {exc.name} not found in {', '.join(_shown(config, str(d)) for d in theme_dirs(config))}"
            ) from None
        except jinja2.UndefinedError as exc:
            raise TemplateError(
                f"{_shown(config, _template_line(exc, template_name))}: {exc.message}\n  {_undefined_hint(exc.message or '', [*context, 'link'])}"
            ) from None
        except TemplateError:
            raise
        except Exception as exc:
            raise TemplateError(
                f"{_shown(config, _template_line(exc, template_name))}: {type(exc).__name__}: {exc}\n  Fix the template at that line."
            ) from None


def _shown(config: SiteConfig, where: str) -> str:
    """A template location (`file` or `file:line`) as the user knows it: site-relative, or sitegen/theme/..."""
    filename, colon, line = (
        where.rpartition(":")
        if where.rpartition(":")[2].isdigit() or where.endswith(":?")
        else (where, "", "")
    )
    if Path(filename).is_relative_to(
        BUILTIN_THEME
    ):  # as loaded, before the theme folder's link is followed
        return (
            (Path("sitegen/theme") / Path(filename).relative_to(BUILTIN_THEME)).as_posix()
            + colon
            + line
        )
    try:
        return Path(filename).resolve().relative_to(config.root.resolve()).as_posix() + colon + line
    except ValueError:
        return where


def _where(filename: str | None, lineno: int | None) -> str:
    return f"{filename or '<template>'}:{lineno or '?'}"


def _template_line(exc: BaseException, default: str) -> str:
    """Find the innermost template frame of a render error: file and line."""
    tb = exc.__traceback__
    found = default
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html") or filename.endswith(".xml"):
            template = tb.tb_frame.f_globals.get("__jinja_template__")
            line = template.get_corresponding_lineno(tb.tb_lineno) if template else tb.tb_lineno
            found = f"{filename}:{line}"
        tb = tb.tb_next
    return found
