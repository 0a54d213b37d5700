"""chargewatch monitor: fetch, parse, extract and store articles from the coalition's sources."""

__version__ = "0.1.0"
