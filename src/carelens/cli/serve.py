"""`carelens serve`: run the web app under gunicorn."""

from __future__ import annotations

import typer

from carelens.cli.app import app


def serve_app(host: str, port: int, workers: int) -> None:
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

    typer.echo(f"carelens is running at http://{host}:{port}/  (Ctrl+C to stop)")
    Server().run()


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(2, min=1, help="Number of gunicorn worker processes."),
) -> None:
    """Serve the web app with gunicorn. Example: carelens serve --port 8000 --workers 4"""
    serve_app(host, port, workers)
