"""`workbench serve`: the TUI in the browser for a desk, and `serve users` to let reviewers in.
A thin click layer over workbench.serve and store.users, as cli.py is."""
from __future__ import annotations

import ipaddress

import click

from .cli import Settings, _reviewer_name, emit_json, pass_settings
from .errors import BadInput, WorkbenchError


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host`; a name other than localhost may resolve anywhere."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.group(invoke_without_command=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; another than loopback needs a user first (`serve users add`).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--max-sessions", default=20, show_default=True, type=click.IntRange(min=1),
              help="Browser sessions open at once; more are refused (503), never started.")
@click.option("--idle-minutes", default=30.0, show_default=True, type=click.FloatRange(min=0.01),
              help="Close a session after this long without a key or click.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, max_sessions: int, idle_minutes: float) -> None:
    """Serve the workbench in the browser to signed-in reviewers; `serve users add NAME` lets one in."""
    if ctx.invoked_subcommand is not None:
        return
    from .store.users import count_users

    settings = ctx.find_object(Settings)
    if not is_loopback(host) and not count_users(settings.db):
        raise WorkbenchError(f"refusing to listen on {host} with no users: nobody could sign in; "
                             "add one first with `workbench serve users add NAME`")
    from .serve.server import WorkbenchServer

    server = WorkbenchServer(settings.db, host=host, port=port, max_sessions=max_sessions,
                             idle_minutes=idle_minutes)
    try:
        server.serve()
    except OSError as exc:  # the port is taken, or below 1024 for a user: not a file problem, as cli.py would say
        raise WorkbenchError(f"cannot listen on {host} port {port} ({exc.strerror or exc}); another program may "
                             "hold it: give --port N") from None


@serve.group("users", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_context
def users_group(ctx: click.Context, as_json: bool) -> None:
    """Who may sign in: list them; add (prints a sign-in link) or remove one."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(users_list, as_json=as_json)


@users_group.command("add")
@click.argument("name")
@click.option("--url", "base_url", default="http://127.0.0.1:8000", show_default=True,
              envvar="WORKBENCH_SERVE_URL",
              help="The address reviewers open the workbench at ($WORKBENCH_SERVE_URL), for the link.")
@pass_settings
def users_add(settings: Settings, name: str, base_url: str) -> None:
    """Add reviewer NAME (or give them a new link) and print their one-time sign-in link."""
    from .store.users import LINK_LIFETIME, invite_user

    try:
        name = _reviewer_name(name)
    except BadInput as exc:  # its message names --reviewer, the global option; here the name is an argument
        raise BadInput(str(exc).replace("give --reviewer NAME", "give the reviewer's name")) from None
    invitation = invite_user(settings.db, name, settings.reviewer)
    click.echo(f"{base_url.rstrip('/')}/signin/{invitation.token}")
    click.echo(f"workbench: a sign-in link for {invitation.name}, usable once within "
               f"{LINK_LIFETIME.days} days; send it to them privately", err=True)


@users_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_settings
def users_list(settings: Settings, as_json: bool) -> None:
    """Users, whether their link is still waiting, and how many browsers they have signed in."""
    from .store.users import list_users

    rows = list_users(settings.db)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("No users yet: `workbench serve users add NAME` adds one and prints their sign-in link.")
    for r in rows:
        state = "link not used yet" if r["link_waiting"] else f"{r['sessions']} signed-in browser(s)"
        click.echo(f"{r['name']:<24} added {r['added_at'][:10]} by {r['added_by']:<16} {state}")


@users_group.command("remove")
@click.argument("name")
@pass_settings
def users_remove(settings: Settings, name: str) -> None:
    """Remove NAME: their link and sessions stop working; an open session closes within a minute."""
    from .store.users import remove_user

    click.echo(f"removed {remove_user(settings.db, name)}")
