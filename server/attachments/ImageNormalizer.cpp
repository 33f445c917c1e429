#include "attachments/ImageNormalizer.h"

#include <QtCore/QBuffer>
#include <QtCore/QIODevice>
#include <QtGui/QImage>
#include <QtGui/QImageReader>
#include <QtGui/QImageWriter>

namespace hearth {

namespace {

ApiError unreadable()
{
    return {422,
            QStringLiteral("UNREADABLE_FILE"),
            QStringLiteral("The picture could not be read: the file is damaged or incomplete"),
            {},
            0};
}

} // namespace

Outcome<NormalizedImage> normalizeImage(QIODevice &in, const QByteArray &mediaType, QIODevice &out,
                                        const ImageLimits &limits)
{
    if (!in.seek(0))
        return ApiError::internal();
    QImageReader reader(&in);
    reader.setAutoTransform(true);
    const QSize declared = reader.size();
    if (!reader.canRead() || !declared.isValid())
        return unreadable();
    if (qint64(declared.width()) * declared.height() > limits.maxPixels)
        return ApiError{413,
                        QStringLiteral("IMAGE_TOO_LARGE"),
                        QStringLiteral("The picture is %1 × %2 pixels; Hearth takes up to %3 "
                                       "million pixels")
                            .arg(declared.width())
                            .arg(declared.height())
                            .arg(limits.maxPixels / 1'000'000),
                        {},
                        0};

    const bool gif = mediaType == "image/gif";
    if (gif && qMax(declared.width(), declared.height()) <= limits.maxSide) {
        // Kept as it came: animation and all.
        if (!in.seek(0))
            return ApiError::internal();
        while (!in.atEnd()) {
            const QByteArray piece = in.read(1 << 20);
            if (piece.isEmpty() || out.write(piece) != piece.size())
                return ApiError::internal();
        }
        return NormalizedImage{mediaType, declared.width(), declared.height()};
    }

    // Decoded straight at the size kept where the format can (JPEG scales
    // while decoding): a 24-megapixel photo then never takes its 96 MB.
    if (qMax(declared.width(), declared.height()) > limits.maxSide)
        reader.setScaledSize(declared.scaled(limits.maxSide, limits.maxSide, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return unreadable();
    if (qMax(image.width(), image.height()) > limits.maxSide)
        image = image.scaled(limits.maxSide, limits.maxSide, Qt::KeepAspectRatio,
                             Qt::SmoothTransformation);
    // A copy of the pixels alone: a PNG's text chunks would be written back.
    const QImage pixels(image.constBits(), image.width(), image.height(), image.bytesPerLine(),
                        image.format());
    const QImage clean = pixels.copy();

    const QByteArray format = mediaType == "image/jpeg"   ? QByteArrayLiteral("jpeg")
                              : mediaType == "image/webp" ? QByteArrayLiteral("webp")
                                                          : QByteArrayLiteral("png");
    QImageWriter writer(&out, format);
    if (format != "png")
        writer.setQuality(90);
    if (!writer.write(format == "jpeg" ? clean.convertToFormat(QImage::Format_RGB32) : clean))
        return ApiError::internal();
    return NormalizedImage{format == "png" ? QByteArrayLiteral("image/png") : mediaType,
                           clean.width(), clean.height()};
}

Thumbnail makeThumbnail(const QByteArray &picture, int side)
{
    QImage image = QImage::fromData(picture);
    if (image.isNull())
        return {};
    if (qMax(image.width(), image.height()) > side)
        image = image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const bool transparent = image.hasAlphaChannel();
    Thumbnail out{{},
                  transparent ? QByteArrayLiteral("image/png") : QByteArrayLiteral("image/jpeg")};
    QBuffer buffer(&out.bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, transparent ? "png" : "jpeg");
    writer.setQuality(80);
    if (!writer.write(transparent ? image : image.convertToFormat(QImage::Format_RGB32)))
        return {};
    return out;
}

} // namespace hearth
