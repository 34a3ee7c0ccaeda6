#!/usr/bin/env python3
"""Changes one published post as the owner does: signs in to the manager, opens the post's editor, adds a sentence
to its text and presses Publish (the form post the button sends, with every field the editor holds).
   edit-post.py <cms url> <email> <password> <post id>"""
import http.cookiejar
import sys
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser

cms, email, password, post_id = sys.argv[1:5]
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


class FormFields(HTMLParser):
    """The named fields of the page's forms, as a browser would send them (the first form holding a field wins)."""

    def __init__(self):
        super().__init__()
        self.fields, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.setdefault(name, a.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields.setdefault(name, "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.fields.setdefault(self._select, a.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def fields_of(path):
    parser = FormFields()
    parser.feed(opener.open(cms + path).read().decode())
    return parser.fields


def post(path, fields):
    request = urllib.request.Request(cms + path, urllib.parse.urlencode(fields).encode(), method="POST")
    with opener.open(request) as response:
        return response.status


sign_in = fields_of("/manager/account/sign-in")
sign_in.update({"Email": email, "Password": password})
post("/manager/account/sign-in", sign_in)

editor = fields_of(f"/manager/posts/{post_id}")
if "Body" not in editor:
    sys.exit(f"/manager/posts/{post_id} shows no editor: is the sign-in right?")
editor["Body"] = editor["Body"].rstrip() + f"\n\nUpdated at {time.strftime('%H:%M:%S')}: keep the easy days easy.\n"
post(f"/manager/posts/{post_id}?handler=Publish", editor)
