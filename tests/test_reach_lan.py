"""`wic serve --lan`: phones on the centre's Wi-Fi. Tests only ever talk to 127.0.0.1; whether the
server listens beyond this machine is read from its bound address, never by connecting to a LAN IP."""

from __future__ import annotations

import io
import logging
import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from contextlib import redirect_stderr
from pathlib import Path

import pytest

import wic
from wic.serve.server import make_server

PROJECT = Path(__file__).resolve().parents[1]


def _get(url: str, headers: dict | None = None):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.fixture()
def lan_server(built_site):
    """A server as `wic serve --lan` sets it up, but bound to 127.0.0.1 for the test."""
    server = make_server(built_site, 0)
    server.phone_addresses = ["10.42.0.1"]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _listening(port: int) -> set[str]:
    """Local addresses listening on port, from the kernel's socket table."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, p = local.split(":")
        if int(p, 16) == port and state == "0A":        # 0A: LISTEN
            found.add(".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0)))
    return found


def _serve(built_site, *extra):
    env = {**os.environ, "PYTHONPATH": str(Path(wic.__file__).resolve().parents[1])}
    proc = subprocess.Popen([sys.executable, "-u", "-m", "wic.cli", "--project", str(PROJECT), "serve",
                             "--site-dir", str(built_site), "--port", "0", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline()
    port = int(re.search(r"127\.0\.0\.1:(\d+)/", line).group(1))
    return proc, port


@pytest.mark.parametrize("extra, expected", [((), {"127.0.0.1"}), (("--lan",), {"0.0.0.0"})])
def test_serve_leaves_the_machine_only_when_asked(built_site, extra, expected):
    proc, port = _serve(built_site, *extra)
    try:
        assert _listening(port) == expected
        # Either way this machine reaches it; and no visitor's address is ever printed.
        status, _, body = _get(f"http://127.0.0.1:{port}/index.html")
        assert status == 200 and b"<html" in body
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=10)
    assert "127.0.0.1 -" not in err + out and '"GET' not in err + out


def test_default_server_object_binds_loopback(built_site):
    server = make_server(built_site, 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
        assert server.phone_addresses is None
    finally:
        server.server_close()


def test_pages_are_revalidated_with_an_etag(lan_server):
    _, url = lan_server
    status, headers, body = _get(url + "farm-safety/first-aid.html")
    assert status == 200 and body
    assert headers["Cache-Control"] == "no-cache"
    etag = headers["ETag"]
    status, headers, body = _get(url + "farm-safety/first-aid.html", {"If-None-Match": etag})
    assert status == 304 and body == b"" and headers["ETag"] == etag
    # The folder address serves its index page with the same rules.
    status, headers, _ = _get(url)
    assert status == 200 and headers["Cache-Control"] == "no-cache" and headers["ETag"]


def test_assets_are_cached_for_a_while(lan_server, built_site):
    _, url = lan_server
    status, headers, _ = _get(url + "assets/wic/wic.css")
    assert status == 200 and re.fullmatch(r"max-age=\d+", headers["Cache-Control"])
    assert int(headers["Cache-Control"].split("=")[1]) >= 60 and headers["ETag"]
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js"))
    _, headers, _ = _get(url + f"assets/javascripts/{bundle.name}")
    assert "immutable" in headers["Cache-Control"]


def test_open_on_phone_page_shows_the_address_and_a_qr_code(lan_server):
    server, url = lan_server
    status, headers, body = _get(url + "open-on-phone.html")
    page = body.decode()
    port = server.server_address[1]
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert f"http://10.42.0.1:{port}/" in page
    assert "<svg" in page and "ເປີດໃນໂທລະສັບ" in page
    assert (Path(wic.__file__).parents[2] / "overrides/assets/wic/phone.css").is_file()


def test_qr_code_decodes_to_the_address():
    import segno

    from wic.serve.phone import qr_svg

    expected = segno.make("http://10.42.0.1:8000/", error="m", micro=False)
    svg = qr_svg("http://10.42.0.1:8000/")
    assert expected.designator in ("2-M", "3-M")
    assert str(svg) == expected.svg_inline(border=4, dark="#000", light="#fff", omitsize=True)


def test_phone_page_is_absent_without_lan(built_site):
    server = make_server(built_site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        status, _, _ = _get(f"http://127.0.0.1:{server.server_address[1]}/open-on-phone.html")
        assert status == 404
    finally:
        server.shutdown()
        server.server_close()


def test_a_failed_request_is_logged_without_the_visitors_address(built_site, caplog):
    server = make_server(built_site, 0)
    try:
        stderr = io.StringIO()
        with redirect_stderr(stderr), caplog.at_level(logging.WARNING, logger="mkdocs.plugins.wic"):
            try:
                raise ConnectionResetError("peer went away")
            except ConnectionResetError:
                server.handle_error(None, ("192.168.44.7", 51234))
        assert "peer went away" in caplog.text
        assert "192.168.44.7" not in caplog.text + stderr.getvalue()
    finally:
        server.server_close()
