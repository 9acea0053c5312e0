# The floors of parley (docs/architecture.md): one static library per layer, each linking only the
# layers below it, and each compiled against an include root that holds only its own headers.
#
# parley_add_layer(<layer> [BELOW <targets>...] [HEADERS <public headers>...] [LIBS <libraries>...]
#                  [EXCLUDE <sources>...])
#   Builds the static library parley_<layer> from every src/<layer>/**/*.cpp except EXCLUDE.
#   Its include root, ${PARLEY_LAYER_ROOT}/<layer>, holds two entries:
#     <layer>/   a link to src/<layer>                    (#include "io/document.hpp")
#     parley/    links to the public headers in HEADERS    (#include "parley/io.hpp"); a header
#                is a name in include/parley/ or the absolute path of a generated one
#   The root is PUBLIC and the layers below (BELOW) are linked PUBLIC, so a layer compiles against
#   its own root and the roots of the layers below it, never against a layer above: including a
#   header of a higher layer fails with "No such file or directory". LIBS are private third-party
#   libraries (static libraries pass them on to whoever links them, as link-only dependencies).

set(PARLEY_LAYER_ROOT ${PROJECT_BINARY_DIR}/layers)
# Every public header must belong to exactly one layer: parley_check_public_headers() fails the
# configuration otherwise, so a header added to include/parley/ cannot escape the rule.
set_property(GLOBAL PROPERTY PARLEY_ASSIGNED_HEADERS "")

function(parley_add_layer layer)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "BELOW;HEADERS;LIBS;EXCLUDE")
  set(root ${PARLEY_LAYER_ROOT}/${layer})
  file(REMOVE ${root}/${layer})
  file(REMOVE_RECURSE ${root}/parley)
  file(MAKE_DIRECTORY ${root}/parley)
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${layer} ${root}/${layer} SYMBOLIC)
  set(names "")
  foreach(header IN LISTS arg_HEADERS)
    get_filename_component(name ${header} NAME)
    list(APPEND names ${name})
    if(IS_ABSOLUTE ${header})  # a generated header
      file(CREATE_LINK ${header} ${root}/parley/${name} SYMBOLIC)
    elseif(EXISTS ${PROJECT_SOURCE_DIR}/include/parley/${header})
      file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/parley/${header} ${root}/parley/${header} SYMBOLIC)
      set_property(GLOBAL APPEND PROPERTY PARLEY_ASSIGNED_HEADERS ${header})
    else()
      message(FATAL_ERROR "layer ${layer}: no public header include/parley/${header}")
    endif()
  endforeach()

  # The layer's public headers by name, for tests/layers.
  set_property(GLOBAL PROPERTY PARLEY_LAYER_HEADERS_${layer} ${names})

  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${layer}/*.cpp)
  foreach(excluded IN LISTS arg_EXCLUDE)
    list(REMOVE_ITEM sources ${PROJECT_SOURCE_DIR}/${excluded})
  endforeach()
  add_library(parley_${layer} STATIC ${sources})
  target_include_directories(parley_${layer} PUBLIC $<BUILD_INTERFACE:${root}>)
  target_link_libraries(parley_${layer} PUBLIC ${arg_BELOW} PRIVATE ${arg_LIBS})
endfunction()

# Fails unless every include/parley/*.hpp was given to exactly one layer.
function(parley_check_public_headers)
  get_property(assigned GLOBAL PROPERTY PARLEY_ASSIGNED_HEADERS)
  file(GLOB headers RELATIVE ${PROJECT_SOURCE_DIR}/include/parley CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/parley/*.hpp)
  foreach(header IN LISTS headers)
    list(FIND assigned ${header} found)
    if(found EQUAL -1)
      message(FATAL_ERROR "include/parley/${header} belongs to no layer: add it to the HEADERS of its layer in CMakeLists.txt "
                          "(the lowest layer that implements it; see docs/architecture.md)")
    endif()
  endforeach()
  set(seen "")
  foreach(header IN LISTS assigned)
    if(header IN_LIST seen)
      message(FATAL_ERROR "include/parley/${header} is given to two layers")
    endif()
    list(APPEND seen ${header})
  endforeach()
endfunction()
