#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# A WebSocket client of TickDesk's stream with nothing but the standard library: subscribes to everything
# (ws://127.0.0.1:PORT/ws), reads every message and writes how many it has read to FILE once a second.
#   ws_counter.py PORT FILE
import base64
import os
import socket
import struct
import sys
import time


def read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("stream closed")
        data += chunk
    return data


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    sock = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    header = b""
    while b"\r\n\r\n" not in header:
        header += sock.recv(1)
    if b" 101 " not in header.split(b"\r\n")[0]:
        raise SystemExit("handshake refused: " + header.decode(errors="replace"))
    count, last = 0, 0.0
    while True:
        first, second = read_exact(sock, 2)
        length = second & 0x7F
        if length == 126:
            length = struct.unpack("!H", read_exact(sock, 2))[0]
        elif length == 127:
            length = struct.unpack("!Q", read_exact(sock, 8))[0]
        read_exact(sock, length)
        if first & 0x0F in (1, 2):
            count += 1
        if time.monotonic() - last >= 1:
            last = time.monotonic()
            with open(path + ".tmp", "w") as f:
                f.write(str(count))
            os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
