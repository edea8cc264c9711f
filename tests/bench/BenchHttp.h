// SPDX-License-Identifier: MIT
#pragma once

// A blocking HTTP/1.1 client for benchmarks: a keep-alive connection to loopback and whole responses read
// back, with nothing in between to measure.

#include <QtGlobal>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace BenchHttp {

inline int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        return -1;
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

/// Reads one response (headers and Content-Length body); false on error or a status other than 200. With
/// `body`, the response's body is put there.
inline bool readResponse(int fd, std::string &buffer, std::string *body = nullptr)
{
    for (;;) {
        const auto end = buffer.find("\r\n\r\n");
        if (end != std::string::npos) {
            const auto cl = buffer.find("Content-Length: ");
            const std::size_t length = std::strtoul(buffer.c_str() + cl + 16, nullptr, 10);
            if (buffer.size() >= end + 4 + length) {
                const bool ok = buffer.compare(0, 12, "HTTP/1.1 200") == 0;
                if (body)
                    body->assign(buffer, end + 4, length);
                buffer.erase(0, end + 4 + length);
                return ok;
            }
        }
        char chunk[4096];
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n <= 0)
            return false;
        buffer.append(chunk, std::size_t(n));
    }
}

} // namespace BenchHttp
