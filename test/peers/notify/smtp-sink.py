#!/usr/bin/python3
"""SMTP sink for the e-mail channel's tests, on aiosmtpd (an SMTP server owing nothing to ours).

    smtp-sink.py OUTDIR [--auth USER:PASSWORD]

Listens on a free port of 127.0.0.1 and prints JSON lines on stdout, the first being
{"event": "listening", "port": N}. Each accepted message is saved as OUTDIR/NNNN.eml (raw, as
received) and OUTDIR/NNNN.json: the envelope, and the message as Python's own e-mail parser
reads it (decoded subject, each part's type, charset, transfer encoding and decoded content).

Recipients whose local part starts with "tempfail" get a 451, with "reject" a 550.
--auth: offer AUTH PLAIN/LOGIN (without TLS) and accept only these credentials.
"""

import argparse
import email
import email.policy
import json
import os
import signal
import socket
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def emit(event):
    sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def describe(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    parts = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        parts.append({
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding"),
            "content": part.get_content(),
        })
    return {
        "subject": str(msg["Subject"]),
        "from": str(msg["From"]),
        "to": str(msg["To"]),
        "message_id": str(msg["Message-ID"]),
        "date": str(msg["Date"]),
        "content_type": msg.get_content_type(),
        "auto_submitted": msg.get("Auto-Submitted"),
        "importance": msg.get("Importance"),
        "defects": [type(d).__name__ for d in msg.defects],
        "parts": parts,
    }


class Sink:
    def __init__(self, outdir):
        self.outdir = outdir
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0]
        if local.startswith("tempfail"):
            return "451 4.3.0 sink: temporary failure, as asked"
        if local.startswith("reject"):
            return "550 5.1.1 sink: no such mailbox, as asked"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = os.path.join(self.outdir, "%04d" % self.count)
        raw = envelope.original_content
        with open(name + ".eml", "wb") as f:
            f.write(raw)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        record = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "auth_login": login,
                  "message": describe(raw)}
        with open(name + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(name + ".json.tmp", name + ".json")
        emit({"event": "message", "file": name + ".json"})
        return "250 2.0.0 Ok: queued as sink-%d" % self.count


def authenticator_for(expected):
    user, _, password = expected.partition(":")

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        emit({"event": "auth", "mechanism": mechanism, "success": ok})
        # handled=False: let aiosmtpd answer the failure itself (535) instead of staying silent.
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    return authenticate


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--auth")
    args = parser.parse_args()
    extra = {}
    if args.auth:
        extra = {"authenticator": authenticator_for(args.auth), "auth_require_tls": False}
    # aiosmtpd's Controller cannot listen on port 0, so pick one and retry if it got taken.
    for attempt in range(10):
        port = free_port()
        controller = Controller(Sink(args.outdir), hostname="127.0.0.1", port=port, **extra)
        try:
            controller.start()
            break
        except Exception as e:  # the port was taken between the probe and the bind
            if attempt == 9:
                raise e
    emit({"event": "listening", "port": port})
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    main()
