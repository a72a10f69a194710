#include "chatmessage.h"

#include "protocol.h"

namespace natter {

using namespace protocol;

QJsonObject ChatMessage::toJson() const
{
    QJsonObject object{
        {field::user, user},
        {field::room, room},
        {field::content, content},
        {field::timestamp, timestamp},
        {field::seq, static_cast<qint64>(seq)},
        {field::id, id},
    };
    if (!clientId.isEmpty())
        object.insert(field::clientId, clientId);
    return object;
}

std::optional<ChatMessage> ChatMessage::fromJson(const QJsonObject &object)
{
    // toInteger() gives the fallback for fractions and numbers beyond qint64, so those are refused too.
    const qint64 seq = object.value(field::seq).toInteger(-1);
    if (!object.value(field::room).isString() || !object.value(field::user).isString() ||
        !object.value(field::content).isString() || seq < 1)
        return std::nullopt;
    ChatMessage message;
    message.seq = static_cast<quint64>(seq);
    message.id = object.value(field::id).toString();
    message.room = object.value(field::room).toString();
    message.user = object.value(field::user).toString();
    message.content = object.value(field::content).toString();
    message.timestamp = object.value(field::timestamp).toInteger();
    message.clientId = object.value(field::clientId).toString();
    return message;
}

} // namespace natter
