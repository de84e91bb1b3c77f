"""The sign-in relay page (relay/index.html) served over loopback in place of its published
address, over https with a throw-away certificate (or plain http); every request that reaches it
is written down."""

from __future__ import annotations

import base64
import datetime
import hashlib
import ipaddress
import ssl
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.fakes.loopback import FakeHandler, LoopbackServer

PAGE = Path(__file__).resolve().parents[2] / "relay" / "index.html"
PATH = "/sync-checkup/"  # as on a project's GitHub Pages site


def _certificate(folder: Path) -> tuple[Path, Path, str]:
    """A self-signed certificate for 127.0.0.1: (cert file, key file, SPKI hash for Chromium)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(hours=2))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "relay-cert.pem", folder / "relay-key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    spki = key.public_key().public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)
    return cert_file, key_file, base64.b64encode(hashlib.sha256(spki).digest()).decode()


class RelayPage(LoopbackServer):
    """`with RelayPage() as relay:`; `relay.address` is what the Intuit app would register.

    `tls_folder`: serve over https with a new certificate kept there; `relay.chromium_flags`
    then tells Chromium to trust that one certificate.
    """

    def __init__(self, html: str | None = None, headers: dict[str, str] | None = None,
                 tls_folder: Path | None = None) -> None:
        self.html = (html if html is not None else PAGE.read_text(encoding="utf-8")).encode()
        self.headers = headers or {}  # extra response headers for the page
        self.requests: list[str] = []  # every path asked for, query included
        super().__init__(_Handler)
        self.spki: str | None = None
        if tls_folder is not None:
            cert_file, key_file, self.spki = _certificate(tls_folder)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert_file, key_file)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)

    @property
    def url(self) -> str:
        scheme = "https" if self.spki else "http"
        return f"{scheme}://127.0.0.1:{self.server.server_address[1]}"

    @property
    def address(self) -> str:
        return self.url + PATH

    @property
    def chromium_flags(self) -> list[str]:
        """Chromium takes the page for a public site (as its real address is), trusting its
        certificate when it has one."""
        flags = [f"--ip-address-space-overrides=127.0.0.1:{self.server.server_address[1]}"
                 "=public"]
        if self.spki:
            flags.append(f"--ignore-certificate-errors-spki-list={self.spki}")
        return flags


class _Handler(FakeHandler):
    fake: RelayPage

    def do_GET(self) -> None:
        self.fake.requests.append(self.path)
        found = urlsplit(self.path).path == PATH
        body = self.fake.html if found else b"not found"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8" if found else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        for name, value in self.fake.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the query carries the authorisation code."""
