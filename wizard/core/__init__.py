"""The diagnosis engine: data model, name matching, the checks and their findings. No Qt, no I/O."""
