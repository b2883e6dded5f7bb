"""`carelens serve`: run the web app under gunicorn."""

from __future__ import annotations

import typer

from carelens.cli.app import app


def start_task_worker():
    """Start `carelens db_worker` beside the web server, for background imports."""
    import subprocess
    import sys

    return subprocess.Popen(
        [sys.executable, "-c", "from carelens.cli import main; main()", "db_worker"]
    )


def serve_app(host: str, port: int, workers: int, task_worker: bool = True) -> None:
    from gunicorn.app.base import BaseApplication

    from carelens.cli import django as dj

    dj.setup()
    from carelens.web.wsgi import application

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("timeout", 120)
            # No access log: request paths can carry person identifiers.
            self.cfg.set("accesslog", None)
            self.cfg.set("errorlog", "-")
            if "control_socket_disable" in self.cfg.settings:
                # gunicorn 25+ would otherwise make a control socket under $HOME.
                self.cfg.set("control_socket_disable", True)

        def load(self):
            return application

    worker = start_task_worker() if task_worker else None
    typer.echo(f"carelens is running at http://{host}:{port}/  (Ctrl+C to stop)")
    try:
        Server().run()
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(2, min=1, help="Number of gunicorn worker processes."),
    task_worker: bool = typer.Option(
        True, help="Also run the background worker that carries out imports."
    ),
) -> None:
    """Serve the web app with gunicorn. Example: carelens serve --port 8000 --workers 4"""
    serve_app(host, port, workers, task_worker)
