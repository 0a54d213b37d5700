"""The synthetic site's pages: an article page with a WordPress news theme's boilerplate, the
RSS feed, robots.txt; ``build_site`` gives them all to ``SiteServer``. The articles themselves
(prose and ground truth) come from ``sitegen``."""

from __future__ import annotations

import html
import json
import random
from email.utils import format_datetime

from .sitegen import FEED_PATH, SITE_NAME, START, TAGLINE, Article, _rng, _slug, _Slots, make_article
from .sitewords import CITIES, COMMENT_SENTENCES, FIRST, HEADLINES, LAST, MONTHS, SECTIONS, TAGS, TOPICS


# -- HTML ---------------------------------------------------------------------------------------

e = html.escape
_SVG = ('<svg class="icon icon-{name}" aria-hidden="true" role="img" focusable="false" '
        'xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><path d="{d}"></path></svg>')


def _svg(r: random.Random, name: str) -> str:
    points = " ".join(f"{r.choice('MLCQ')}{r.randint(0, 240) / 10} {r.randint(0, 240) / 10}"
                      for _ in range(r.randint(8, 18)))
    return _SVG.format(name=name, d=points + " z")


def _css(r: random.Random, rules: int) -> str:
    props = ["color:#%06x", "margin:{}px {}px", "padding:{}px", "font-size:{}px", "line-height:1.{}",
             "border-radius:{}px", "max-width:{}0px", "z-index:{}", "letter-spacing:.0{}em",
             "background:var(--wp--preset--color--c{})", "gap:{}px", "flex:{} 1 auto"]
    out = []
    for _ in range(rules):
        sel = (f".wp-block-{r.choice(['group', 'columns', 'button', 'image', 'cover', 'post'])}"
               f".is-style-{r.randint(1, 400)}" + (f" .has-{r.randint(1, 60)}-color" if r.random() < .5 else ""))
        decl = []
        for p in r.sample(props, r.randint(2, 5)):
            p = p.replace("%06x", f"{r.randint(0, 0xFFFFFF):06x}")
            decl.append(p.format(*(r.randint(1, 99) for _ in range(p.count("{}")))))
        out.append(sel + "{" + ";".join(decl) + "}")
    return "\n".join(out)


def _script_blob(r: random.Random, keys: int) -> str:
    data = {f"opt_{r.randint(1000, 9999)}_{i}": (r.random() if i % 3 else f"v{r.getrandbits(48):x}")
            for i in range(keys)}
    return json.dumps(data, separators=(",", ":"))


def _link_title(seed: int, index: int) -> tuple[str, str]:
    """A short headline and path for another article, without generating its body."""
    r = _rng(seed, index, "link")
    slots = _Slots(r, {})
    title = r.choice(HEADLINES).format_map(slots)
    return title[0].upper() + title[1:], f"/{2025 - index % 3}/0{1 + index % 9}/{_slug(title)}-{index}/"


def render_page(seed: int, article: Article, base: str, total: int) -> str:
    r = _rng(seed, article.index, "chrome")
    a = article
    url = base + a.path
    iso = a.published.isoformat()
    human = f"{MONTHS[a.published.month - 1]} {a.published.day}, {a.published.year}"
    image = f"{base}/wp-content/uploads/{a.published:%Y/%m}/{_slug(a.title)[:40]}-1200x675.jpg"

    def others(n: int) -> list[tuple[str, str]]:
        return [_link_title(seed, r.randrange(total * 3)) for _ in range(n)]

    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": a.title, "datePublished": iso, "dateModified": iso,
         "author": {"@type": "Person", "name": a.author, "url": f"{base}/author/{_slug(a.author)}/"},
         "publisher": {"@type": "Organization", "name": SITE_NAME, "logo": f"{base}/logo.png"},
         "mainEntityOfPage": url, "image": image, "articleSection": a.section,
         "keywords": list(a.tags), "wordCount": len(a.body_text.split())},
        {"@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": base + "/"},
            {"@type": "ListItem", "position": 2, "name": a.section,
             "item": f"{base}/category/{_slug(a.section)}/"},
            {"@type": "ListItem", "position": 3, "name": a.title}]}]}
    out: list[str] = []
    w = out.append
    w('<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="UTF-8">\n'
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    w(f"<title>{e(a.title)} &#8211; {e(SITE_NAME)}</title>\n")
    w(f'<meta name="description" content="{e(a.blocks[0][1][:155])}">\n'
      '<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1">\n'
      f'<link rel="canonical" href="{url}">\n'
      '<meta property="og:locale" content="en_US">\n<meta property="og:type" content="article">\n'
      f'<meta property="og:title" content="{e(a.title)}">\n'
      f'<meta property="og:description" content="{e(a.blocks[0][1][:200])}">\n'
      f'<meta property="og:url" content="{url}">\n<meta property="og:site_name" content="{e(SITE_NAME)}">\n'
      f'<meta property="article:published_time" content="{iso}">\n'
      f'<meta property="article:modified_time" content="{iso}">\n'
      f'<meta property="article:section" content="{e(a.section)}">\n'
      f'<meta property="og:image" content="{image}">\n<meta property="og:image:width" content="1200">\n'
      '<meta property="og:image:height" content="675">\n'
      f'<meta name="author" content="{e(a.author)}">\n<meta name="twitter:card" content="summary_large_image">\n'
      f'<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="{e(a.author)}">\n'
      f'<link rel="alternate" type="application/rss+xml" title="{e(SITE_NAME)} &raquo; Feed" href="{base}{FEED_PATH}">\n'
      f'<link rel="shortlink" href="{base}/?p={10000 + a.index}">\n')
    w(f'<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(ld)}</script>\n')
    for name in ("wp-block-library", "classic-theme-styles", "newsblock-style", "newsblock-fonts",
                 "jetpack-sharing", "cookie-notice-front"):
        w(f"<link rel='stylesheet' id='{name}-css' href='{base}/wp-content/themes/newsblock/{name}.min.css?ver=6.5.{r.randint(1, 5)}' media='all' />\n")
    w(f"<style id='global-styles-inline-css'>\n{_css(r, r.randint(5, 60))}\n</style>\n")
    w("<script>window._wpemojiSettings = " + _script_blob(r, 12) + ";\n"
      "!function(i,n){var o,s,e;function c(e){try{var t={supportTests:e,timestamp:(new Date).valueOf()};"
      "sessionStorage.setItem(o,JSON.stringify(t))}catch(e){}}function p(e,t,n){e.clearRect(0,0,e.canvas.width,"
      "e.canvas.height),e.fillText(t,0,0);t=new Uint32Array(e.getImageData(0,0,e.canvas.width,e.canvas.height)"
      ".data)}}(window,document,window._wpemojiSettings);</script>\n")
    w("<script async src='https://www.googletagmanager.com/gtag/js?id=G-7XK2P3QZ1'></script>\n"
      "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
      "gtag('js',new Date());gtag('config','G-7XK2P3QZ1',{anonymize_ip:true});</script>\n")
    w("</head>\n")
    w(f'<body class="post-template-default single single-post postid-{10000 + a.index} single-format-standard '
      f'wp-embed-responsive category-{_slug(a.section)} has-sidebar">\n')
    # cookie banner
    w('<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cookie-revoke-hidden cn-position-bottom" '
      'aria-label="Cookie Notice"><div class="cookie-notice-container"><span id="cn-notice-text" class="cn-text-container">'
      'We use cookies to ensure that we give you the best experience on our website. If you continue to use this '
      'site we will assume that you are happy with it. You can change your preferences at any time in our privacy '
      'centre.</span><span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" '
      'class="cn-set-cookie cn-button" aria-label="Accept">Accept all</a><a href="#" id="cn-refuse-cookie" '
      'class="cn-set-cookie cn-button" aria-label="Reject">Reject non-essential</a>'
      f'<a href="{base}/privacy-policy/" target="_blank" id="cn-more-info" class="cn-more-info cn-button">Privacy policy</a>'
      '</span></div></div>\n')
    w('<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>\n')
    # header, top bar and mega menu
    w('<header id="masthead" class="site-header"><div class="top-bar"><div class="container">'
      f'<span class="top-date">{a.published:%A}, {human}</span><ul class="top-links">'
      f'<li><a href="{base}/about/">About us</a></li><li><a href="{base}/advertise/">Advertise</a></li>'
      f'<li><a href="{base}/contact/">Contact</a></li><li><a href="{base}/subscribe/">Subscribe</a></li></ul>'
      '<div class="social-links">')
    for net in ("twitter", "linkedin", "facebook", "youtube", "bluesky"):
        w(f'<a href="https://www.{net}.com/chargeandore" class="social-{net}" aria-label="{net}">{_svg(r, net)}</a>')
    w(f'</div></div></div><div class="site-branding"><a href="{base}/" rel="home"><img src="{base}/logo.png" '
      f'alt="{e(SITE_NAME)}" width="240" height="60"></a><p class="site-description">{e(TAGLINE)}</p></div>\n'
      '<nav id="site-navigation" class="main-navigation" aria-label="Primary"><button class="menu-toggle" '
      'aria-controls="primary-menu" aria-expanded="false">Menu</button><ul id="primary-menu" class="menu">')
    for section in SECTIONS:
        w(f'<li class="menu-item menu-item-has-children"><a href="{base}/category/{_slug(section)}/">{e(section)}</a>'
          '<ul class="sub-menu">')
        for title, path in others(r.randint(0, 3)):
            w(f'<li class="menu-item"><a href="{base}{path}">{e(title)}</a></li>')
        w("</ul></li>")
    w(f'</ul></nav><form role="search" method="get" class="search-form" action="{base}/"><label>'
      '<span class="screen-reader-text">Search for:</span><input type="search" class="search-field" '
      'placeholder="Search &hellip;" name="s"></label><input type="submit" class="search-submit" value="Search">'
      '</form></header>\n')
    w('<div class="breaking-news"><span class="label">Breaking</span><ul class="ticker">')
    for title, path in others(5):
        w(f'<li><a href="{base}{path}">{e(title)}</a></li>')
    w("</ul></div>\n")
    # the article
    w('<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">\n'
      f'<nav class="breadcrumbs"><a href="{base}/">Home</a> &raquo; <a href="{base}/category/{_slug(a.section)}/">'
      f'{e(a.section)}</a> &raquo; <span>{e(a.title)}</span></nav>\n'
      f'<article id="post-{10000 + a.index}" class="post-{10000 + a.index} post type-post status-publish '
      f'format-standard has-post-thumbnail hentry category-{_slug(a.section)}">\n'
      f'<header class="entry-header"><div class="entry-categories"><a href="{base}/category/{_slug(a.section)}/" '
      f'rel="category tag">{e(a.section)}</a></div><h1 class="entry-title">{e(a.title)}</h1>'
      f'<div class="entry-meta"><span class="byline">By <span class="author vcard"><a class="url fn n" '
      f'href="{base}/author/{_slug(a.author)}/">{e(a.author)}</a></span></span> <span class="posted-on">'
      f'<time class="entry-date published" datetime="{iso}">{human}</time></span> <span class="reading-time">'
      f'{max(1, len(a.body_text.split()) // 220)} min read</span></div></header>\n'
      f'<figure class="post-thumbnail"><img width="1200" height="675" src="{image}" class="wp-post-image" alt="" '
      f'decoding="async" fetchpriority="high" srcset="{image} 1200w, {image[:-4]}-768x432.jpg 768w"></figure>\n'
      '<div class="share-buttons share-top"><span class="share-label">Share</span>')
    for net in ("twitter", "linkedin", "facebook", "email"):
        w(f'<a class="share-{net}" href="https://share.example/{net}?u={url}" rel="nofollow noopener" '
          f'target="_blank" title="Share on {net}">{_svg(r, net)}<span class="screen-reader-text">Share on {net}</span></a>')
    w('</div>\n<div class="entry-content">\n')
    related_at = r.randint(3, 6) if r.random() < 0.5 else -1
    ad_at = r.randint(2, 8)
    for i, (kind, text) in enumerate(a.blocks):
        w(f"<{kind}>{e(text)}</{kind}>\n")
        if i == ad_at:
            w('<div class="ad-slot ad-inarticle"><div class="ad-label">Advertisement</div>'
              f'<ins class="adsbygoogle" data-ad-client="ca-pub-{r.getrandbits(40)}" data-ad-slot="{r.getrandbits(30)}">'
              '</ins><script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>\n')
        if i == related_at:
            title, path = others(1)[0]
            w(f'<div class="inline-related"><strong>Related:</strong> <a href="{base}{path}">{e(title)}</a></div>\n')
    w("</div>\n")
    w('<footer class="entry-footer"><span class="tags-links">Tagged ')
    w(", ".join(f'<a href="{base}/tag/{_slug(t)}/" rel="tag">{e(t)}</a>' for t in a.tags))
    w("</span></footer>\n</article>\n")
    w(f'<div class="author-bio"><img src="{base}/avatars/{_slug(a.author)}.jpg" alt="" width="80" height="80">'
      f'<div><h4 class="author-title">{e(a.author)}</h4><p class="author-description">{e(a.author)} covers '
      f'{e(r.choice(TOPICS))} and the {e(a.section.lower())} industry for {e(SITE_NAME)}. Before joining the '
      f'site, they reported from {e(r.choice(CITIES))} for a decade.</p><a class="author-link" '
      f'href="{base}/author/{_slug(a.author)}/">View all posts</a></div></div>\n')
    (pt, pp), (nt, np_) = others(2)
    w(f'<nav class="navigation post-navigation" aria-label="Posts"><div class="nav-links"><div class="nav-previous">'
      f'<a href="{base}{pp}" rel="prev"><span class="meta-nav">Previous</span> {e(pt)}</a></div>'
      f'<div class="nav-next"><a href="{base}{np_}" rel="next"><span class="meta-nav">Next</span> {e(nt)}</a></div></div></nav>\n')
    w('<section class="related-posts"><h3 class="related-title">You may also like</h3><div class="related-grid">')
    for title, path in others(r.randint(3, 6)):
        w(f'<article class="related-card"><a href="{base}{path}"><img src="{base}/wp-content/uploads/thumb-'
          f'{r.randint(1, 999)}-300x169.jpg" alt="" loading="lazy" width="300" height="169"></a>'
          f'<h4><a href="{base}{path}">{e(title)}</a></h4><span class="card-date">{r.choice(MONTHS)} '
          f'{r.randint(1, 28)}, 2025</span></article>')
    w("</div></section>\n")
    # comments
    n_comments = r.choice([0, 0, 1, 2, 3, 4, 6, 9])
    slots = _Slots(r, {})
    w(f'<div id="comments" class="comments-area"><h2 class="comments-title">{n_comments} thoughts on '
      f'&ldquo;{e(a.title)}&rdquo;</h2><ol class="comment-list">')
    for c in range(n_comments):
        name = f"{r.choice(FIRST)} {r.choice(LAST)[0]}."
        text = " ".join(r.choice(COMMENT_SENTENCES).format_map(slots) for _ in range(r.randint(1, 4)))
        w(f'<li id="comment-{a.index * 100 + c}" class="comment even thread-even depth-1"><article class="comment-body">'
          f'<footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="{base}/avatar/{r.getrandbits(64):x}'
          f'?s=60" class="avatar avatar-60 photo" height="60" width="60" loading="lazy"><b class="fn">{e(name)}</b> '
          '<span class="says">says:</span></div><div class="comment-metadata"><a href="#comment-1"><time datetime="'
          f'{iso}">{human} at {r.randint(1, 12)}:{r.randint(10, 59)} pm</time></a></div></footer>'
          f'<div class="comment-content"><p>{e(text)}</p></div><div class="reply"><a rel="nofollow" class="comment-reply-link" '
          f'href="#respond">Reply</a></div></article></li>')
    w('</ol><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>'
      f'<form action="{base}/wp-comments-post.php" method="post" id="commentform" class="comment-form">'
      '<p class="comment-notes">Your email address will not be published. Required fields are marked *</p>'
      '<p class="comment-form-comment"><label for="comment">Comment *</label><textarea id="comment" name="comment" '
      'cols="45" rows="8" required></textarea></p><p class="comment-form-author"><label for="author">Name *</label>'
      '<input id="author" name="author" type="text" required></p><p class="comment-form-email"><label for="email">'
      'Email *</label><input id="email" name="email" type="email" required></p><p class="form-submit">'
      '<input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p></form></div></div>\n')
    w("</main></div>\n")
    # sidebar
    w('<aside id="secondary" class="widget-area"><section class="widget widget_search"><form role="search" '
      f'method="get" action="{base}/"><input type="search" name="s" placeholder="Search"></form></section>'
      '<section class="widget widget_newsletter"><h3 class="widget-title">Get the briefing</h3><p>Our free '
      'newsletter brings you the week\'s most important stories on electric vehicles, batteries and the metals '
      'behind them, every Friday morning.</p><form class="newsletter-form" action="/subscribe/" method="post">'
      '<input type="email" name="email" placeholder="Your email address" required><button type="submit">Sign up'
      '</button><p class="small">By signing up you agree to our terms and privacy policy. Unsubscribe at any time.'
      '</p></form></section><section class="widget widget_trending"><h3 class="widget-title">Trending</h3><ol>')
    for title, path in others(r.randint(5, 10)):
        w(f'<li><a href="{base}{path}">{e(title)}</a></li>')
    w('</ol></section><section class="widget widget_recent_entries"><h3 class="widget-title">Recent posts</h3><ul>')
    for title, path in others(r.randint(5, 10)):
        w(f'<li><a href="{base}{path}">{e(title)}</a><span class="post-date">{r.choice(MONTHS)} {r.randint(1, 28)}, 2025</span></li>')
    w('</ul></section><section class="widget widget_tag_cloud"><h3 class="widget-title">Topics</h3><div class="tagcloud">')
    for t in TAGS:
        w(f'<a href="{base}/tag/{_slug(t)}/" class="tag-cloud-link" style="font-size:{r.randint(8, 22)}pt">{e(t)}</a> ')
    w('</div></section><section class="widget widget_categories"><h3 class="widget-title">Sections</h3><ul>')
    for section in SECTIONS:
        w(f'<li class="cat-item"><a href="{base}/category/{_slug(section)}/">{e(section)}</a> ({r.randint(40, 900)})</li>')
    w('</ul></section><section class="widget widget_ad"><div class="ad-label">Advertisement</div>'
      f'<a href="https://ads.example/click?id={r.getrandbits(32)}"><img src="https://ads.example/banner-300x250.png" '
      'width="300" height="250" alt="Advertisement"></a></section></aside>\n</div>\n')
    # footer
    w('<footer id="colophon" class="site-footer"><div class="footer-widgets">'
      f'<div class="footer-col"><h4>About {e(SITE_NAME)}</h4><p>{e(SITE_NAME)} is an independent newsroom covering '
      'the transition to electric transport, from the mines that supply battery metals to the factories that '
      'build the cars. We are funded by our readers and by foundations that have no say over our reporting.</p></div>'
      '<div class="footer-col"><h4>Sections</h4><ul>')
    for section in SECTIONS:
        w(f'<li><a href="{base}/category/{_slug(section)}/">{e(section)}</a></li>')
    w('</ul></div><div class="footer-col"><h4>Company</h4><ul>')
    for label in ("About us", "Our team", "Ethics policy", "Corrections", "Careers", "Advertise", "Contact",
                  "Newsletter", "Podcasts", "Events"):
        w(f'<li><a href="{base}/{_slug(label)}/">{label}</a></li>')
    w('</ul></div><div class="footer-col"><h4>Most read</h4><ul>')
    for title, path in others(5):
        w(f'<li><a href="{base}{path}">{e(title)}</a></li>')
    w('</ul></div><div class="footer-col"><h4>Follow us</h4><div class="social-links">')
    for net in ("twitter", "linkedin", "facebook", "youtube", "instagram", "rss"):
        w(f'<a href="https://www.{net}.com/chargeandore" aria-label="{net}">{_svg(r, net)}</a>')
    w('</div></div></div><div class="site-info"><p>&copy; 2025 Charge &amp; Ore Media Ltd. All rights reserved. '
      'Registered in England and Wales, company number 12345678.</p><ul class="legal-links">'
      f'<li><a href="{base}/privacy-policy/">Privacy policy</a></li><li><a href="{base}/cookie-policy/">Cookie policy</a></li>'
      f'<li><a href="{base}/terms/">Terms of use</a></li><li><a href="{base}/accessibility/">Accessibility</a></li></ul>'
      '<p class="powered-by">Proudly powered by WordPress | Theme: Newsblock</p></div></footer>\n</div>\n')
    w(f"<script id='newsblock-config'>var newsblockConfig = {_script_blob(r, r.randint(5, 60))};</script>\n")
    for name in ("jquery-core", "jquery-migrate", "comment-reply", "newsblock-navigation", "jetpack-sharing",
                 "cookie-notice-front", "wp-embed", "lazysizes"):
        w(f"<script src='{base}/wp-includes/js/{name}.min.js?ver=3.7.{r.randint(0, 9)}' id='{name}-js'></script>\n")
    w("</body>\n</html>\n")
    return "".join(out)


def render_feed(seed: int, base: str, total: int) -> bytes:
    """RSS 2.0 listing every article, newest first, WordPress-style tracking parameters on links."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
           f"<title>{e(SITE_NAME)}</title>\n"
           f'<atom:link href="{base}{FEED_PATH}" rel="self" type="application/rss+xml" />\n'
           f"<link>{base}/</link>\n<description>{e(TAGLINE)}</description>\n"
           f"<lastBuildDate>{format_datetime(START)}</lastBuildDate>\n<language>en-US</language>\n"
           "<generator>https://wordpress.org/?v=6.5.2</generator>\n"]
    for i in range(total):
        a = make_article(seed, i)
        out.append(
            f"<item>\n<title>{e(a.title)}</title>\n"
            f"<link>{base}{a.path}?utm_source=rss&amp;utm_medium=rss&amp;utm_campaign={_slug(a.title)[:30]}</link>\n"
            f"<dc:creator><![CDATA[{a.author}]]></dc:creator>\n<pubDate>{format_datetime(a.published)}</pubDate>\n"
            f"<category><![CDATA[{a.section}]]></category>\n"
            f'<guid isPermaLink="false">{base}/?p={10000 + i}</guid>\n'
            f"<description><![CDATA[{a.excerpt}]]></description>\n</item>\n")
    out.append("</channel>\n</rss>\n")
    return "".join(out).encode("utf-8")


ROBOTS = b"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"


def build_site(seed: int, base: str, total: int) -> dict[str, tuple[str, bytes]]:
    """Every page of the site, for ``SiteServer(pages=...)``: path -> (content type, body)."""
    pages: dict[str, tuple[str, bytes]] = {
        FEED_PATH: ("application/rss+xml; charset=UTF-8", render_feed(seed, base, total)),
        "/robots.txt": ("text/plain; charset=utf-8", ROBOTS),
    }
    for i in range(total):
        a = make_article(seed, i)
        pages[a.path] = ("text/html; charset=UTF-8", render_page(seed, a, base, total).encode("utf-8"))
    return pages
