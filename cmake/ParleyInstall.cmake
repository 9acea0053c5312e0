# `cmake --install <build> --prefix <P>` installs (docs/architecture.md, "Using parley as a library"):
#   bin/parley                                the command-line program
#   lib/libparley.a                           every library layer (core … report) in one archive
#   include/parley/*.hpp                      the public headers, version.hpp included
#   lib/cmake/parley/parleyConfig*.cmake      find_package(parley CONFIG) -> target parley::parley
#   lib/pkgconfig/parley.pc                   pkg-config --static --cflags --libs parley
# (lib is CMAKE_INSTALL_LIBDIR.) The installed library is static: its third-party libraries are
# link-only dependencies, which the package config finds and parley.pc lists in Requires.private
# and Libs.private.

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(PARLEY_LIBRARY_LAYERS parley_core parley_io parley_models parley_analysis parley_store parley_report)

# One archive of the layers' objects, so that users link one library in any order.
set(objects "")
foreach(layer IN LISTS PARLEY_LIBRARY_LAYERS)
  list(APPEND objects $<TARGET_OBJECTS:${layer}>)
endforeach()
add_library(parley_package STATIC ${objects})
set_target_properties(parley_package PROPERTIES OUTPUT_NAME parley EXPORT_NAME parley)
target_include_directories(parley_package INTERFACE $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_compile_features(parley_package INTERFACE cxx_std_20)
target_link_libraries(parley_package PUBLIC Threads::Threads
  PRIVATE fmt::fmt PkgConfig::PARLEY_YAML PkgConfig::PARLEY_SQLITE PkgConfig::PARLEY_CRYPTO PkgConfig::PARLEY_CLP simdjson::simdjson pugixml::pugixml)

install(TARGETS parley_exe RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS parley_package EXPORT parleyTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY include/parley DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(FILES ${CMAKE_BINARY_DIR}/generated/parley/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/parley)

set(PARLEY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/parley)
install(EXPORT parleyTargets NAMESPACE parley:: DESTINATION ${PARLEY_CMAKE_DIR})
configure_package_config_file(cmake/parleyConfig.cmake.in ${CMAKE_BINARY_DIR}/package/parleyConfig.cmake
  INSTALL_DESTINATION ${PARLEY_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/package/parleyConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/package/parleyConfig.cmake ${CMAKE_BINARY_DIR}/package/parleyConfigVersion.cmake
  DESTINATION ${PARLEY_CMAKE_DIR})

# parley.pc finds the prefix from its own place (${pcfiledir}), so the package can be moved.
# (With an absolute CMAKE_INSTALL_LIBDIR or INCLUDEDIR it names the configured places instead.)
if(IS_ABSOLUTE ${CMAKE_INSTALL_LIBDIR})
  set(PARLEY_PC_PREFIX ${CMAKE_INSTALL_PREFIX})
else()
  file(RELATIVE_PATH to_prefix /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
  string(REGEX REPLACE "/$" "" to_prefix "${to_prefix}")
  set(PARLEY_PC_PREFIX "\${pcfiledir}/${to_prefix}")
endif()
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE ${CMAKE_INSTALL_${dir}})
    set(PARLEY_PC_${dir} ${CMAKE_INSTALL_${dir}})
  else()
    set(PARLEY_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file(cmake/parley.pc.in ${CMAKE_BINARY_DIR}/package/parley.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/package/parley.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
