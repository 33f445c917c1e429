#include "app/CodeView.h"

#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtTest/QTest>

using hearth::ui::CodeHighlighter;
using hearth::ui::CodeView;

// The code view draws its lines one by one: a streamed block lays out only
// the lines that changed, colours land on the lines they cover, and text is
// selected and copied as from a label.
class TestCodeView final : public QObject
{
    Q_OBJECT

    static CodeHighlighter::Run run(const QString &code, const QString &token, const char *colour)
    {
        return {int(code.indexOf(token)),
                int(token.size()),
                QColor(QLatin1String(colour)),
                QColor(QLatin1String(colour)).lighter(),
                false,
                false};
    }

private slots:
    void growsWithItsLinesAndLongestLine()
    {
        CodeView view;
        view.setCode(QStringLiteral("a"));
        const QSize one = view.sizeHint();
        view.setCode(QStringLiteral("a\nb\nc"));
        QCOMPARE(view.accessibleDescription(), QStringLiteral("a\nb\nc")); // for screen readers
        const QSize three = view.sizeHint();
        QCOMPARE(three.width(), one.width());
        const int lineHeight = (three.height() - one.height()) / 2;
        QVERIFY(lineHeight > 0);
        view.setCode(QStringLiteral("a\nb\nc") + QString(200, QLatin1Char('x')));
        QVERIFY(view.sizeHint().width() > one.width() + 100);
        QCOMPARE(view.sizeHint().height(), three.height());
        // A tab is as wide as the spaces it stands for.
        view.setCode(QStringLiteral("\tx"));
        const int tabbed = view.sizeHint().width();
        view.setCode(QStringLiteral("    x"));
        QCOMPARE(view.sizeHint().width(), tabbed);
    }

    void aStreamedBlockLaysOutOnlyWhatChanged()
    {
        CodeView view;
        view.resize(400, 300);
        QString code = QStringLiteral("line 0");
        view.setCode(code);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.layoutsMade(), 1);
        for (int i = 1; i <= 5; ++i) {
            code += QStringLiteral("\nline %1").arg(i);
            view.setCode(code);
            view.resize(view.sizeHint());
            view.repaint();
        }
        // Each new line once, and the lines before never again.
        QCOMPARE(view.layoutsMade(), 6);
        code += QStringLiteral(" more");
        view.setCode(code);
        view.repaint();
        QCOMPARE(view.layoutsMade(), 7);

        // Colours for the first line only: the others keep their layouts.
        view.setColours({run(code, QStringLiteral("line 0"), "#cf222e")});
        view.repaint();
        QCOMPARE(view.layoutsMade(), 8);
        QCOMPARE(view.colourAt(0), QColor(QStringLiteral("#cf222e")));
        QVERIFY(!view.colourAt(int(code.indexOf(QLatin1String("line 1")))).isValid());
        view.setColours({run(code, QStringLiteral("line 0"), "#cf222e")}); // the same again
        view.repaint();
        QCOMPARE(view.layoutsMade(), 8);
    }

    void aRunOverTwoLinesColoursBoth()
    {
        CodeView view;
        const QString code = QStringLiteral("x = 1 /* a\nb */ y");
        view.setCode(code);
        view.setColours({run(code, QStringLiteral("/* a\nb */"), "#6e7781")});
        QCOMPARE(view.colourAt(int(code.indexOf(QLatin1String("a\n")))),
                 QColor(QStringLiteral("#6e7781")));
        QCOMPARE(view.colourAt(int(code.indexOf(QLatin1String("b */")))),
                 QColor(QStringLiteral("#6e7781")));
        QVERIFY(!view.colourAt(int(code.indexOf(QLatin1Char('y')))).isValid());
        // Light and dark have their own colours.
        QPalette dark = view.palette();
        dark.setColor(QPalette::Window, Qt::black);
        view.setPalette(dark);
        QCOMPARE(view.colourAt(int(code.indexOf(QLatin1Char('b')))),
                 QColor(QStringLiteral("#6e7781")).lighter());
    }

    void selectsAndCopiesLikeALabel()
    {
        CodeView view;
        const QString code = QStringLiteral("first line\nsecond_word here");
        view.setCode(code);
        view.resize(view.sizeHint());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.hasSelectedText());
        view.setSelection(6, 11);
        QCOMPARE(view.selectedText(), QStringLiteral("line\nsecond"));
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("line\nsecond"));
        view.setSelection(0, 0);
        QVERIFY(!view.hasSelectedText());

        // A double click takes the identifier under the pointer.
        const QPoint onSecond =
            view.positionRect(int(code.indexOf(QLatin1String("word")))).center();
        QTest::mouseDClick(&view, Qt::LeftButton, {}, onSecond);
        QCOMPARE(view.selectedText(), QStringLiteral("second_word"));
        // A drag from the start of the first line to within the second.
        QTest::mousePress(&view, Qt::LeftButton, {}, view.positionRect(0).center() - QPoint(2, 0));
        QMouseEvent move(QEvent::MouseMove, QPointF(onSecond), view.mapToGlobal(QPointF(onSecond)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &move);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, onSecond);
        QVERIFY2(view.selectedText().startsWith(QLatin1String("first line\nsecond")),
                 qPrintable(view.selectedText()));
        QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(view.selectedText(), code);
        // New text keeps the selection inside it.
        view.setCode(QStringLiteral("short"));
        QCOMPARE(view.selectedText(), QStringLiteral("short"));
    }
};

QTEST_MAIN(TestCodeView)
#include "tst_codeview.moc"
