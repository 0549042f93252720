"""`wic keys`: the minisign key pair that signs update bundles.

The public key ships with the project (deploy/wic-update.pub), so every centre laptop can check a
bundle. The secret key must never ship: it lives outside the project (the editor's
~/.config/wic/ or a separate USB stick), and we refuse to write it anywhere inside the project,
where it would be copied, bundled or committed along with the rest.
"""

from __future__ import annotations

import os
from pathlib import Path

import minisign

from ..errors import ConfigError

PUBLIC_KEY = Path("deploy") / "wic-update.pub"


def default_secret_key() -> Path:
    return Path.home() / ".config" / "wic" / "wic-update.key"


def public_key_path(project: Path, given: Path | None = None) -> Path:
    return Path(given) if given else project / PUBLIC_KEY


def _inside(path: Path, folder: Path) -> bool:
    try:
        Path(os.path.abspath(path)).resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def make_keys(project: Path, public: Path | None = None, secret: Path | None = None,
              force: bool = False) -> tuple[Path, Path]:
    """Write a new key pair; returns (public key path, secret key path)."""
    public = public_key_path(project, public)
    secret = Path(secret) if secret else default_secret_key()
    if _inside(secret, project):
        raise ConfigError(f"{secret}: the secret key must not be inside the project {project} (it would travel "
                          "with every copy and could be committed) — keep it outside, e.g. "
                          f"--secret-key {default_secret_key()} or on a USB stick only the editor holds")
    for path in (public, secret):
        if path.exists() and not force:
            raise ConfigError(f"{path} already exists — centres check updates against the existing public key, "
                              "so a new pair would make every centre refuse your updates. Use --force only if "
                              "the old secret key is lost, and ship the new public key to every centre")
    pair = minisign.KeyPair.generate()
    secret.parent.mkdir(parents=True, exist_ok=True)
    # Created private (0600) from the start: never readable by others, not even for an instant.
    fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(bytes(pair.secret_key) + b"\n")
    public.parent.mkdir(parents=True, exist_ok=True)
    public.write_bytes(bytes(pair.public_key) + b"\n")
    return public, secret


def load_public(path: Path) -> minisign.PublicKey:
    if not path.is_file():
        raise ConfigError(f"{path}: no public key to check updates with — copy the project's "
                          "deploy/wic-update.pub here (the editor makes it once with 'wic keys')")
    try:
        return minisign.PublicKey.from_file(path)
    except (minisign.Error, ValueError) as exc:
        raise ConfigError(f"{path}: not a minisign public key ({exc}) — copy deploy/wic-update.pub again") from None


def load_secret(path: Path) -> minisign.SecretKey:
    if not path.is_file():
        raise ConfigError(f"{path}: no secret key here — pass --secret-key with the key made by 'wic keys' "
                          "(it is kept outside the project)")
    try:
        key = minisign.SecretKey.from_file(path)
    except (minisign.Error, ValueError) as exc:
        raise ConfigError(f"{path}: not a minisign secret key ({exc})") from None
    if key.is_encrypted():
        raise ConfigError(f"{path}: this secret key has a password; wic signs with password-less keys made by "
                          "'wic keys' — remove the password with 'minisign -C -s KEY', or make a new pair")
    return key
