"""``python -m cli``: the same as the ``screenproof`` script."""

import sys

from cli.main import main

sys.exit(main())
