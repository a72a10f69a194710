#pragma once

#include "serveraddress.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace natter {

/**
 * @brief A `natter://host[:port][/room][?user=name]` link: a server, and optionally a room to open there and
 * a name to suggest to someone who has none yet. The port defaults to 8082; IPv6 hosts go in brackets.
 */
struct NatterLink
{
    Q_DECLARE_TR_FUNCTIONS(NatterLink)

public:
    ServerAddress server;
    /// The room to open; empty when the link names only the server.
    QString room;
    /// A suggested user name; empty when the link has none.
    QString user;

    /// Parses @p text. On failure returns nothing and, if @p error is given, a sentence to show the user.
    static std::optional<NatterLink> parse(const QString &text, QString *error = nullptr);

    /// The link in its canonical form (what parse() reads back to the same link).
    QString toString() const;
};

} // namespace natter
