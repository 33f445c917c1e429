#pragma once

#include "core/Outcome.h"

#include <QtCore/QByteArray>

class QIODevice;

namespace hearth {

// A picture as Hearth keeps and sends it: turned upright by its EXIF
// orientation, scaled down to at most `maxSide` pixels on its longest side
// (what vision models use anyway), and encoded afresh, so that nothing of
// the camera's metadata (GPS position, device, comments) survives. JPEG
// stays JPEG, WebP stays WebP, PNG stays PNG; a GIF small enough is kept
// as it came (animation and all; GIFs carry no EXIF), else its first frame
// becomes a PNG. A picture declaring more than maxPixels is refused before
// it is decoded (a "decompression bomb": a few KB that unpack to gigabytes).
struct NormalizedImage
{
    QByteArray mediaType;
    int width = 0;
    int height = 0;
};

struct ImageLimits
{
    int maxSide = 2048;
    qint64 maxPixels = 50'000'000;
};

Outcome<NormalizedImage> normalizeImage(QIODevice &in, const QByteArray &mediaType, QIODevice &out,
                                        const ImageLimits &limits);

// A small preview of a stored picture (at most `side` pixels on its longest
// side, never larger than the picture): a PNG when it has transparency,
// else a JPEG. Empty when the bytes are not a picture.
struct Thumbnail
{
    QByteArray bytes;
    QByteArray mediaType;
};
Thumbnail makeThumbnail(const QByteArray &picture, int side);

} // namespace hearth
