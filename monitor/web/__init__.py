"""The review page: a Starlette app over the same SQLite database, rendered on the server."""
