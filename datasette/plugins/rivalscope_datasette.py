"""rivalscope's Datasette plugin (loaded from datasette/plugins by rivalscope.serve).

- exact-decimal SQL functions (dec_sub, dec_index, dec_pct, dec_median) on every connection;
- the landing page's data (dashboards, benchmark tables, canned queries);
- `--public` authentication: one shared password from an environment variable
  (RIVALSCOPE_PASSWORD by default), given on the /-/login form (signed ds_actor cookie) or
  as `Authorization: Bearer <password>` / HTTP Basic (any user name) for scripts. The actor
  is {"id": "rivalscope"}; metadata `allow`/`allow_sql` blocks do the rest.

Datasette registers plugins-directory modules process-wide, so every hook here is a no-op
unless the instance's metadata configures it (plugins: rivalscope: auth: ...).
"""
from __future__ import annotations

import base64
import hmac
import urllib.parse

from datasette import hookimpl
from datasette.utils.asgi import Response

ACTOR = {"id": "rivalscope"}


def _auth_password(datasette) -> str | None:
    config = datasette.plugin_config("rivalscope") or {}
    auth = config.get("auth") or {}
    password = auth.get("password")
    return password or None


def _check(password: str | None, given: str | None) -> bool:
    if not password or given is None:
        return False
    return hmac.compare_digest(password.encode("utf-8"), given.encode("utf-8"))


@hookimpl
def prepare_connection(conn):
    from benchmarks.functions import register_functions

    register_functions(conn)


@hookimpl
def actor_from_request(datasette, request):
    password = _auth_password(datasette)
    if not password:
        return None
    header = request.headers.get("authorization") or ""
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and _check(password, value.strip()):
        return dict(ACTOR)
    if scheme.lower() == "basic":
        try:
            _, _, given = base64.b64decode(value.strip()).decode("utf-8").partition(":")
        except Exception:
            return None
        if _check(password, given):
            return dict(ACTOR)
    return None


def _safe_next(value: str | None) -> str:
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


async def login(request, datasette):
    password = _auth_password(datasette)
    if not password:
        return Response.redirect(datasette.urls.instance())
    error = None
    if request.method == "POST":
        form = await request.post_vars()
        next_url = _safe_next(form.get("next"))
        if _check(password, form.get("password")):
            response = Response.redirect(next_url)
            response.set_cookie("ds_actor", datasette.sign({"a": dict(ACTOR)}, "actor"),
                                httponly=True, samesite="lax")
            return response
        error = "Wrong password."
    else:
        next_url = _safe_next(request.args.get("next"))
    html = await datasette.render_template(
        "rivalscope_login.html", {"next": next_url, "error": error}, request=request)
    return Response.html(html, status=401 if error else 200)


@hookimpl
def register_routes():
    return [(r"^/-/login$", login)]


@hookimpl
def forbidden(datasette, request, message):
    """Anonymous visitors of a protected instance get the login form, not a bare 403."""
    if not _auth_password(datasette) or request.actor:
        return None
    path = request.path
    if path.endswith((".json", ".csv")) or request.args.get("_shape") or "json" in (request.headers.get("accept") or ""):
        return None  # scripts get a plain 403
    next_url = path + (("?" + request.query_string) if request.query_string else "")
    return Response.redirect(datasette.urls.path("/-/login") + "?next=" + urllib.parse.quote(next_url, safe=""))


@hookimpl
def extra_template_vars(template, datasette):
    if template != "index.html":
        return {}

    async def inner():
        dashboards = datasette.plugin_config("datasette-dashboards") or {}
        db_meta = (datasette.metadata("databases") or {}).get("rivalscope") or {}
        tables = db_meta.get("tables") or {}
        names = set()
        if "rivalscope" in datasette.databases:
            names = set(await datasette.get_database("rivalscope").table_names())
        bench = [{"name": n, "title": t.get("title", n), "description": t.get("description", "")}
                 for n, t in tables.items() if n.startswith("bench_")]
        data = [{"name": n, "title": t.get("title", n)} for n, t in tables.items()
                if not n.startswith("bench_") and n in names]
        queries = [{"name": n, "title": q.get("title", n), "description": q.get("description", "")}
                   for n, q in (db_meta.get("queries") or {}).items()]
        return {"rivalscope_home": {
            "dashboards": [{"slug": s, "title": d.get("title", s), "description": d.get("description", "")}
                           for s, d in dashboards.items()],
            "bench_tables": [dict(b, exists=b["name"] in names) for b in bench],
            "data_tables": data,
            "queries": queries,
        }}

    return inner
