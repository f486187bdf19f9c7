#!/usr/bin/env python3
"""Deterministic realistic mail for the Pillarbox lab, written straight into a server Maildir.

    seed.py --maildir PATH --n N [--seed S] [--manifest FILE] [--owner vmail]
            [--flags-random] [--huge-mb M] [--start 2024-01-01]

The same --seed and --n always give the same bytes. The mix: plain text, HTML with a plain
alternative, replies threaded with In-Reply-To/References, non-ASCII names and subjects
(RFC 2047), some attachments; sizes are log-normal around a median of about 8 KB with a few of
100-500 KB; --huge-mb adds one message of that many megabytes (message n/2).

Files use CRLF line ends, as they travel over IMAP and POP3, so the manifest's sha256 is also
the hash of what a client downloads. The manifest has one JSON object per line:
{"file", "sha256", "message_id", "size", "subject", "flags"}.
"""

import argparse
import base64
import binascii
import datetime
import hashlib
import json
import math
import os
import pwd
import random
import sys

DOMAINS = ["btinternet.com", "btopenworld.com", "talk21.com", "example.org", "example.co.uk"]

PEOPLE = [
    ("Siân Llewelyn", "sian.llewelyn"),
    ("Gwenllïan Prys", "gwen.prys"),
    ("Dafydd ap Gruffudd", "dafydd"),
    ("Zoë Hargreaves", "zoe.h"),
    ("François Dubois", "fdubois"),
    ("Jürgen Weiß", "jweiss"),
    ("Ana Muñoz", "ana.munoz"),
    ("山田 太郎", "yamada"),
    ("Ólafur Þórsson", "olafur"),
    ("Margaret Thompson", "maggie.t"),
    ("Raj Patel", "raj.patel"),
    ("Emily Clarke", "emily.clarke"),
    ("Tom O'Brien", "tobrien"),
    ("Parish Council", "clerk"),
    ("BT Broadband", "noreply"),
    ("Chloé Martin", "chloe"),
    ("Ahmed Hassan", "ahmed.h"),
    ("Nicola Evans", "nicola"),
]

SUBJECTS = [
    "Meeting on Thursday",
    "Photos from the weekend",
    "Your order has been dispatched",
    "Invoice {n} attached",
    "Re-arranging the allotment rota",
    "Cyfarfod y pwyllgor nos Fawrth",
    "Diolch am y croeso!",
    "Café at 10 — still on?",
    "Église Saint-Étienne: horaires",
    "Straße gesperrt — Umleitung",
    "Minutes of the last meeting",
    "Holiday plans ☀️",
    "Quarterly statement",
    "Can you check this spreadsheet?",
    "Birthday party for Nain",
    "Ymholiad ynglŷn â'r bil",
    "Broadband upgrade confirmation",
    "見積もりのご確認",
    "School trip consent form",
    "Lost cat — have you seen her?",
]

WORDS = (
    "the a and to of in for on with at from by about as into like through after over between "
    "out against during without before under around among meeting garden weekend village "
    "council train ticket invoice order account broadband message letter photo family school "
    "church market weather rain sunshine holiday cottage kitchen window bill payment receipt "
    "tomorrow yesterday morning evening please thanks sorry perhaps certainly arrange confirm "
    "bore da diolch yn fawr iawn croeso cymru hwyl fawr nos da tywydd glaw heulwen pentref "
    "café naïve résumé façade déjà smörgåsbord über straße"
).split()

ATTACHMENTS = [
    ("application/pdf", "Invoice-{n}.pdf"),
    ("image/jpeg", "IMG_{n}.jpg"),
    ("image/png", "screenshot-{n}.png"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "budget-{n}.xlsx"),
    ("text/calendar", "invite-{n}.ics"),
    ("application/pdf", "Cofnodion-{n}.pdf"),
]

CRLF = "\r\n"


def encoded_word(text):
    """RFC 2047 encoding of a header phrase, only when it is not plain ASCII."""
    if all(32 <= ord(c) < 127 for c in text):
        return text
    words, chunk = [], ""
    for ch in text:
        # An encoded word is at most 75 characters: keep each one's UTF-8 under 45 bytes.
        if len((chunk + ch).encode("utf-8")) > 45:
            words.append(chunk)
            chunk = ""
        chunk += ch
    words.append(chunk)
    return " ".join(
        "=?UTF-8?B?" + base64.b64encode(w.encode("utf-8")).decode("ascii") + "?=" for w in words
    )


def address(name, local, domain):
    phrase = encoded_word(name)
    if phrase == name and any(c in name for c in ",.'\"()<>@;:"):
        phrase = '"' + name.replace('"', "") + '"'
    return f"{phrase} <{local}@{domain}>"


def quoted_printable(text):
    """Quoted-printable body (RFC 2045 6.7) with CRLF lines and soft breaks under 76 chars."""
    encoded = binascii.b2a_qp(text.encode("utf-8"), quotetabs=False, istext=True)
    return encoded.decode("ascii").replace("\n", CRLF)


def base64_lines(data):
    text = base64.b64encode(data).decode("ascii")
    return CRLF.join(text[i : i + 76] for i in range(0, len(text), 76))


def paragraph(rng, words):
    sentence = " ".join(rng.choices(WORDS, k=words))
    return sentence[0].upper() + sentence[1:] + "."


def wrap(text, width=72):
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return "\n".join(lines)


def body_text(rng, target_bytes):
    paras = []
    size = 0
    while size < target_bytes:
        p = wrap(paragraph(rng, rng.randint(20, 90)))
        paras.append(p)
        size += len(p.encode("utf-8")) + 2
    return "\n\n".join(paras)


def pseudo_binary(rng, n):
    """Incompressible-looking bytes, cheap to make deterministically."""
    seed_bytes = rng.getrandbits(256).to_bytes(32, "big")
    out = bytearray()
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(seed_bytes + counter.to_bytes(8, "big")).digest()
        counter += 1
    return bytes(out[:n])


def target_size(rng):
    """Log-normal, median ~8 KB; about 2 % of messages are 100-500 KB."""
    if rng.random() < 0.02:
        return rng.randint(100_000, 500_000)
    return int(min(90_000, max(1_200, rng.lognormvariate(math.log(6_000), 0.7))))


def build_message(rng, i, seed, when, thread_parent, huge_bytes):
    sender = rng.choice(PEOPLE)
    recipient = rng.choice(PEOPLE)
    s_domain, r_domain = rng.choice(DOMAINS), rng.choice(DOMAINS[:3])
    message_id = f"<lab.{seed}.{i}.{rng.getrandbits(40):010x}@mail.pillarbox.test>"
    if thread_parent:
        subject = "Re: " + thread_parent["subject"].removeprefix("Re: ")
    else:
        subject = rng.choice(SUBJECTS).format(n=1000 + i)
    size = huge_bytes if huge_bytes else target_size(rng)
    kind_roll = rng.random()
    with_attachment = bool(huge_bytes) or size > 60_000 or kind_roll < 0.12
    html = not with_attachment and kind_roll < 0.45

    headers = [
        ("Return-Path", f"<{sender[1]}@{s_domain}>"),
        ("Message-ID", message_id),
        ("Date", when.strftime("%a, %d %b %Y %H:%M:%S +0000")),
        ("From", address(sender[0], sender[1], s_domain)),
        ("To", address(recipient[0], recipient[1], r_domain)),
        ("Subject", encoded_word(subject)),
        ("MIME-Version", "1.0"),
    ]
    if rng.random() < 0.15:
        other = rng.choice(PEOPLE)
        headers.append(("Cc", address(other[0], other[1], rng.choice(DOMAINS))))
    if thread_parent:
        refs = (thread_parent["references"] + " " + thread_parent["message_id"]).strip()
        headers.append(("In-Reply-To", thread_parent["message_id"]))
        headers.append(("References", refs))
    else:
        refs = ""

    text_budget = size if not with_attachment else min(size, rng.randint(400, 4_000))
    text = body_text(rng, max(200, text_budget - 600))
    if thread_parent:
        text += "\n\n> " + "\n> ".join(wrap(paragraph(rng, 30)).split("\n"))
    boundary = f"=_pillarbox_lab_{seed}_{i}_{rng.getrandbits(32):08x}"
    parts = []
    if html:
        html_body = "<html><body>" + "".join(
            f"<p>{p}</p>\n" for p in text.split("\n\n")
        ) + "</body></html>"
        headers.append(("Content-Type", f'multipart/alternative; boundary="{boundary}"'))
        parts.append(
            f"--{boundary}{CRLF}Content-Type: text/plain; charset=utf-8{CRLF}"
            f"Content-Transfer-Encoding: quoted-printable{CRLF}{CRLF}{quoted_printable(text)}{CRLF}"
        )
        parts.append(
            f"--{boundary}{CRLF}Content-Type: text/html; charset=utf-8{CRLF}"
            f"Content-Transfer-Encoding: quoted-printable{CRLF}{CRLF}{quoted_printable(html_body)}{CRLF}"
        )
        parts.append(f"--{boundary}--{CRLF}")
        body = "This is a multi-part message in MIME format." + CRLF + CRLF + "".join(parts)
    elif with_attachment:
        mime, name = rng.choice(ATTACHMENTS)
        name = name.format(n=1000 + i)
        # base64 grows by 4/3 plus line ends.
        raw = max(1_000, int((size - len(text) - 800) * 0.74))
        data = pseudo_binary(rng, raw)
        headers.append(("Content-Type", f'multipart/mixed; boundary="{boundary}"'))
        parts.append(
            f"--{boundary}{CRLF}Content-Type: text/plain; charset=utf-8{CRLF}"
            f"Content-Transfer-Encoding: 8bit{CRLF}{CRLF}{text.replace(chr(10), CRLF)}{CRLF}"
        )
        parts.append(
            f"--{boundary}{CRLF}Content-Type: {mime}; name=\"{name}\"{CRLF}"
            f"Content-Disposition: attachment; filename=\"{name}\"{CRLF}"
            f"Content-Transfer-Encoding: base64{CRLF}{CRLF}{base64_lines(data)}{CRLF}"
        )
        parts.append(f"--{boundary}--{CRLF}")
        body = "".join(parts)
    else:
        if rng.random() < 0.5:
            headers.append(("Content-Type", "text/plain; charset=utf-8; format=flowed"))
            headers.append(("Content-Transfer-Encoding", "8bit"))
            body = text.replace("\n", CRLF) + CRLF
        else:
            headers.append(("Content-Type", "text/plain; charset=utf-8"))
            headers.append(("Content-Transfer-Encoding", "quoted-printable"))
            body = quoted_printable(text) + CRLF

    head = "".join(f"{k}: {v}{CRLF}" for k, v in headers)
    raw = (head + CRLF + body).encode("utf-8")
    info = {"message_id": message_id, "subject": subject, "references": refs}
    return raw, info


def ensure_dir(path, owner):
    if not os.path.isdir(path):
        os.makedirs(path, mode=0o700, exist_ok=True)
        if owner:
            os.chown(path, owner.pw_uid, owner.pw_gid)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--maildir", required=True, help="the folder's Maildir (has cur/ new/ tmp/)")
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--manifest", help="where to write the JSON-lines manifest")
    ap.add_argument("--owner", help="chown written files to this user (the server's mail user)")
    ap.add_argument("--flags-random", action="store_true", help="some seen/flagged/answered, in cur/")
    ap.add_argument("--huge-mb", type=float, default=0, help="make message n/2 this many MB")
    ap.add_argument("--start", default="2024-01-01", help="date of the first message (UTC)")
    args = ap.parse_args()

    owner = pwd.getpwnam(args.owner) if args.owner else None
    for sub in ("", "cur", "new", "tmp"):
        ensure_dir(os.path.join(args.maildir, sub), owner)

    rng = random.Random(args.seed)
    when = datetime.datetime.strptime(args.start, "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc)
    base_time = int(when.timestamp())
    history = []
    manifest = open(args.manifest, "w", encoding="utf-8") if args.manifest else None
    for i in range(args.n):
        when = when + datetime.timedelta(minutes=rng.randint(1, 600))
        parent = rng.choice(history[-50:]) if history and rng.random() < 0.3 else None
        huge = int(args.huge_mb * 1_000_000) if args.huge_mb and i == args.n // 2 else 0
        raw, info = build_message(rng, i, args.seed, when, parent, huge)
        history.append(info)

        flags = ""
        if args.flags_random:
            roll = rng.random()
            flags = "".join(
                f for f, p in (("F", 0.05), ("R", 0.15), ("S", 0.7)) if roll < p or rng.random() < p / 3
            )
            flags = "".join(sorted(set(flags)))
        # The name sorts in message order, so Dovecot hands out UIDs in that order.
        name = f"{base_time + i}.M{i:07d}P{args.seed}.pillarbox-lab,S={len(raw)},W={len(raw)}"
        sub = "new"
        if args.flags_random:
            name += ":2," + flags
            sub = "cur"
        tmp_path = os.path.join(args.maildir, "tmp", name)
        with open(tmp_path, "wb") as f:
            f.write(raw)
        if owner:
            os.chown(tmp_path, owner.pw_uid, owner.pw_gid)
        os.rename(tmp_path, os.path.join(args.maildir, sub, name))
        if manifest:
            manifest.write(
                json.dumps(
                    {
                        "file": name,
                        "sha256": hashlib.sha256(raw).hexdigest(),
                        "message_id": info["message_id"],
                        "size": len(raw),
                        "subject": info["subject"],
                        "flags": flags,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    if manifest:
        manifest.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
