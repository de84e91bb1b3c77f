"""`python -m wizard`, and the frozen executables through build/entry.py: the window, or the
command line when it is given a command.

A bookkeeper starts the app with no arguments (or support with --demo). That goes straight to the
window: the command line's package is not even imported, because its parser's subcommands import
the fix planner and the companies commands, and its shared module the errors, plans and JSON
output, none of which the first picture needs (issue 15: start-up).
"""

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args in ([], ["--demo"]):
        from wizard.ui.start import open_window
        return open_window(demo=bool(args))
    from wizard.cli import main as command_line
    return command_line(args)


if __name__ == "__main__":
    sys.exit(main())
