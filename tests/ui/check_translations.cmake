# Fails when a visible string of the desktop app has no translation: runs
# lupdate over the sources into copies of the .ts files and looks for
# entries that are new or unfinished.
# -D LUPDATE=… -D SOURCE_DIR=… -D WORK_DIR=…
file(MAKE_DIRECTORY ${WORK_DIR})
# Headers too: lupdate needs the class declarations for the contexts.
file(GLOB sources ${SOURCE_DIR}/ui/app/*.h ${SOURCE_DIR}/ui/app/*.cpp ${SOURCE_DIR}/ui/client/*.h
     ${SOURCE_DIR}/ui/client/*.cpp ${SOURCE_DIR}/app/desktop/*.h ${SOURCE_DIR}/app/desktop/*.cpp)
set(failed "")
foreach(language en zh_CN)
    set(copy ${WORK_DIR}/hearth_${language}.ts)
    file(COPY_FILE ${SOURCE_DIR}/translations/hearth_${language}.ts ${copy})
    execute_process(COMMAND ${LUPDATE} -silent -I ${SOURCE_DIR}/ui -I ${SOURCE_DIR} ${sources} -ts ${copy} RESULT_VARIABLE code)
    if(NOT code EQUAL 0)
        message(FATAL_ERROR "lupdate failed for ${language}")
    endif()
    file(STRINGS ${copy} unfinished REGEX "type=\"unfinished\"")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        string(APPEND failed "hearth_${language}.ts: ${count} untranslated\n")
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "${failed}Run `ninja -C build hearth_ui_lupdate` and translate them.")
endif()
message(STATUS "every visible string is translated")
