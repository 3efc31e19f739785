"""``screenproof``: the command line, with no Qt anywhere below it.

One module per command (``cmd_<name>.py``), each with ``add_parser(sub)``
and ``run(args) -> int``; ``cli.main`` lists them, parses, and guards every
command so no traceback reaches a user. The window is another program
(``python -m gui``), started from here in its own process, so this package
never imports ``gui`` and runs on a machine with no display.
"""
