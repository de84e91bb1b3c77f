"""Entry script of both frozen executables (build/pyinstaller.spec): the windowed SyncCheckup and
the console sync-checkup for support. Both run the same command line as `python -m wizard`."""

import sys

from wizard.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
