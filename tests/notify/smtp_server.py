#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A real SMTP server for the tests (aiosmtpd): keeps each message as a file.

    smtp_server.py --port N --dir DIR [--cert CERT --key KEY]

Each message is written to DIR/NNNNNN.eml (renamed into place when complete), with
X-Envelope-From and X-Envelope-To lines first. With a certificate, STARTTLS is
offered and required. Prints READY when listening; stops when stdin closes."""
import argparse
import os
import ssl
import sys

from aiosmtpd.controller import Controller


class Saver:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        head = "X-Envelope-From: {}\r\nX-Envelope-To: {}\r\n".format(envelope.mail_from, ",".join(envelope.rcpt_tos))
        temp = os.path.join(self.directory, ".{}.tmp".format(self.count))
        with open(temp, "wb") as f:
            f.write(head.encode() + envelope.original_content)
        os.rename(temp, os.path.join(self.directory, "{:06d}.eml".format(self.count)))
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    kwargs = {}
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        kwargs = {"tls_context": context, "require_starttls": True}
    controller = Controller(Saver(args.dir), hostname="127.0.0.1", port=args.port, **kwargs)
    controller.start()
    print("READY", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
