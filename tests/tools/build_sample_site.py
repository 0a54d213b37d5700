"""Regenerate the static fixture site in monitor/demo/sample_site/ from tests/tools/sample_site_content/.

    .venv/bin/python tests/tools/build_sample_site.py      # write every file, then run make_pdf
    .venv/bin/python tests/tools/check_sample_site.py      # verify the result

The site imitates five news sources (see monitor/demo/sample_site/README.md). All
absolute URLs are written as "{BASE}/..." and the test server substitutes its own
address. The article texts are fictional and live in sample_site_content/*.py;
this module only holds the page templates, the feeds, the sitemaps and
expected.json. Output is deterministic: rebuilding gives identical files.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "sample_site_content"
SITE = HERE.parent.parent / "monitor" / "demo" / "sample_site"
B = "{BASE}"  # placeholder replaced by the test server
FIXTURE_NOTE = "<!-- chargewatch sample site: fictional content written for tests; not a real article -->"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"sample_site_content_{name}", CONTENT / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- small helpers -------------------------------------------------------------

def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def dt(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def post_id(slug: str) -> int:
    return 300000 + int(hashlib.md5(slug.encode()).hexdigest()[:6], 16) % 600000


def slugify(text: str) -> str:
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def blocks(body: str) -> list[tuple[str, str]]:
    """Parse the body markup: paragraphs, '## ' subheadings, '> ' blockquotes."""
    out = []
    for chunk in body.strip().split("\n\n"):
        chunk = " ".join(line.strip() for line in chunk.strip().splitlines())
        if chunk.startswith("## "):
            out.append(("h2", chunk[3:]))
        elif chunk.startswith("> "):
            out.append(("quote", chunk[2:]))
        else:
            out.append(("p", chunk))
    return out


def render_blocks(items: list[tuple[str, str]], p_attrs=lambda i: "", quote_cls="wp-block-quote",
                  h_tag="h2", h_cls="wp-block-heading", insert: dict[int, str] | None = None) -> str:
    """Blocks -> HTML. `insert` maps a paragraph index to HTML placed after it."""
    out, n = [], 0
    insert = insert or {}
    for kind, text in items:
        if kind == "h2":
            out.append(f'<{h_tag} class="{h_cls}">{esc(text)}</{h_tag}>')
        elif kind == "quote":
            quote, _, who = text.partition(" — ")
            cite = f"<cite>{esc(who)}</cite>" if who else ""
            out.append(f'<blockquote class="{quote_cls}"><p>{esc(quote)}</p>{cite}</blockquote>')
        else:
            out.append(f"<p{p_attrs(n)}>{esc(text)}</p>")
            if n in insert:
                out.append(insert[n])
            n += 1
    return "\n".join(out)


def words(body: str) -> int:
    return sum(len(text.split()) for _, text in blocks(body))


def jsonld(data: dict) -> str:
    return ('<script type="application/ld+json">'
            + json.dumps(data, ensure_ascii=False).replace("</", "<\\/") + "</script>")


def write(rel: str, text: str) -> None:
    path = SITE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    WRITTEN.append(rel)


WRITTEN: list[str] = []
EXPECTED: list[dict] = []


def expect(url: str, source: str, kind: str, title: str, published: str) -> None:
    EXPECTED.append({"url": url, "source": source, "kind": kind, "title": title,
                     "published": dt(published).date().isoformat()})
    # The calendar date must not depend on the time zone used to read it.
    assert dt(published).date() == dt(published).astimezone(timezone.utc).date(), url


# --- electrive (WordPress, RSS 2.0, AMP) -----------------------------------------

def electrive(articles: list[dict]) -> None:
    def url(a):
        return f"/electrive/2026/11/{a['slug']}/"

    menu = ["Automobile", "Batteries", "Charging", "Commercial vehicles", "Energy", "Fleets",
            "Politics", "Raw materials", "Materials", "Production", "Supply chain"]
    menu_html = "\n".join(f'<li class="menu-item menu-item-type-taxonomy"><a href="/electrive/category/{slugify(m)}/">{esc(m)}</a></li>'
                          for m in menu)
    latest = "\n".join(f'<li><a href="{B}{url(a)}">{esc(a["title"])}</a></li>'
                       for a in sorted(articles, key=lambda a: a["published"], reverse=True)[:6])

    for i, a in enumerate(articles):
        pid, canonical, when = post_id(a["slug"]), f"{B}{url(a)}", dt(a["published"])
        human = f"{when.day} {when:%b %Y} – {when:%H:%M}"
        others = [o for o in articles if o is not a][i % 3: i % 3 + 2]
        related = "\n".join(
            f'<li class="related-post"><a href="{B}{url(o)}">{esc(o["title"])}</a> <time datetime="{o["published"]}">{dt(o["published"]).day} {dt(o["published"]):%b %Y}</time></li>'
            for o in others)
        related += ('\n<li class="related-post"><a href="/electrive/2026/10/eu-battery-passport-what-carmakers-need-to-know/">'
                    'EU battery passport: what carmakers need to know</a> <time datetime="2026-10-21T08:00:00+02:00">21 Oct 2026</time></li>')
        also = others[0]
        insert = {
            1: (f'<p class="also-read"><strong>Also read:</strong> <a href="{B}{url(also)}">{esc(also["title"])}</a></p>'),
            3: '<div class="ad-inarticle" aria-hidden="true"><span class="ad-label">Advertisement</span><div class="ad-slot" data-slot="in-article-1"></div></div>',
        }
        body = render_blocks(blocks(a["body"]), insert=insert)
        tags = ", ".join(f'<a href="/electrive/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in a["tags"])
        tag_meta = "\n".join(f'<meta property="article:tag" content="{attr(t)}">' for t in a["tags"])
        comments = a["comments"]
        if comments:
            items = "\n".join(
                f'<li id="comment-{pid + k}" class="comment even depth-1"><article class="comment-body">'
                f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{esc(name)}</b> <span class="says">says:</span></div>'
                f'<div class="comment-metadata"><a href="{canonical}#comment-{pid + k}"><time datetime="{when_c}">{dt(when_c).day} {dt(when_c):%B %Y} at {dt(when_c):%H:%M}</time></a></div></footer>'
                f'<div class="comment-content"><p>{esc(text)}</p></div>'
                f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom={pid + k}#respond">Reply</a></div></article></li>'
                for k, (name, when_c, text) in enumerate(comments, start=1))
            title_c = f'{len(comments)} thought{"s" if len(comments) > 1 else ""} on “{esc(a["title"])}”'
            comment_list = f'<h2 class="comments-title">{title_c}</h2>\n<ol class="comment-list">\n{items}\n</ol>'
        else:
            comment_list = '<p class="no-comments-yet">No comments yet. Be the first to comment!</p>'
        amp_link = f'\n<link rel="amphtml" href="{B}{url(a)}amp/">' if a.get("amp") else ""
        ld = jsonld({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
            "datePublished": a["published"], "dateModified": a["published"],
            "author": {"@type": "Person", "name": a["author"]},
            "publisher": {"@type": "Organization", "name": "electrive.com"},
            "mainEntityOfPage": canonical, "articleSection": a["category"], "inLanguage": "en-GB",
        })
        page = f"""<!DOCTYPE html>
<html lang="en-GB">
{FIXTURE_NOTE}
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a["title"])} - electrive.com</title>
<meta name="description" content="{attr(a["summary"])}">
<meta name="author" content="{attr(a["author"])}">
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{canonical}">{amp_link}
<meta property="og:locale" content="en_GB">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(a["title"])}">
<meta property="og:description" content="{attr(a["summary"])}">
<meta property="og:url" content="{canonical}">
<meta property="og:site_name" content="electrive.com">
<meta property="og:image" content="{B}/electrive/wp-content/uploads/2026/11/{a["slug"]}-1400x700.jpg">
<meta property="article:published_time" content="{a["published"]}">
<meta property="article:modified_time" content="{a["published"]}">
<meta property="article:section" content="{attr(a["category"])}">
{tag_meta}
<meta name="twitter:card" content="summary_large_image">
<link rel="alternate" type="application/rss+xml" title="electrive.com &raquo; Feed" href="{B}/electrive/feed.xml">
<link rel="stylesheet" id="electrive-style-css" href="/electrive/wp-content/themes/electrive/style.css?ver=4.2.1" media="all">
{ld}
</head>
<body class="post-template-default single single-post postid-{pid} single-format-standard">
<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cookie-revoke-hidden cn-position-bottom" aria-label="Cookie Notice">
<div class="cookie-notice-container"><span id="cn-notice-text" class="cn-text-container">We use cookies to give you the best possible experience on our website. If you continue to use this site, we will assume that you agree. More information can be found in our <a href="/electrive/privacy-policy/">privacy policy</a>.</span>
<span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" class="cn-set-cookie cn-button" data-cookie-set="accept">Accept</a><a href="#" id="cn-refuse-cookie" class="cn-set-cookie cn-button" data-cookie-set="refuse">Reject</a><a href="/electrive/cookie-settings/" class="cn-more-info cn-button">Settings</a></span></div>
</div>
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div id="page" class="site">
<header id="masthead" class="site-header">
<div class="top-bar">
<ul class="language-switcher"><li class="current-language"><a href="/electrive/">EN</a></li><li><a href="/electrive/de/">DE</a></li></ul>
<ul class="top-links"><li><a href="/electrive/newsletter/">Newsletter</a></li><li><a href="/electrive/jobs/">Jobs</a></li><li><a href="/electrive/events/">Events</a></li><li><a href="/electrive/advertise/">Advertise</a></li><li><a href="{B}/electrive/feed.xml">RSS</a></li></ul>
</div>
<div class="site-branding"><a href="/electrive/" class="custom-logo-link" rel="home"><img src="/electrive/wp-content/uploads/logo-electrive.svg" class="custom-logo" alt="electrive.com" width="220" height="40"></a>
<p class="site-description">Industry service for electric mobility</p></div>
<nav id="site-navigation" class="main-navigation" aria-label="Main menu">
<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
<ul id="primary-menu" class="menu">
{menu_html}
</ul>
</nav>
<form role="search" method="get" class="search-form" action="/electrive/"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" placeholder="Search …" name="s"></label><input type="submit" class="search-submit" value="Search"></form>
</header>
<div id="content" class="site-content">
<nav class="breadcrumbs" aria-label="Breadcrumb"><span><a href="/electrive/">Home</a></span> » <span><a href="/electrive/category/{slugify(a["category"])}/">{esc(a["category"])}</a></span> » <span class="breadcrumb_last" aria-current="page">{esc(a["title"])}</span></nav>
<div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard has-post-thumbnail hentry category-{slugify(a["category"])}">
<header class="entry-header">
<div class="entry-categories"><a href="/electrive/category/{slugify(a["category"])}/" rel="category tag">{esc(a["category"])}</a></div>
<h1 class="entry-title">{esc(a["title"])}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{a["published"]}">{human}</time></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="/electrive/author/{slugify(a["author"])}/">{esc(a["author"])}</a></span></span> <span class="comments-link"><a href="#comments">{len(comments)} Comment{"" if len(comments) == 1 else "s"}</a></span></div>
</header>
<figure class="post-thumbnail"><img src="/electrive/wp-content/uploads/2026/11/{a["slug"]}-1400x700.jpg" alt="" width="1400" height="700" loading="eager"><figcaption class="wp-caption-text">Image: {esc(a["tags"][0])}</figcaption></figure>
<div class="entry-content">
{body}
<div class="shariff shariff-align-flex-start"><ul class="shariff-buttons theme-round orientation-horizontal buttonsize-medium">
<li class="shariff-button linkedin"><a href="{canonical}?share=linkedin" title="Share on LinkedIn" rel="nofollow noopener" role="button"><span class="shariff-text">share</span></a></li>
<li class="shariff-button bluesky"><a href="{canonical}?share=bluesky" title="Share on Bluesky" rel="nofollow noopener" role="button"><span class="shariff-text">share</span></a></li>
<li class="shariff-button facebook"><a href="{canonical}?share=facebook" title="Share on Facebook" rel="nofollow noopener" role="button"><span class="shariff-text">share</span></a></li>
<li class="shariff-button mailto"><a href="mailto:?subject={quote(a["title"])}" title="Send by email" rel="nofollow" role="button"><span class="shariff-text">mail</span></a></li>
</ul></div>
</div>
<footer class="entry-footer"><span class="tags-links">Tags: {tags}</span></footer>
</article>
<div class="newsletter-box">
<h3 class="newsletter-title">The electrive newsletter</h3>
<p>The most important e-mobility news in your inbox every weekday morning – free of charge.</p>
<form action="/electrive/newsletter/subscribe/" method="post" class="newsletter-form"><input type="email" name="email" placeholder="Your e-mail address" required><button type="submit">Subscribe</button></form>
<p class="newsletter-legal">By subscribing you accept our privacy policy. You can unsubscribe at any time.</p>
</div>
<section class="related-posts">
<h2 class="related-title">Related articles</h2>
<ul class="related-list">
{related}
</ul>
</section>
<div id="comments" class="comments-area">
{comment_list}
<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form action="/electrive/wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> Required fields are marked *</p>
<p class="comment-form-comment"><label for="comment">Comment *</label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
<p class="comment-form-author"><label for="author">Name *</label><input id="author" name="author" type="text" required></p>
<p class="comment-form-email"><label for="email">Email *</label><input id="email" name="email" type="email" required></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"><input type="hidden" name="comment_post_ID" value="{pid}"></p>
</form>
</div>
</div>
</main>
<aside id="secondary" class="widget-area">
<section class="widget widget_recent_entries"><h2 class="widget-title">Latest news</h2>
<ul>
{latest}
</ul></section>
<section class="widget widget_media_image"><div class="ad-slot" data-slot="sidebar-1"><span class="ad-label">Advertisement</span></div></section>
<section class="widget widget_text"><h2 class="widget-title">electrive events</h2><div class="textwidget"><p>Meet the industry at our conference on battery supply chains in Berlin. <a href="/electrive/events/">All dates</a></p></div></section>
</aside>
</div>
</div>
<footer id="colophon" class="site-footer">
<div class="footer-widgets">
<div class="footer-column"><h4>About electrive</h4><p>Since 2013, electrive has reported daily on electric mobility for professionals from industry, politics and research.</p></div>
<div class="footer-column"><h4>Topics</h4><ul><li><a href="/electrive/category/automobile/">Automobile</a></li><li><a href="/electrive/category/batteries/">Batteries</a></li><li><a href="/electrive/category/charging/">Charging</a></li><li><a href="/electrive/category/politics/">Politics</a></li></ul></div>
<div class="footer-column"><h4>Service</h4><ul><li><a href="/electrive/newsletter/">Newsletter</a></li><li><a href="/electrive/jobs/">Job market</a></li><li><a href="/electrive/media-kit/">Media kit</a></li><li><a href="{B}/electrive/feed.xml">RSS feed</a></li></ul></div>
<div class="footer-column"><h4>Legal</h4><ul><li><a href="/electrive/imprint/">Imprint</a></li><li><a href="/electrive/privacy-policy/">Privacy policy</a></li><li><a href="/electrive/terms/">Terms of use</a></li><li><a href="/electrive/cookie-settings/">Cookie settings</a></li></ul></div>
</div>
<div class="site-info">© 2026 electrive.com sample edition – fictional fixture for chargewatch tests. All rights reserved.</div>
</footer>
</div>
<script src="/electrive/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"pageType": "article", "postId": {pid}, "category": "{attr(a["category"])}"}});</script>
</body>
</html>
"""
        write(f"electrive/2026/11/{a['slug']}/index.html", page)
        expect(url(a), "electrive", "article", a["title"], a["published"])
        if a.get("amp"):
            write(f"electrive/2026/11/{a['slug']}/amp/index.html", electrive_amp(a, canonical, human))

    # RSS 2.0 feed: newest first, then the AMP duplicate as a ninth item.
    items = []
    for a in sorted(articles, key=lambda a: a["published"], reverse=True):
        link = f"{B}{url(a)}"
        if a.get("tracking_link"):
            link += "?utm_source=rss&amp;utm_medium=feed#comments"
        items.append(rss_item(a, link, f"{B}/electrive/?p={post_id(a['slug'])}"))
    for a in articles:
        if a.get("amp"):
            items.append(rss_item(a, f"{B}{url(a)}amp/", f"{B}/electrive/?p={post_id(a['slug'])}&amp;amp=1"))
    last = max(dt(a["published"]) for a in articles)
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<!-- chargewatch sample site: fictional content written for tests -->
<channel>
	<title>electrive.com</title>
	<atom:link href="{B}/electrive/feed.xml" rel="self" type="application/rss+xml" />
	<link>{B}/electrive/</link>
	<description>Industry service for electric mobility</description>
	<lastBuildDate>{format_datetime(last)}</lastBuildDate>
	<language>en-GB</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
{"".join(items)}</channel>
</rss>
"""
    write("electrive/feed.xml", feed)
    section_home("electrive", "electrive.com", [(url(a), a["title"], a["published"]) for a in articles],
                 feeds=[("/electrive/feed.xml", "RSS 2.0 feed")])


def rss_item(a: dict, link: str, guid: str) -> str:
    n_comments = len(a["comments"])
    return f"""	<item>
		<title>{esc(a["title"])}</title>
		<link>{link}</link>
		<comments>{link.split("?")[0].split("#")[0]}#respond</comments>
		<dc:creator><![CDATA[{a["author"]}]]></dc:creator>
		<pubDate>{format_datetime(dt(a["published"]))}</pubDate>
		<category><![CDATA[{a["category"]}]]></category>
{"".join(f"		<category><![CDATA[{t}]]></category>{chr(10)}" for t in a["tags"])}		<guid isPermaLink="false">{guid}</guid>
		<description><![CDATA[{a["summary"]}]]></description>
		<slash:comments>{n_comments}</slash:comments>
	</item>
"""


def electrive_amp(a: dict, canonical: str, human: str) -> str:
    body = render_blocks(blocks(a["body"]), quote_cls="amp-wp-blockquote")
    return f"""<!doctype html>
<html ⚡ lang="en-GB">
{FIXTURE_NOTE}
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<title>{esc(a["title"])} - electrive.com</title>
<link rel="canonical" href="{canonical}">
<meta name="author" content="{attr(a["author"])}">
<meta property="og:title" content="{attr(a["title"])}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{a["published"]}">
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}@keyframes -amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}</style><noscript><style amp-boilerplate>body{{-webkit-animation:none;animation:none}}</style></noscript>
<style amp-custom>.amp-wp-header{{background:#0a5c36;color:#fff;padding:12px 16px}}.amp-wp-article{{max-width:840px;margin:0 auto;padding:16px}}.amp-wp-title{{font-size:1.8em}}.amp-wp-meta{{color:#666;font-size:.9em}}</style>
</head>
<body class="amp-mode">
<header id="top" class="amp-wp-header"><div><a href="{B}/electrive/"><span class="amp-site-title">electrive.com</span></a></div><button class="amp-wp-header-search" aria-label="Search">Search</button></header>
<article class="amp-wp-article">
<header class="amp-wp-article-header">
<h1 class="amp-wp-title">{esc(a["title"])}</h1>
<div class="amp-wp-meta amp-wp-byline"><span class="amp-wp-author author vcard">{esc(a["author"])}</span></div>
<div class="amp-wp-meta amp-wp-posted-on"><time datetime="{a["published"]}">{human}</time></div>
</header>
<figure class="amp-wp-article-featured-image wp-caption"><amp-img width="1400" height="700" src="/electrive/wp-content/uploads/2026/11/{a["slug"]}-1400x700.jpg" layout="responsive" alt=""></amp-img></figure>
<div class="amp-wp-article-content">
{body}
</div>
<footer class="amp-wp-article-footer">
<div class="amp-wp-meta amp-wp-tax-category">Categories: <a href="/electrive/category/{slugify(a["category"])}/">{esc(a["category"])}</a></div>
<div class="amp-wp-meta amp-wp-tax-tag">Tags: {", ".join(esc(t) for t in a["tags"])}</div>
<div class="amp-wp-meta amp-wp-comments-link"><a href="{canonical}#respond">Leave a Comment</a></div>
</footer>
</article>
<footer class="amp-wp-footer"><div><h2>electrive.com</h2><p>Industry service for electric mobility</p><a href="#top" class="back-to-top">Back to top</a></div></footer>
</body>
</html>
"""


# --- mongabay (WordPress, Atom 1.0) ----------------------------------------------

def mongabay(articles: list[dict]) -> None:
    def url(a):
        return f"/mongabay/2026/11/{a['slug']}/"

    nav = ["Environment", "Forests", "Oceans", "Wildlife", "Climate", "Conservation", "Mining",
           "Indigenous peoples", "Podcasts", "Videos"]
    nav_html = "".join(f'<li><a href="/mongabay/list/{slugify(n)}/">{esc(n)}</a></li>' for n in nav)
    latest = "\n".join(f'<li><a href="{B}{url(a)}">{esc(a["title"])}</a></li>'
                       for a in sorted(articles, key=lambda a: a["published"], reverse=True)[:5])
    for i, a in enumerate(articles):
        pid, canonical, when = post_id(a["slug"]), f"{B}{url(a)}", dt(a["published"])
        human = f"{when.day} {when:%B %Y}"
        others = [o for o in articles if o is not a]
        see_related = others[(i + 2) % len(others)]
        insert = {4: (f'<p class="see-related"><strong>See related:</strong> <a href="{B}{url(see_related)}">'
                      f'{esc(see_related["title"])}</a></p>')}
        body = render_blocks(blocks(a["body"]), h_cls="wp-block-heading article-subhead", insert=insert)
        bullets = "\n".join(f"<li>{esc(b)}</li>" for b in a["bullets"])
        topics = " ".join(f'<a href="/mongabay/list/{slugify(t)}/" class="topic-pill">{esc(t)}</a>' for t in a["topics"])
        related = "\n".join(
            f'<article class="post-news"><a href="{B}{url(o)}"><h4>{esc(o["title"])}</h4></a>'
            f'<p class="byline">{esc(o["author"])} · {dt(o["published"]).day} {dt(o["published"]):%b %Y}</p></article>'
            for o in others[i % 4: i % 4 + 3])
        ld = jsonld({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
            "datePublished": a["published"], "dateModified": a["updated"],
            "author": [{"@type": "Person", "name": a["author"]}],
            "publisher": {"@type": "NewsMediaOrganization", "name": "Mongabay Environmental News"},
            "keywords": a["topics"], "isAccessibleForFree": True, "mainEntityOfPage": canonical,
            "license": "CC BY-ND 4.0",
        })
        page = f"""<!DOCTYPE html>
<html lang="en-US">
{FIXTURE_NOTE}
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a["title"])}</title>
<link rel="canonical" href="{canonical}">
<meta name="description" content="{attr(a["bullets"][0])}">
<meta name="author" content="{attr(a["author"])}">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(a["title"])}">
<meta property="og:description" content="{attr(a["bullets"][0])}">
<meta property="og:url" content="{canonical}">
<meta property="og:site_name" content="Mongabay Environmental News">
<meta property="og:image" content="{B}/mongabay/wp-content/uploads/sites/20/2026/11/{a["slug"]}.jpg">
<meta property="article:published_time" content="{a["published"]}">
<meta property="article:modified_time" content="{a["updated"]}">
<meta property="article:author" content="{attr(a["author"])}">
<meta name="twitter:card" content="summary_large_image">
<link rel="alternate" type="application/atom+xml" title="Mongabay Environmental News" href="{B}/mongabay/feed/atom.xml">
<link rel="stylesheet" href="/mongabay/wp-content/themes/mongabay/css/main.min.css?v=2026.11">
{ld}
</head>
<body class="single single-post postid-{pid} mongabay-news">
<div class="consent-banner" id="gdpr-consent" role="dialog" aria-live="polite">
<p>Mongabay uses cookies and similar technologies to understand how our journalism is read. Choose "Accept all" to allow them or "Manage preferences" to decide which ones we may use. <a href="/mongabay/privacy-policy/">Read our privacy policy</a>.</p>
<div class="consent-actions"><button class="consent-accept">Accept all</button><button class="consent-manage">Manage preferences</button></div>
</div>
<div class="top-strip">
<ul class="editions"><li class="active"><a href="/mongabay/">Global</a></li><li><a href="/mongabay/india/">India</a></li><li><a href="/mongabay/latam/">Latam (Español)</a></li><li><a href="/mongabay/brasil/">Brasil</a></li><li><a href="/mongabay/indonesia/">Indonesia</a></li></ul>
<a href="/mongabay/donate/" class="donate-btn">Donate</a>
</div>
<header class="site-header" id="masthead">
<div class="logo"><a href="/mongabay/" aria-label="Mongabay home"><span class="logo-text">Mongabay</span></a></div>
<nav class="primary-nav" aria-label="Topics"><ul>{nav_html}</ul></nav>
<div class="header-actions"><a href="/mongabay/newsletters/" class="subscribe-link">Newsletters</a> <a href="/mongabay/search/" class="search-link" aria-label="Search">Search</a></div>
</header>
<main id="main" class="container">
<div class="article-container">
<nav class="article-breadcrumb" aria-label="Breadcrumb"><a href="/mongabay/">News</a> / <a href="/mongabay/list/{slugify(a["topics"][0])}/">{esc(a["topics"][0])}</a></nav>
<article class="single-article" id="post-{pid}">
<div class="article-headline"><h1>{esc(a["title"])}</h1></div>
<div class="single-article-meta">
<div class="about-author">by <a href="/mongabay/by/{slugify(a["author"])}/" rel="author">{esc(a["author"])}</a> on <time datetime="{a["published"]}">{human}</time></div>
<div class="article-share"><span>Share this article</span>
<ul class="social-share"><li><a href="{canonical}?share=bluesky" class="share-bluesky">Bluesky</a></li><li><a href="{canonical}?share=facebook" class="share-facebook">Facebook</a></li><li><a href="{canonical}?share=linkedin" class="share-linkedin">LinkedIn</a></li><li><a href="mailto:?subject={quote(a["title"])}" class="share-email">Email</a></li><li><a href="#" class="share-copy" data-clipboard="{canonical}">Copy link</a></li></ul></div>
</div>
<div class="bulletpoints"><ul>
{bullets}
</ul></div>
<figure class="featured-image"><img src="/mongabay/wp-content/uploads/sites/20/2026/11/{a["slug"]}.jpg" alt="" width="1200" height="800"><figcaption>{esc(a["image_caption"])}</figcaption></figure>
<div id="single-article-content" class="single-article-content">
{body}
</div>
<div class="article-footer">
<p class="banner-caption"><em>Banner image:</em> {esc(a["image_caption"])}</p>
<div class="article-feedback"><strong>FEEDBACK:</strong> <a href="/mongabay/contact/?about={a["slug"]}">Use this form</a> to send a message to the editor of this post.</div>
<div class="related-topics"><h3>Related topics</h3>{topics}</div>
<div class="republish-box"><h4>Republish this story</h4><p>This article is published under a Creative Commons licence (CC BY-ND 4.0). You may republish it free of charge with credit. <a href="/mongabay/republish-our-stories/">Republishing guidelines</a></p></div>
</div>
</article>
<section class="related-stories">
<h3>Related stories</h3>
<div class="article-grid">
{related}
</div>
</section>
<section class="newsletter-signup">
<h3>Free and open access to credible information</h3>
<p>Mongabay is a nonprofit environmental news outlet. Get our stories in your inbox: sign up for the weekly newsletter.</p>
<form action="/mongabay/newsletters/subscribe/" method="post"><input type="email" name="email" placeholder="Email address" required><button type="submit">Sign up</button></form>
</section>
</div>
<aside class="sidebar">
<div class="widget latest-news"><h3>Latest news</h3><ul>
{latest}
</ul></div>
<div class="widget donate-widget"><p>Mongabay is a reader-supported news outlet. Your support keeps our reporting free for everyone.</p><a href="/mongabay/donate/" class="donate-btn">Donate</a></div>
</aside>
</main>
<footer class="site-footer">
<div class="footer-columns">
<div><h5>About</h5><ul><li><a href="/mongabay/about/">About us</a></li><li><a href="/mongabay/team/">Our team</a></li><li><a href="/mongabay/careers/">Careers</a></li><li><a href="/mongabay/contact/">Contact</a></li></ul></div>
<div><h5>Topics</h5><ul><li><a href="/mongabay/list/forests/">Forests</a></li><li><a href="/mongabay/list/oceans/">Oceans</a></li><li><a href="/mongabay/list/mining/">Mining</a></li><li><a href="/mongabay/list/climate/">Climate</a></li></ul></div>
<div><h5>Support</h5><ul><li><a href="/mongabay/donate/">Donate</a></li><li><a href="/mongabay/newsletters/">Newsletters</a></li><li><a href="/mongabay/republish-our-stories/">Republish</a></li><li><a href="{B}/mongabay/feed/atom.xml">Atom feed</a></li></ul></div>
</div>
<p class="copyright">Mongabay sample edition – fictional fixture for chargewatch tests. Stories are published under a Creative Commons licence.</p>
</footer>
<script src="/mongabay/wp-content/themes/mongabay/js/main.min.js?v=2026.11" defer></script>
</body>
</html>
"""
        write(f"mongabay/2026/11/{a['slug']}/index.html", page)
        expect(url(a), "mongabay", "article", a["title"], a["published"])

    entries = []
    for a in sorted(articles, key=lambda a: a["published"], reverse=True):
        cats = "".join(f'\n    <category term="{attr(t)}" />' for t in a["topics"])
        summary = " ".join(a["bullets"][:2])
        entries.append(f"""  <entry>
    <title type="text">{esc(a["title"])}</title>
    <link rel="alternate" type="text/html" href="{B}{url(a)}" />
    <id>tag:news.mongabay.com,2026:post-{post_id(a["slug"])}</id>
    <published>{a["published"]}</published>
    <updated>{a["updated"]}</updated>
    <author><name>{esc(a["author"])}</name></author>{cats}
    <summary type="text">{esc(summary)}</summary>
  </entry>
""")
    updated = max(a["updated"] for a in articles)
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">
  <!-- chargewatch sample site: fictional content written for tests -->
  <title type="text">Mongabay Environmental News</title>
  <subtitle type="text">Environmental science and conservation news</subtitle>
  <link rel="alternate" type="text/html" href="{B}/mongabay/" />
  <link rel="self" type="application/atom+xml" href="{B}/mongabay/feed/atom.xml" />
  <id>tag:news.mongabay.com,2026:feed</id>
  <updated>{updated}</updated>
  <rights>Creative Commons licence (CC BY-ND 4.0)</rights>
{"".join(entries)}</feed>
"""
    write("mongabay/feed/atom.xml", feed)
    section_home("mongabay", "Mongabay", [(url(a), a["title"], a["published"]) for a in articles],
                 feeds=[("/mongabay/feed/atom.xml", "Atom 1.0 feed")])


# --- reuters (no feed: sitemap index, Google News sitemap, gzipped archive) -------

def reuters(articles: list[dict]) -> None:
    def url(a):
        return f"/reuters/{a['section']}/{a['slug']}-{dt(a['published']).date().isoformat()}/"

    nav = ["World", "Business", "Markets", "Sustainability", "Legal", "Commentary", "Technology", "Investigations"]
    nav_html = "".join(f'<li class="nav-item"><a href="/reuters/{slugify(n)}/" data-testid="Link">{esc(n)}</a></li>' for n in nav)
    for i, a in enumerate(articles):
        canonical, when = f"{B}{url(a)}", dt(a["published"]).astimezone(timezone.utc)
        human = f"{when:%B} {when.day}, {when.year} {when.hour % 12 or 12}:{when:%M} {'AM' if when.hour < 12 else 'PM'} UTC"
        items = blocks(a["body"])
        signoff = items[-1][1]
        assert signoff.startswith("Reporting by"), a["slug"]
        paras = render_blocks(items[:-1], p_attrs=lambda n: f' data-testid="paragraph-{n}" class="text__text article-body__paragraph"',
                              insert={1: ('<div class="article-body__element signup-inline" data-testid="promo-box"><p>'
                                          'The Reuters Sustainable Business newsletter brings you the latest news on the energy transition and supply chains. '
                                          '<a href="/reuters/newsletters/sustainable-business/">Sign up here.</a></p></div>')})
        first = items[0][1]
        description = first.split(" - ", 1)[-1]
        others = [o for o in articles if o is not a]
        read_next = "\n".join(f'<li><a href="{B}{url(o)}" data-testid="Heading">{esc(o["title"])}</a></li>'
                              for o in others[i % 3: i % 3 + 3])
        ld = jsonld({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
            "datePublished": a["published"], "dateModified": a["published"],
            "author": [{"@type": "Person", "name": a["author"]}],
            "publisher": {"@type": "Organization", "name": "Reuters"},
            "articleSection": a["section_name"], "mainEntityOfPage": canonical,
            "isAccessibleForFree": False,
        })
        page = f"""<!DOCTYPE html>
<html lang="en">
{FIXTURE_NOTE}
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a["title"])} | Reuters</title>
<link rel="canonical" href="{canonical}">
<meta name="description" content="{attr(description)}">
<meta name="author" content="{attr(a["author"])}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Reuters">
<meta property="og:title" content="{attr(a["title"])}">
<meta property="og:description" content="{attr(description)}">
<meta property="og:url" content="{canonical}">
<meta property="og:image" content="{B}/reuters/resizer/v2/{a["slug"][:24]}.jpg?width=1200">
<meta property="article:published_time" content="{a["published"]}">
<meta property="article:modified_time" content="{a["published"]}">
<meta property="article:section" content="{attr(a["section_name"])}">
<meta name="analyticsAttributes.contentChannel" content="{attr(a["section_name"])}">
<meta name="analyticsAttributes.contentType" content="article">
<meta name="twitter:site" content="@Reuters">
{ld}
<link rel="stylesheet" href="/reuters/pf/resources/css/main.css?d=1842">
</head>
<body>
<div id="onetrust-banner-sdk" class="otFlat" role="region" aria-label="Cookie banner">
<div id="onetrust-policy-text">We use cookies and similar technologies to recognise your repeat visits and preferences, to measure the effectiveness of campaigns and to analyse traffic. By clicking "Accept All Cookies", you consent to the use of cookies. <a href="/reuters/info-pages/cookies/">Cookie Policy</a></div>
<div id="onetrust-button-group"><button id="onetrust-pc-btn-handler">Cookies Settings</button><button id="onetrust-reject-all-handler">Reject All</button><button id="onetrust-accept-btn-handler">Accept All Cookies</button></div>
</div>
<a href="#main-content" class="skip-link">Skip to main content</a>
<header class="site-header__container" data-testid="SiteHeader">
<div class="site-header__logo"><a href="/reuters/" aria-label="Reuters home">Reuters</a></div>
<nav class="site-header__nav" aria-label="Main navigation"><ul>{nav_html}<li class="nav-item nav-more"><button>More</button></li></ul></nav>
<div class="site-header__actions"><a href="/reuters/my-news/">My News</a> <a href="/reuters/account/sign-in/">Sign In</a> <a class="register-button" href="/reuters/account/register/">Register</a></div>
</header>
<main id="main-content" class="regular-article-layout__main">
<article class="article__container" data-testid="Article">
<header class="article-header__container">
<nav aria-label="Tags" class="article-header__tags"><a href="/reuters/{a["section"].split("/")[0]}/">{esc(a["section"].split("/")[0].title())}</a><a href="/reuters/{a["section"]}/">{esc(a["section_name"])}</a></nav>
<h1 data-testid="Heading" class="text__heading_2 article-header__title">{esc(a["title"])}</h1>
<div class="article-header__byline">
<address class="info-content__author">By <a href="/reuters/authors/{slugify(a["author"])}/" rel="author">{esc(a["author"])}</a></address>
<time datetime="{a["published"]}" class="date-line__date" data-testid="DateLineText">{human}</time>
</div>
</header>
<div class="article-body__container">
<figure class="article-body__element"><img src="/reuters/resizer/v2/{a["slug"][:24]}.jpg?width=960" alt="" width="960" height="640"><figcaption>File photo. REUTERS <a href="/reuters/licensing/" class="licensing">Purchase Licensing Rights</a></figcaption></figure>
<div class="article-body__content" data-testid="ArticleBody">
{paras}
<p data-testid="paragraph-{len([x for x in items if x[0] == "p"]) - 1}" class="text__text article-body__paragraph sign-off">{esc(signoff)}</p>
</div>
<p class="trust-badge"><a href="/reuters/info-pages/editorial-standards/">Our Standards: The Thomson Reuters Trust Principles.</a></p>
<div class="article-body__toolbar" data-testid="Toolbar"><a href="/reuters/licensing/" class="licensing">Purchase Licensing Rights</a>
<div class="share-buttons"><span>Share</span><a href="{canonical}?share=x" aria-label="Share on X">X</a><a href="{canonical}?share=linkedin" aria-label="Share on LinkedIn">LinkedIn</a><a href="mailto:?subject={quote(a["title"])}" aria-label="Share by email">Email</a><button class="copy-link" data-url="{canonical}">Link</button></div></div>
</div>
</article>
<section class="read-next" data-testid="ReadNext">
<h2>Read Next</h2>
<ul>
{read_next}
</ul>
</section>
<div class="ad-slot" data-testid="ResponsiveAdSlot"><span>Advertisement · Scroll to continue</span></div>
<section class="sponsored-content"><h2>Sponsored Content</h2><ul><li><a href="/reuters/sponsored/fleet-electrification-guide/">How fleets can electrify faster: a guide for procurement teams</a></li></ul></section>
</main>
<footer class="site-footer" data-testid="Footer">
<div class="footer-columns">
<div><h3>Latest</h3><ul><li><a href="/reuters/">Home</a></li><li><a href="/reuters/authors/">Authors</a></li><li><a href="/reuters/topics/">Topic Sitemap</a></li><li><a href="/reuters/archive/">Archive</a></li></ul></div>
<div><h3>Information you can trust</h3><p>Reuters, the news and media division, is a provider of multimedia news reaching billions of people worldwide every day.</p></div>
<div><h3>More</h3><ul><li><a href="/reuters/newsletters/">Newsletters</a></li><li><a href="/reuters/advertise/">Advertise with Us</a></li><li><a href="/reuters/info-pages/terms-of-use/">Terms of Use</a></li><li><a href="/reuters/info-pages/privacy/">Privacy</a></li><li><a href="/reuters/info-pages/cookies/">Cookies</a></li></ul></div>
</div>
<p class="footer-legal">All quotes delayed a minimum of 15 minutes. Reuters sample edition – fictional fixture for chargewatch tests.</p>
</footer>
<script src="/reuters/pf/dist/engine/react.js?d=1842" defer></script>
</body>
</html>
"""
        write(url(a).lstrip("/") + "index.html", page)
        expect(url(a), "reuters", "article", a["title"], a["published"])

    def news_entry(a):
        return f"""  <url>
    <loc>{B}{url(a)}</loc>
    <news:news>
      <news:publication>
        <news:name>Reuters</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>{dt(a["published"]).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}</news:publication_date>
      <news:title>{esc(a["title"])}</news:title>
    </news:news>
  </url>
"""
    news = sorted((a for a in articles if a["sitemap"] == "news"), key=lambda a: a["published"], reverse=True)
    archive = [a for a in articles if a["sitemap"] == "archive"]
    write("reuters/news-sitemap.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<!-- chargewatch sample site: fictional content written for tests -->
{"".join(news_entry(a) for a in news)}</urlset>
""")
    archive_xml = "".join(f"""  <url>
    <loc>{B}{url(a)}</loc>
    <lastmod>{(dt(a["published"]).astimezone(timezone.utc) + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")}</lastmod>
    <changefreq>never</changefreq>
  </url>
""" for a in archive)
    # Written as plain XML; the test server gzips it on the fly for archive-sitemap.xml.gz.
    write("reuters/archive-sitemap.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<!-- chargewatch sample site: served as archive-sitemap.xml.gz -->
{archive_xml}</urlset>
""")
    newest = max(dt(a["published"]) for a in news).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    write("reuters/sitemap-index.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<!-- chargewatch sample site: fictional content written for tests -->
  <sitemap>
    <loc>{B}/reuters/news-sitemap.xml</loc>
    <lastmod>{newest}</lastmod>
  </sitemap>
  <sitemap>
    <loc>{B}/reuters/archive-sitemap.xml.gz</loc>
    <lastmod>2026-11-04T00:00:00Z</lastmod>
  </sitemap>
</sitemapindex>
""")
    section_home("reuters", "Reuters", [(url(a), a["title"], a["published"]) for a in articles],
                 feeds=[("/reuters/sitemap-index.xml", "sitemap index")])


# --- icct (no feed: listing page with relative links, PDFs) ----------------------

ICCT_NAV = """<nav class="site-nav" aria-label="Main">
<ul class="menu">
<li class="menu-item has-children"><a href="/icct/our-work/">Our work</a><ul class="sub-menu"><li><a href="/icct/topic/light-duty-vehicles/">Light-duty vehicles</a></li><li><a href="/icct/topic/zero-emission-vehicles/">Zero-emission vehicles</a></li><li><a href="/icct/topic/fuels/">Fuels</a></li><li><a href="/icct/region/europe/">Europe</a></li><li><a href="/icct/region/china/">China</a></li></ul></li>
<li class="menu-item current-menu-item"><a href="/icct/publications/">Publications</a></li>
<li class="menu-item"><a href="/icct/insights/">Insights</a></li>
<li class="menu-item"><a href="/icct/news/">News</a></li>
<li class="menu-item"><a href="/icct/events/">Events</a></li>
<li class="menu-item"><a href="/icct/about/">About</a></li>
<li class="menu-item"><a href="/icct/team/">Team</a></li>
<li class="menu-item"><a href="/icct/careers/">Careers</a></li>
</ul>
<a class="btn btn-subscribe" href="/icct/subscribe/">Subscribe</a>
</nav>"""

ICCT_COOKIES = """<div class="cky-consent-container cky-banner-bottom" role="region" aria-label="We value your privacy">
<div class="cky-notice"><p class="cky-title">We value your privacy</p><div class="cky-notice-des"><p>We use cookies to enhance your browsing experience and analyse our traffic. By clicking "Accept All", you consent to our use of cookies.</p></div>
<div class="cky-notice-btn-wrapper"><button class="cky-btn cky-btn-customize">Customize</button><button class="cky-btn cky-btn-reject">Reject All</button><button class="cky-btn cky-btn-accept">Accept All</button></div></div>
</div>"""

ICCT_FOOTER = """<footer class="site-footer">
<div class="footer-top">
<div class="footer-about"><p class="footer-logo">ICCT</p><p>The International Council on Clean Transportation is an independent nonprofit organization that provides research and technical analysis to environmental regulators.</p></div>
<div class="footer-links"><h4>Explore</h4><ul><li><a href="/icct/publications/">Publications</a></li><li><a href="/icct/insights/">Insights</a></li><li><a href="/icct/events/">Events</a></li><li><a href="/icct/data-tools/">Data &amp; tools</a></li></ul></div>
<div class="footer-links"><h4>Organization</h4><ul><li><a href="/icct/about/">About us</a></li><li><a href="/icct/team/">Team</a></li><li><a href="/icct/funders/">Funders</a></li><li><a href="/icct/careers/">Careers</a></li><li><a href="/icct/contact/">Contact</a></li></ul></div>
<div class="footer-offices"><h4>Offices</h4><p>Washington, D.C. · San Francisco · Berlin · Beijing · São Paulo · New Delhi</p></div>
</div>
<div class="footer-bottom"><p>ICCT sample edition – fictional fixture for chargewatch tests.</p><ul><li><a href="/icct/privacy-policy/">Privacy policy</a></li><li><a href="/icct/terms-of-use/">Terms of use</a></li><li><a href="/icct/accessibility/">Accessibility</a></li></ul></div>
</footer>"""


def icct(pubs: list[dict]) -> None:
    def url(p):
        return f"/icct/publication/{p['slug']}/"

    def pdf_url(p):
        return f"{B}/icct/wp-content/uploads/2026/11/{p['pdf']}"

    pdf_titles = {}
    for src in sorted((HERE / "sample_pdfs").glob("*.txt")):
        head = src.read_text(encoding="utf-8").partition("\n\n")[0]
        fields = dict(line.split(": ", 1) for line in head.splitlines())
        pdf_titles[Path(fields["Output"]).name] = (fields["Title"], fields["CreationDate"])

    def human(p):
        d = dt(p["published"])
        return f"{d:%B} {d.day}, {d.year}"

    for p in pubs:
        pid, canonical = post_id(p["slug"]), f"{B}{url(p)}"
        authors = ", ".join(f'<a href="/icct/team/{slugify(n)}/">{esc(n)}</a>' for n in p["authors"])
        topics = "".join(f'<li><a href="/icct/topic/{slugify(t)}/">{esc(t)}</a></li>' for t in p["topics"])
        body = render_blocks(blocks(p["body"]), h_cls="publication-subhead")
        if p["pdf"]:
            download = (f'<div class="publication-actions"><a class="btn btn-download" href="{pdf_url(p)}" download>'
                        f'Download the full report (PDF)</a> <button class="btn btn-share">Share</button> '
                        f'<button class="btn btn-cite">Cite</button></div>')
            downloads_box = (f'<div class="sidebar-box downloads"><h3>Downloads</h3><ul><li><a href="{pdf_url(p)}">'
                             f'Full report (PDF, English)</a></li></ul></div>')
            citation_pdf = f'\n<meta name="citation_pdf_url" content="{pdf_url(p)}">'
        else:
            download = ('<div class="publication-actions"><span class="online-only">This briefing is available online only.</span> '
                        '<button class="btn btn-share">Share</button></div>')
            downloads_box = ""
            citation_pdf = ""
        related = "\n".join(f'<li><a href="{B}{url(o)}">{esc(o["title"])}</a> <span class="type">{esc(o["kind"])}</span></li>'
                            for o in pubs if o is not p)
        first_para = blocks(p["body"])[0][1]
        page = f"""<!DOCTYPE html>
<html lang="en-US">
{FIXTURE_NOTE}
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(p["title"])} - International Council on Clean Transportation</title>
<link rel="canonical" href="{canonical}">
<meta name="description" content="{attr(first_para)}">
<meta name="author" content="{attr(", ".join(p["authors"]))}">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(p["title"])}">
<meta property="og:url" content="{canonical}">
<meta property="og:site_name" content="International Council on Clean Transportation">
<meta property="article:published_time" content="{p["published"]}">
<meta property="article:modified_time" content="{p["published"]}">
<meta name="citation_title" content="{attr(p["title"])}">
<meta name="citation_publication_date" content="{dt(p["published"]):%Y/%m/%d}">{citation_pdf}
<link rel="stylesheet" href="/icct/wp-content/themes/icct/dist/main.css?ver=3.9">
</head>
<body class="publication-template-default single single-publication postid-{pid}">
{ICCT_COOKIES}
<header class="site-header"><a class="site-logo" href="/icct/" aria-label="ICCT home">ICCT</a>
{ICCT_NAV}
</header>
<main id="main" class="site-main">
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/icct/">Home</a> › <a href="/icct/publications/">Publications</a> › <span>{esc(p["title"])}</span></nav>
<div class="publication-layout">
<article class="publication" id="post-{pid}">
<header class="publication-header">
<span class="publication-type">{esc(p["kind"])}</span>
<h1 class="publication-title">{esc(p["title"])}</h1>
<div class="publication-meta"><time datetime="{p["published"]}">{human(p)}</time> <span class="publication-authors">Authors: {authors}</span> <span class="publication-region">Region: <a href="/icct/region/{slugify(p["region"])}/">{esc(p["region"])}</a></span></div>
</header>
{download}
<div class="publication-content entry-content">
{body}
</div>
</article>
<aside class="publication-sidebar">
{downloads_box}
<div class="sidebar-box topics"><h3>Related topics</h3><ul>{topics}</ul></div>
<div class="sidebar-box contact"><h3>Media contact</h3><p>For interviews and questions about this research, contact our <a href="/icct/contact/">communications team</a>.</p></div>
</aside>
</div>
<section class="related-publications"><h2>Related publications</h2><ul>
{related}
</ul></section>
<section class="newsletter-signup"><h2>Stay up to date</h2><p>Get the latest ICCT research and analysis delivered to your inbox.</p><form action="/icct/subscribe/" method="post"><input type="email" name="email" placeholder="Email address"><button type="submit">Subscribe</button></form></section>
</main>
{ICCT_FOOTER}
</body>
</html>
"""
        write(f"icct/publication/{p['slug']}/index.html", page)
        expect(url(p), "icct", "article", p["title"], p["published"])
        if p["pdf"]:
            title, created = pdf_titles[p["pdf"]]
            expect(f"/icct/wp-content/uploads/2026/11/{p['pdf']}", "icct", "report", title, created)

    cards = "\n".join(f"""<div class="publication-card">
<a class="card-thumb" href="/icct/publication/{p["slug"]}/" tabindex="-1" aria-hidden="true"><img src="/icct/wp-content/uploads/2026/11/{p["slug"]}-thumb.jpg" alt=""></a>
<span class="card-type">{esc(p["kind"])}</span>
<h3 class="card-title"><a class="publication-link" href="/icct/publication/{p["slug"]}/">{esc(p["title"])}</a></h3>
<p class="card-meta"><time datetime="{p["published"]}">{human(p)}</time> · {esc(", ".join(p["authors"]))}</p>
<p class="card-excerpt">{esc(blocks(p["body"])[0][1].split(". ")[0])}.</p>
<ul class="card-tags">{"".join(f'<li><a href="/icct/topic/{slugify(t)}/">{esc(t)}</a></li>' for t in p["topics"][:2])}</ul>
</div>""" for p in sorted(pubs, key=lambda p: p["published"], reverse=True))
    listing = f"""<!DOCTYPE html>
<html lang="en-US">
<!-- chargewatch sample site: listing page; publication links are relative on purpose -->
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Publications - International Council on Clean Transportation</title>
<link rel="canonical" href="{B}/icct/publications/">
<meta name="description" content="Research reports, briefings and working papers from the ICCT.">
<link rel="stylesheet" href="/icct/wp-content/themes/icct/dist/main.css?ver=3.9">
</head>
<body class="archive post-type-archive post-type-archive-publication">
{ICCT_COOKIES}
<header class="site-header"><a class="site-logo" href="/icct/" aria-label="ICCT home">ICCT</a>
{ICCT_NAV}
</header>
<main id="main" class="site-main">
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/icct/">Home</a> › <span>Publications</span></nav>
<h1 class="archive-title">Publications</h1>
<form class="publication-filters" action="/icct/publications/" method="get">
<label>Topic <select name="topic"><option value="">All topics</option><option value="batteries">Batteries</option><option value="green-steel">Green steel</option><option value="light-duty-vehicles">Light-duty vehicles</option></select></label>
<label>Region <select name="region"><option value="">All regions</option><option value="europe">Europe</option><option value="global">Global</option></select></label>
<label>Type <select name="type"><option value="">All types</option><option value="report">Report</option><option value="briefing">Briefing</option><option value="working-paper">Working paper</option></select></label>
<button type="submit">Filter</button>
</form>
<p class="quick-filters">Popular: <a href="/icct/publications/?topic=batteries">Batteries</a> · <a href="/icct/publications/?topic=green-steel">Green steel</a> · <a href="/icct/region/europe/">Europe</a></p>
<div class="publication-grid">
{cards}
</div>
<nav class="pagination" aria-label="Publications pages"><span class="page-numbers current">1</span> <a class="page-numbers" href="/icct/publications/page/2/">2</a> <a class="page-numbers" href="/icct/publications/page/3/">3</a> <a class="next page-numbers" href="/icct/publications/page/2/">Next</a></nav>
<aside class="listing-promos">
<div class="promo event"><h2>Upcoming event</h2><p><a href="/icct/events/webinar-green-steel-automakers-dec26/">Webinar: What automakers' green steel targets mean for Europe's steel industry</a> – December 9, 2026</p></div>
<div class="promo insights"><h2>From our blog</h2><p><a href="/icct/insights/three-things-battery-passport-nov26/">Three things the battery passport will and won't tell you</a></p></div>
<div class="promo about"><p>Learn more <a href="/icct/about/">about the ICCT</a> and meet <a href="/icct/team/">our team</a>.</p></div>
</aside>
</main>
{ICCT_FOOTER}
</body>
</html>
"""
    write("icct/publications/index.html", listing)
    write("icct/index.html", simple_page("ICCT", "International Council on Clean Transportation (sample)",
                                         '<p><a href="/icct/publications/">Publications</a></p>'))


# --- greenwire (JSON Feed 1.1, syndicated copy) ------------------------------------

def greenwire(articles: list[dict], original: dict) -> None:
    def url(a):
        return f"/greenwire/{a['slug']}.html"

    original_url = f"{B}/mongabay/2026/11/{original['slug']}/"
    desks = ["Climate", "Energy", "Minerals", "Transport", "Policy"]
    desk_nav = "".join(f'<a href="/greenwire/desk/{slugify(d)}.html">{esc(d)}</a>' for d in desks)
    trending = "\n".join(f'<li><a href="{B}{url(a)}">{esc(a["title"])}</a></li>' for a in articles)
    for a in articles:
        if a["syndicated"]:
            a["body"] = original["body"]  # word for word
        canonical, when = f"{B}{url(a)}", dt(a["published"])
        hour = when.hour % 12 or 12
        human = f"{when:%b}. {when.day}, {when.year} · {hour}:{when:%M} {'a.m.' if when.hour < 12 else 'p.m.'} ET"
        body = render_blocks(blocks(a["body"]), quote_cls="gw-pullquote", h_tag="h3", h_cls="gw-story__subhead")
        credit = ""
        if a["syndicated"]:
            credit = (f'<p class="gw-story__credit">This story was first published by <a href="{original_url}" rel="nofollow">Mongabay</a> '
                      f'and is republished under a Creative Commons licence.</p>')
            byline = f'<span class="gw-story__author">{esc(a["author"])} for Mongabay</span>'
            endnote = ('<p class="gw-story__endnote">GreenWire republishes selected stories from partner newsrooms. '
                       'Views expressed are those of the original publisher.</p>')
        else:
            byline = f'<span class="gw-story__author">By <a href="/greenwire/staff/{slugify(a["author"])}.html">{esc(a["author"])}</a></span>'
            endnote = '<p class="gw-story__endnote">Have a tip? Write to our newsroom through the <a href="/greenwire/tips.html">secure tips page</a>.</p>'
        if a["comments"]:
            items = "\n".join(f'<li class="gw-comment"><p class="gw-comment__who">{esc(n)} <time datetime="{w}">{dt(w):%b}. {dt(w).day}</time></p><p class="gw-comment__text">{esc(t)}</p></li>'
                              for n, w, t in a["comments"])
            comments = f'<section class="gw-comments" id="comments"><h2>{len(a["comments"])} Comment{"s" if len(a["comments"]) > 1 else ""}</h2><ul>\n{items}\n</ul><p class="gw-comments__policy">Comments are moderated. Read our <a href="/greenwire/community.html">community guidelines</a>.</p></section>'
        else:
            comments = '<section class="gw-comments" id="comments"><p>Comments are closed for this story.</p></section>'
        more = "\n".join(f'<li class="gw-card"><a href="{B}{url(o)}">{esc(o["title"])}</a></li>' for o in articles if o is not a)
        page = f"""<!doctype html>
<html lang="en">
{FIXTURE_NOTE}
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a["title"])} — GreenWire</title>
<link rel="canonical" href="{canonical}">
<meta name="description" content="{attr(a["summary"])}">
<meta name="author" content="{attr(a["author"])}">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(a["title"])}">
<meta property="og:url" content="{canonical}">
<meta property="og:site_name" content="GreenWire">
<meta property="article:published_time" content="{a["published"]}">
<meta property="article:section" content="{attr(a["desk"])}">
<link rel="alternate" type="application/feed+json" title="GreenWire" href="{B}/greenwire/feed.json">
<style>
.gw{{font-family:system-ui,sans-serif;margin:0;color:#14221a}}
.gw-masthead{{background:#12372a;color:#e8f5ec;padding:18px 24px}}
.gw-story__title{{font-family:Georgia,serif;font-size:2.6rem;line-height:1.1;letter-spacing:-.02em;text-transform:none}}
.gw-story__desk a{{text-transform:uppercase;font-size:.75rem;letter-spacing:.12em}}
.gw-story__credit{{border-left:4px solid #3c9d6b;padding-left:12px;font-style:italic}}
.gw-pullquote{{font-size:1.4rem;border:0;margin:2rem 0;color:#12372a}}
</style>
</head>
<body class="gw gw--story">
<div class="gw-consent" data-consent="pending" role="dialog"><p>GreenWire uses cookies for analytics and to remember your preferences. <a href="/greenwire/privacy.html">Privacy notice</a></p><button data-action="accept">OK</button> <button data-action="decline">No thanks</button></div>
<div class="gw-masthead">
<a class="gw-logo" href="/greenwire/">Green<span>Wire</span></a>
<p class="gw-tagline">Climate, energy and the supply chains in between</p>
<nav class="gw-nav">{desk_nav}<a href="/greenwire/about.html">About</a><a class="gw-btn" href="/greenwire/subscribe.html">Subscribe</a></nav>
</div>
<div class="gw-layout">
<main class="gw-main">
<article class="gw-story">
<p class="gw-story__desk"><a href="/greenwire/desk/{slugify(a["desk"])}.html">{esc(a["desk"])}</a></p>
<h1 class="gw-story__title">{esc(a["title"])}</h1>
<p class="gw-story__dek">{esc(a["summary"])}</p>
<div class="gw-story__meta">{byline} · <time datetime="{a["published"]}">{human}</time></div>
{credit}
<div class="gw-story__body">
{body}
</div>
{endnote}
<div class="gw-share"><span>Share</span> <a href="mailto:?subject={quote(a["title"])}">Email</a> <a href="{canonical}?via=bluesky">Bluesky</a> <a href="{canonical}?via=linkedin">LinkedIn</a> <button data-copy="{canonical}">Copy link</button></div>
</article>
{comments}
<section class="gw-more"><h2>More from GreenWire</h2><ul>
{more}
</ul></section>
</main>
<aside class="gw-sidebar">
<div class="gw-box gw-box--newsletter"><h3>The Daily Wire</h3><p>Our free morning briefing on climate, energy and supply chains.</p><form action="/greenwire/subscribe.html" method="post"><input type="email" name="email" placeholder="you@example.org"><button>Sign me up</button></form></div>
<div class="gw-box gw-trending"><h3>Trending</h3><ol>
{trending}
</ol></div>
<div class="gw-box gw-ad"><span>Sponsored</span><p>Electrify your fleet with zero upfront cost. <a href="/greenwire/sponsored/fleet-offer.html">Learn more</a></p></div>
</aside>
</div>
<footer class="gw-footer">
<nav><a href="/greenwire/about.html">About GreenWire</a> · <a href="/greenwire/republishing.html">Republishing</a> · <a href="/greenwire/privacy.html">Privacy</a> · <a href="/greenwire/contact.html">Contact</a> · <a href="{B}/greenwire/feed.json">JSON Feed</a></nav>
<p>GreenWire sample edition – fictional fixture for chargewatch tests. Partner stories are republished under their original licences.</p>
</footer>
</body>
</html>
"""
        write(url(a).lstrip("/"), page)
        expect(url(a), "greenwire", "article", a["title"], a["published"])

    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "GreenWire",
        "home_page_url": f"{B}/greenwire/",
        "feed_url": f"{B}/greenwire/feed.json",
        "description": "Climate, energy and the supply chains in between",
        "language": "en",
        "items": [
            {
                "id": f"greenwire-{post_id(a['slug'])}",
                "url": f"{B}{url(a)}",
                "title": a["title"],
                "summary": a["summary"],
                "content_html": f"<p>{html.escape(a['summary'], quote=False)}</p>",
                "date_published": a["published"],
                "authors": [{"name": a["author"]}],
                "tags": [a["desk"]] + (["Republished", "Mongabay"] if a["syndicated"] else []),
            }
            for a in sorted(articles, key=lambda a: a["published"], reverse=True)
        ],
    }
    write("greenwire/feed.json", json.dumps(feed, ensure_ascii=False, indent=2) + "\n")
    section_home("greenwire", "GreenWire", [(url(a), a["title"], a["published"]) for a in articles],
                 feeds=[("/greenwire/feed.json", "JSON Feed 1.1")])


# --- the rest ---------------------------------------------------------------------

BROKEN_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<!-- chargewatch sample site: deliberately malformed feed (truncated, unclosed tags, bad entities, garbage) -->
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
	<title>Broken Motors Daily</title>
	<link>{BASE}/broken/</link>
	<description>This feed is broken on purpose & must not crash the parser</description>
	<item>
		<title>Automaker & supplier <b>sign deal</title>
		<link>{BASE}/broken/2026/11/automaker-supplier-deal/</link>
		<pubDate>Tue, 32 Nov 2026 25:61:00 +0100</pubDate>
		<description><![CDATA[Unterminated CDATA section that runs into the next item
	</item>
	<item>
		<title>Second item with an unclosed link
		<link>{BASE}/broken/2026/11/second-item/
		<guid isPermaLink="true">{BASE}/broken/2026/11/second-item/</guid
	</item>
\x00\x01\x02 garbage bytes ÿþ <<<>>> &&& &nbsp; &#xFFFF;
	<item><title>Truncated mid-ta"""


def simple_page(title: str, heading: str, inner: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
{FIXTURE_NOTE}
<head><meta charset="utf-8"><title>{esc(title)}</title></head>
<body>
<h1>{esc(heading)}</h1>
{inner}
</body>
</html>
"""


def section_home(section: str, name: str, items: list[tuple[str, str, str]], feeds: list[tuple[str, str]]) -> None:
    lis = "\n".join(f'<li><a href="{B}{u}">{esc(t)}</a> <time datetime="{p}">{dt(p).date().isoformat()}</time></li>'
                    for u, t, p in sorted(items, key=lambda x: x[2], reverse=True))
    feed_links = " · ".join(f'<a href="{B}{u}">{esc(label)}</a>' for u, label in feeds)
    write(f"{section}/index.html", simple_page(name, f"{name} (sample)",
                                               f"<p>Feeds: {feed_links}</p>\n<ul>\n{lis}\n</ul>"))


def root_pages() -> None:
    write("robots.txt", "# chargewatch sample site\nUser-agent: *\nDisallow: /private/\n\n"
                        "Sitemap: {BASE}/reuters/sitemap-index.xml\n")
    write("broken/feed.xml", BROKEN_FEED)
    write("private/index.html", simple_page("Private", "Embargoed drafts",
                                            "<p>Disallowed by robots.txt: a polite crawler never fetches this page.</p>"))
    write("index.html", simple_page("chargewatch sample site", "chargewatch sample site", """<p>A static imitation of five news sources, used by the tests and the demo. All content is fictional.</p>
<ul>
<li><a href="{BASE}/electrive/feed.xml">electrive – RSS 2.0</a></li>
<li><a href="{BASE}/mongabay/feed/atom.xml">Mongabay – Atom 1.0</a></li>
<li><a href="{BASE}/reuters/sitemap-index.xml">Reuters – sitemap index</a></li>
<li><a href="{BASE}/icct/publications/">ICCT – publications listing</a></li>
<li><a href="{BASE}/greenwire/feed.json">GreenWire – JSON Feed 1.1</a></li>
<li><a href="{BASE}/broken/feed.xml">Broken feed</a></li>
</ul>"""))


def main() -> int:
    electrive_mod, mongabay_mod = _load("electrive"), _load("mongabay")
    reuters_mod, icct_mod, greenwire_mod = _load("reuters"), _load("icct"), _load("greenwire")
    original = next(a for a in mongabay_mod.ARTICLES if a["slug"] == greenwire_mod.SYNDICATED_FROM)

    electrive(electrive_mod.ARTICLES)
    mongabay(mongabay_mod.ARTICLES)
    reuters(reuters_mod.ARTICLES)
    icct(icct_mod.PUBLICATIONS)
    greenwire(greenwire_mod.ARTICLES, original)
    root_pages()

    EXPECTED.sort(key=lambda e: (e["published"], e["source"], e["url"]))
    write("expected.json", json.dumps(EXPECTED, ensure_ascii=False, indent=2) + "\n")

    # The PDFs come from make_pdf.py (same directory).
    sys.path.insert(0, str(HERE))
    import make_pdf
    make_pdf.main([])

    print(f"wrote {len(WRITTEN)} files; {len(EXPECTED)} expected items")
    for mod, items in (("electrive", electrive_mod.ARTICLES), ("mongabay", mongabay_mod.ARTICLES),
                       ("reuters", reuters_mod.ARTICLES), ("icct", icct_mod.PUBLICATIONS),
                       ("greenwire", greenwire_mod.ARTICLES)):
        print(f"  {mod:10s}", " ".join(str(words(a["body"])) for a in items), "words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
