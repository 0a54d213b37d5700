"""The terminal side shared by the commands: the consoles, the progress bar and the fetch table."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..terminal import term

err_console = Console(stderr=True)


def console() -> Console:
    out = Console(highlight=False, soft_wrap=True)
    if not out.is_terminal:  # piped or captured: do not squeeze tables into 80 columns
        out = Console(highlight=False, soft_wrap=True, width=160)
    return out


def progress_bar(label: str) -> Progress:
    """A bar on standard error, only when it is a terminal; gone when done."""
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err_console, transient=True, disable=not err_console.is_terminal)


def run_with_progress(run):
    with progress_bar("fetching") as bar:
        task = bar.add_task("articles", total=0)

        def progress(event: str, n: int) -> None:
            if event == "queued":
                bar.update(task, total=(bar.tasks[0].total or 0) + n)
            else:
                bar.advance(task, n)
        return run(progress)


def render_reports(out: Console, reports) -> None:
    table = Table(title="fetch summary")
    for col, justify in (("source", "left"), ("status", "left"), ("new", "right"), ("updated", "right"),
                         ("unchanged", "right"), ("failed", "right"), ("bytes", "right"), ("seconds", "right")):
        table.add_column(col, justify=justify)
    total_new = total_failed = total_bytes = 0
    for r in reports:
        style = {"failed": "red", "partial": "yellow", "unchanged": "dim"}.get(r.status, "")
        status = term(r.status)
        table.add_row(term(r.name), f"[{style}]{status}[/{style}]" if style else status, str(r.new), str(r.updated),
                      f"{r.unchanged}/{r.documents}", str(r.failed), f"{r.bytes:,}", f"{r.seconds:.1f}")
        total_new, total_failed, total_bytes = total_new + r.new, total_failed + r.failed, total_bytes + r.bytes
    table.add_section()
    table.add_row("total", "", str(total_new), str(sum(r.updated for r in reports)), "", str(total_failed),
                  f"{total_bytes:,}", "")
    out.print(table)
    for r in reports:  # errors carry URLs and text from the web: never markup, never control characters
        if r.error:
            out.print(f"[red]{term(r.name)}: {term(r.error)}[/red]", markup=True, highlight=False)
        if r.warning:
            out.print(f"[yellow]{term(r.name)}: {term(r.warning)}[/yellow]", markup=True, highlight=False)
        for e in r.errors:
            out.print(f"{term(r.name)}: {term(e)}", markup=True, highlight=False)
