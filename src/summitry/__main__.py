"""``python -m summitry`` runs the command line."""

from summitry.cli import main

main()
