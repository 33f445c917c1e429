# hearth_add_library(<name> DIR <include-name> SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
#
# Each library gets its own include root in the build tree holding a single
# link `<include-name>` -> its source folder. Only targets that link the
# library see that root, so `#include "storage/..."` fails to compile in a
# target that does not depend on storage: the dependency direction of
# docs/ARCHITECTURE.md is enforced by the build, not by discipline.
function(hearth_add_library name)
    cmake_parse_arguments(ARG "" "DIR" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    set(root ${CMAKE_BINARY_DIR}/include/${name})
    file(MAKE_DIRECTORY ${root})
    if(NOT EXISTS ${root}/${ARG_DIR})
        file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${root}/${ARG_DIR} SYMBOLIC)
    endif()
    target_include_directories(${name} PUBLIC ${root})
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
    target_precompile_headers(${name} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/pch.h)
endfunction()
