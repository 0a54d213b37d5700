"""python -m monitor.cli: the chargewatch command."""

from . import main

if __name__ == "__main__":
    main()
