#pragma once

#include "names.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace natter {

/** @brief Who may use a room: anyone (public), exactly two people (direct), or invited members (group). */
struct RoomAccess
{
    enum class Kind
    {
        Public,
        Direct,
        Group,
    };

    Kind kind = Kind::Public;
    QString owner;                   ///< Group: who created it (may invite and remove). Empty otherwise.
    QHash<QString, QString> members; ///< Direct and group rooms: case-folded name -> name as registered.
    struct Invitation
    {
        QString user; ///< As registered.
        QString by;   ///< Who invited them.
        friend bool operator==(const Invitation &, const Invitation &) = default;
    };
    QHash<QString, Invitation> invited; ///< Group: invitations not yet answered, keyed the same way.

    static QString keyOf(const QString &user) { return names::userKey(user); }

    bool isPrivate() const { return kind != Kind::Public; }
    /// Whether @p user may join, read, post and see the members.
    bool admits(const QString &user) const { return !isPrivate() || members.contains(keyOf(user)); }
    /// Whether @p user may invite and remove members: a group's owner, or a server admin.
    bool canManage(const QString &user, bool serverAdmin) const
    {
        return kind == Kind::Group && (serverAdmin || keyOf(owner) == keyOf(user));
    }
    /// Members' names, sorted.
    QStringList memberNames() const
    {
        QStringList names = members.values();
        names.sort(Qt::CaseInsensitive);
        return names;
    }
    /// For a direct room seen by @p user: the other person.
    QString peerOf(const QString &user) const
    {
        for (auto it = members.cbegin(); it != members.cend(); ++it) {
            if (it.key() != keyOf(user))
                return it.value();
        }
        return {};
    }

    static QLatin1StringView kindName(Kind kind)
    {
        switch (kind) {
        case Kind::Direct:
            return QLatin1StringView("direct");
        case Kind::Group:
            return QLatin1StringView("group");
        case Kind::Public:
            break;
        }
        return QLatin1StringView("public");
    }
    static Kind kindFromName(const QString &name)
    {
        if (name == QLatin1String("direct"))
            return Kind::Direct;
        if (name == QLatin1String("group"))
            return Kind::Group;
        return Kind::Public;
    }
};

} // namespace natter
