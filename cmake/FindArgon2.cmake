# Debian's libargon2-dev ships no CMake package: find it by hand.
find_path(ARGON2_INCLUDE_DIR argon2.h REQUIRED)
find_library(ARGON2_LIBRARY NAMES argon2 REQUIRED)
add_library(Argon2::Argon2 UNKNOWN IMPORTED)
set_target_properties(Argon2::Argon2 PROPERTIES IMPORTED_LOCATION ${ARGON2_LIBRARY}
                                                INTERFACE_INCLUDE_DIRECTORIES ${ARGON2_INCLUDE_DIR})
