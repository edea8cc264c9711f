// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace Util {

/// The `# HELP` and `# TYPE` lines that open a metric family in the Prometheus text format.
inline QByteArray prometheusFamily(const char *name, const char *type, const char *help)
{
    QByteArray out("# HELP ");
    out.append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
    return out;
}

/// A whole single-value family: header and `name value`.
inline void appendPrometheus(QByteArray &out, const char *name, const char *type, const char *help, double value)
{
    out += prometheusFamily(name, type, help);
    out.append(name).append(' ').append(QByteArray::number(value, 'g', 15)).append('\n');
}

} // namespace Util
