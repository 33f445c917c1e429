#pragma once

#include <QtCore/QtGlobal>
#include <QtTest/QTest>

// A test that needs a program the test command installs (nginx, node, …)
// skips without it when run by hand, but fails under scripts/test.sh, which
// sets HEARTH_TEST_STRICT: a missing package must never pass as a green run.
#define HEARTH_REQUIRE_TOOL(found, message)                                                        \
    do {                                                                                           \
        if (!(found)) {                                                                            \
            if (qEnvironmentVariableIsSet("HEARTH_TEST_STRICT"))                                   \
                QFAIL(message);                                                                    \
            QSKIP(message);                                                                        \
        }                                                                                          \
    } while (false)
