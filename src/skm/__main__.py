"""``python -m skm``: the same as the ``skm`` command."""

from skm.cli import main

main()
