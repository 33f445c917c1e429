// Precompiled for every Hearth target: only QtCore basics, so it stays cheap.
#pragma once
#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <functional>
#include <memory>
#include <optional>
