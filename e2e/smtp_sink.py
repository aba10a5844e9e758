#!/usr/bin/env python3
"""SMTP sink for the Passend end-to-end test.

Usage: smtp_sink.py PORT OUTFILE

A real SMTP server (aiosmtpd) on 127.0.0.1:PORT. Every message it receives is
appended to OUTFILE as one JSON line:

    {"to": [...], "from": "...", "subject": "...", "body": "<decoded text>"}

"body" is the decoded text/plain part (quoted-printable and base64 are
decoded; a message with only text/html falls back to that). Prints READY on
stdout once listening and exits cleanly on SIGTERM or SIGINT.
"""

import email
import email.policy
import json
import signal
import sys
import threading

from aiosmtpd.controller import Controller


def text_body(msg):
    """Return the decoded text of a message: text/plain first, else text/html."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        # Not multipart-aware (e.g. odd content type): decode the payload raw.
        payload = msg.get_payload(decode=True)
        if payload is None:
            return str(msg.get_payload())
        charset = msg.get_content_charset() or "utf-8"
        return payload.decode(charset, errors="replace")
    try:
        return part.get_content()
    except (LookupError, KeyError):
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", errors="replace")


class Sink:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", errors="surrogateescape")
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "to": list(envelope.rcpt_tos),
            "from": envelope.mail_from,
            "subject": str(msg.get("Subject", "")),
            "body": text_body(msg),
            "attachments": [
                {"filename": part.get_filename(), "content_type": part.get_content_type(), "text": part.get_content()}
                for part in msg.iter_attachments()
                if part.get_content_maintype() == "text"
            ],
        }
        line = json.dumps(record, ensure_ascii=False)
        with self.lock:
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(line + "\n")
                f.flush()
        return "250 Message accepted for delivery"


def main():
    if len(sys.argv) != 3:
        print("usage: smtp_sink.py PORT OUTFILE", file=sys.stderr)
        sys.exit(2)
    port = int(sys.argv[1])
    path = sys.argv[2]
    # Create (or keep) the output file so readers can poll it from the start.
    open(path, "a", encoding="utf-8").close()

    controller = Controller(
        Sink(path),
        hostname="127.0.0.1",
        port=port,
        decode_data=False,
        server_hostname="smtp-sink.e2e.test",
        ready_timeout=10,
    )
    controller.start()

    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    print("READY", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        controller.stop()
    sys.exit(0)


if __name__ == "__main__":
    main()
