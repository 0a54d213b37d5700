"""What chargewatch makes from the stored articles and stories, for people and other tools.

- ``digest.py`` (+ ``digest_templates/``): the daily digest, rendered as HTML, Markdown and text.
- ``mailer.py``: sending the digest by mail (SMTP).
- ``posts.py``: social media post drafts for a story or an article.
- ``atom.py``: Atom feeds of tagged and starred stories, for feed readers.
- ``exchange.py``: sources as OPML 2.0 (export and import); tagged coverage as CSV or JSON Lines.
"""
