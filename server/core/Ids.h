#pragma once

#include <QtCore/QString>

namespace hearth {

// Opaque identifier: a UUID version 7 (RFC 9562; lowercase, no braces) —
// the creation time to the millisecond, then 74 random bits. Ids made later
// sort later, so a new row lands beside the last one in every index that
// holds its id instead of on a random page (a ledger with millions of rows
// keeps inserting into the same few pages). They reveal when a row was made,
// which the API shows anyway, but not how many rows exist.
QString newId();
// The same for a given time, for tests.
QString newIdAt(qint64 unixMs);

} // namespace hearth
