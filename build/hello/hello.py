"""The floor for benchmarks/bundle_size_start.py: a bare PySide6 window, frozen like the app."""

import sys

from PySide6.QtWidgets import QApplication, QLabel

from wizard.ui import startup_probe


def main() -> int:
    app = QApplication(sys.argv)
    startup_probe.install(app)
    label = QLabel("Hello")
    label.resize(640, 480)
    startup_probe.watch(label)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
