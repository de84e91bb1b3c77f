"""Writes resources/intuit_app.json for a release build: the Intuit app's keys (from the
environment variables INTUIT_CLIENT_ID and INTUIT_CLIENT_SECRET, the repository secrets) and the
address of the sign-in relay page published with the release, which is the redirect registered on
the app. Never committed (.gitignore); the release workflow runs this before building.

    python build/intuit_app_json.py --relay-page https://OWNER.github.io/REPO/

Without keys the file still names the relay page: a user entering their own Intuit app's keys
gets it as the redirect address to register. Only the standard library.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "intuit_app.json"


def contents(relay_page: str, client_id: str, client_secret: str) -> dict[str, str]:
    if not relay_page.startswith("https://"):
        raise SystemExit(f"the relay page's address must start with https://, not {relay_page!r}")
    data = {"relay_page": relay_page, "redirect_uri": relay_page, "environment": "production"}
    if client_id and client_secret:
        data |= {"client_id": client_id, "client_secret": client_secret}
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--relay-page", required=True, help="the published page's https address")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = contents(args.relay_page, os.environ.get("INTUIT_CLIENT_ID", "").strip(),
                    os.environ.get("INTUIT_CLIENT_SECRET", "").strip())
    args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    keys = "with the app's keys" if "client_id" in data else "without keys"
    print(f"{args.out.name} written {keys}; redirect {data['redirect_uri']}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
