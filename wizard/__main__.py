"""`python -m wizard`, and the frozen executables through build/entry.py: the window, or the
command line when it is given a command.

A bookkeeper starts the app with no arguments (or support with --demo). That goes straight to the
window: the command line's parser is not built, because its subcommands import the fix planner
and the companies commands, which the first picture doesn't need (issue 15: start-up).
"""

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args in ([], ["--demo"]):
        from argparse import Namespace

        from wizard.cli import main_gui
        return main_gui(Namespace(command=None, demo=bool(args), screenshots=None))
    from wizard.cli import main as command_line
    return command_line(args)


if __name__ == "__main__":
    sys.exit(main())
