#!/usr/bin/env python3
"""Bearer-token server for the test bed's "token" registry, in the manner of Docker Hub's
auth.docker.io: the registry answers 401 with `WWW-Authenticate: Bearer realm=...`, the
client asks this server for a token (anonymously or with basic credentials) and retries
with it. Tokens are JWTs signed RS256 with the key whose certificate the registry trusts
(`auth.token.rootcertbundle`), the certificate in the `x5c` header.

Policy: anonymous clients may pull any repository outside `private/`; the user and
password given on the command line may pull and push everything; wrong credentials get
401.

  token_server.py PORT KEY CERT SERVICE ISSUER USER PASSWORD
"""

import base64
import http.server
import json
import os
import subprocess
import sys
import time
import urllib.parse


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class TokenServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port, key, cert, service, issuer, user, password):
        super().__init__(("127.0.0.1", port), Handler)
        self.key, self.service, self.issuer = key, service, issuer
        self.user, self.password = user, password
        der = subprocess.run(["openssl", "x509", "-in", cert, "-outform", "DER"],
                             check=True, capture_output=True).stdout
        self.x5c = base64.b64encode(der).decode()

    def sign(self, subject, access):
        now = int(time.time())
        header = {"typ": "JWT", "alg": "RS256", "x5c": [self.x5c]}
        claims = {"iss": self.issuer, "sub": subject, "aud": self.service,
                  "exp": now + 300, "nbf": now - 10, "iat": now,
                  "jti": os.urandom(8).hex(), "access": access}
        signing_input = (b64url(json.dumps(header).encode()) + "." +
                         b64url(json.dumps(claims).encode()))
        signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", self.key],
                                   input=signing_input.encode(), check=True,
                                   capture_output=True).stdout
        return signing_input + "." + b64url(signature)


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        sys.stderr.write("token: " + (fmt % args) + "\n")

    def reply(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def caller(self):
        """None for anonymous, the user name for good credentials, False for bad ones."""
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Basic "):
            return None
        try:
            user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
        except ValueError:
            return False
        srv = self.server
        return user if (user, password) == (srv.user, srv.password) else False

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path != "/token":
            return self.reply(404, {"errors": [{"code": "NOT_FOUND"}]})
        query = urllib.parse.parse_qs(url.query)
        who = self.caller()
        if who is False:
            return self.reply(401, {"details": "incorrect username or password"})
        access = []
        for scope in query.get("scope", []):
            for one in scope.split(" "):
                kind, _, rest = one.partition(":")
                name, _, actions = rest.rpartition(":")
                if kind != "repository" or not name:
                    continue
                wanted = [a for a in actions.split(",") if a]
                if who is None:
                    granted = [a for a in wanted if a == "pull"]
                    if name.startswith("private/"):
                        granted = []
                else:
                    granted = wanted
                access.append({"type": "repository", "name": name, "actions": granted})
        token = self.server.sign(who or "", access)
        self.reply(200, {"token": token, "access_token": token, "expires_in": 300,
                         "issued_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})


def main(argv):
    if len(argv) != 7:
        sys.exit(__doc__)
    port, key, cert, service, issuer, user, password = argv
    TokenServer(int(port), key, cert, service, issuer, user, password).serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
