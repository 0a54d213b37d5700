"""Logging in and out (GET and POST /login, POST /logout). Failed logins are throttled per name
and per client address (``request.app.state.login_throttle``)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse

from storage import users as user_store

from .auth import address_key, check_login, new_token, token_hash
from .common import call, render
from .csrf import form_post
from .security import local_path, without_token

SESSION_DAYS = 14


@form_post
async def login_page(request: Request):
    if request.method == "GET":
        return render(request, "login.html", next=local_path(without_token(request.query_params.get("next") or "")),
                      message=None)
    form = request.state.form
    throttle = request.app.state.login_throttle
    name, password = str(form.get("name", ""))[:200], str(form.get("password", ""))[:1000]
    next_path = local_path(without_token(str(form.get("next") or "")))
    keys = [("name", name.casefold()), ("address", address_key(request.client.host if request.client else None))]
    wait = throttle.begin(keys)
    if wait > 0:
        minutes = max(1, round(wait / 60))
        response = render(request, "login.html", status_code=429, next=next_path,
                          message=f"too many failed logins for this name or from this address: try again in "
                                  f"{minutes} minute{'s' if minutes > 1 else ''}")
        response.headers["Retry-After"] = str(int(wait) + 1)
        return response
    ok = False
    try:
        stored = await call(request, user_store.password_hash, name)
        # the same scrypt work for a name that does not exist (a dummy hash), off the event loop
        ok = await run_in_threadpool(check_login, password, stored)
    finally:
        throttle.end(keys, ok)
    if not ok:
        return render(request, "login.html", status_code=401, next=next_path, message="wrong name or password")
    token = new_token()
    await call(request, user_store.create_session, token_hash(token), name)
    response = RedirectResponse(next_path, status_code=303)
    response.set_cookie("session", token, httponly=True, samesite="strict", max_age=SESSION_DAYS * 86400,
                        secure=request.url.scheme == "https")
    return response


@form_post
async def logout(request: Request):
    token = request.cookies.get("session")
    if token:
        await call(request, user_store.delete_session, token_hash(token))
    response = RedirectResponse("/login" if request.app.state.require_login else "/", status_code=303)
    response.delete_cookie("session", httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response
