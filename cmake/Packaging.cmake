# Debian packages (`cpack -G DEB` in the build folder, or scripts/package.sh):
# "hearth-server" (the headless server, its systemd unit and configuration)
# and, with the GUI, "hearth" (the desktop app, its .desktop file, AppStream
# metadata and icons; the translations are built into the binary).
set(packaging ${PROJECT_SOURCE_DIR}/packaging)
# Debian policy: every package documents its copyright and (gzipped) changelog.
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/packaging)
foreach(file changelog hearth.1 hearth-server.1)
    execute_process(COMMAND gzip -9 -n -c ${packaging}/${file}
                    OUTPUT_FILE ${CMAKE_BINARY_DIR}/packaging/${file}.gz)
endforeach()
install(FILES ${CMAKE_BINARY_DIR}/packaging/hearth-server.1.gz DESTINATION share/man/man1
        COMPONENT server)
install(FILES ${packaging}/hearth-server.service DESTINATION lib/systemd/system COMPONENT server)
install(FILES ${packaging}/hearth.env DESTINATION /etc/hearth COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${packaging}/copyright
              ${CMAKE_BINARY_DIR}/packaging/changelog.gz
        DESTINATION share/doc/hearth-server COMPONENT server)
set(components server)
if(HEARTH_GUI)
    install(FILES ${packaging}/hearth.desktop DESTINATION share/applications COMPONENT desktop)
    install(FILES ${packaging}/io.github.hearth_chat.Hearth.metainfo.xml DESTINATION share/metainfo
            COMPONENT desktop)
    install(FILES ${packaging}/icons/hearth.svg DESTINATION share/icons/hicolor/scalable/apps
            COMPONENT desktop)
    foreach(size 48 128 256)
        install(FILES ${packaging}/icons/hearth-${size}.png
                DESTINATION share/icons/hicolor/${size}x${size}/apps RENAME hearth.png
                COMPONENT desktop)
    endforeach()
    install(FILES ${PROJECT_SOURCE_DIR}/README.md ${packaging}/copyright
                  ${CMAKE_BINARY_DIR}/packaging/changelog.gz
            DESTINATION share/doc/hearth COMPONENT desktop)
    install(FILES ${CMAKE_BINARY_DIR}/packaging/hearth.1.gz DESTINATION share/man/man1
            COMPONENT desktop)
    list(APPEND components desktop)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL ${components})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Hearth developers <hearth@example.org>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/hearth")
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME hearth-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
# Database drivers are plugins, which shlibdeps cannot see.
# qt6-image-formats-plugins: WebP pictures sent as attachments.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite, qt6-image-formats-plugins")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "libqt6sql6-psql, libqt6sql6-mysql")
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "Hearth AI chat server\n The /v1 API of Hearth without a window: accounts, conversations and\n messages relayed to OpenAI-compatible providers with streaming, usage\n statistics and an admin back office, over SQLite, PostgreSQL or MySQL.\n Runs as the hearth-server systemd service; settings in /etc/hearth.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    "${packaging}/debian-server/postinst;${packaging}/debian-server/prerm;${packaging}/debian-server/postrm;${packaging}/debian-server/conffiles")
set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME hearth)
set(CPACK_DEBIAN_DESKTOP_PACKAGE_SECTION net)
set(CPACK_DEBIAN_DESKTOP_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, qt6-image-formats-plugins")
# source-highlight colours code blocks; it runs as its own program.
set(CPACK_DEBIAN_DESKTOP_PACKAGE_RECOMMENDS
    "fonts-noto-cjk, qt6-translations-l10n, gnome-keyring, source-highlight")
set(CPACK_COMPONENT_DESKTOP_DESCRIPTION
    "Native AI chat with its own API server\n A Qt desktop chat window for OpenAI-compatible model providers\n (DeepSeek, OpenAI, Ollama): Markdown replies streamed as they are\n written, a usage dashboard, an admin panel, and sharing on the local\n network, in English and Chinese.")
include(CPack)
