#!/usr/bin/env python3
"""What a desk might script instead of NewsDesk: poll each feed, fetch each linked page, keep its paragraphs'
text, store it in SQLite. Python's standard library only (urllib, xml.etree, html.parser, sqlite3, 8 threads):
feedparser and readability-lxml are not on this machine and PyPI is unreachable from it, so the script uses what
any Python has. It does less than NewsDesk (no tags, parties, summary, stories, politeness or durability); that
is the point of the comparison.

    python3 desk_script.py FEEDS_JSON DB_PATH
"""
import json
import sqlite3
import sys
import threading
import urllib.request
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser


class Paragraphs(HTMLParser):
    """The text of every <p>, a crude readability: article pages keep their story in paragraphs."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts = []
        self.title = ""
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1
        elif tag == "title":
            self.in_title = True

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            self.parts.append("\n")
        elif tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)
        elif self.in_title:
            self.title += data


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def main():
    feeds = [f["url"] for f in json.load(open(sys.argv[1]))["feeds"]]
    db = sqlite3.connect(sys.argv[2], check_same_thread=False)
    db.execute("create table if not exists articles (url text primary key, title text, text text)")
    lock = threading.Lock()

    def article(link):
        parser = Paragraphs()
        parser.feed(fetch(link).decode("utf-8", "replace"))
        text = " ".join("".join(parser.parts).split())
        with lock:
            db.execute("insert or ignore into articles values (?, ?, ?)", (link, parser.title.strip(), text))
            db.commit()

    def feed(url):
        root = ET.fromstring(fetch(url))
        for item in root.iter("item"):
            link = item.findtext("link")
            if link:
                article(link.strip())

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(feed, feeds))
    count = db.execute("select count(*) from articles").fetchone()[0]
    print(f"desk script: {count} articles stored")


if __name__ == "__main__":
    main()
