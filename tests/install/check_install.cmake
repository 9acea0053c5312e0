# Installs parley into a fresh prefix and builds tests/install/consumer against it twice, with
# find_package(parley CONFIG) and with pkg-config, then runs both programs and checks their output.
# Run by ctest (tests/CMakeLists.txt) as
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DLIBDIR=... -DVERSION=... -DGENERATOR=...
#         -DCXX=... [-DLAUNCHER=...] -P check_install.cmake

cmake_minimum_required(VERSION 3.22)

foreach(var BUILD_DIR SOURCE_DIR WORK_DIR LIBDIR VERSION GENERATOR CXX)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_install.cmake: -D${var}=... missing")
  endif()
endforeach()

# Runs a command; stops with its output unless it succeeds. The output goes to `out_var`.
function(run out_var)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "failed (${rc}): ${command}\n${out}\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

set(prefix ${WORK_DIR}/prefix)
set(consumer ${SOURCE_DIR}/tests/install/consumer)
set(scenario ${SOURCE_DIR}/scenarios/examples/arms-control.yaml)
file(READ ${SOURCE_DIR}/tests/install/expected.txt expected)
string(REPLACE "@VERSION@" "${VERSION}" expected "${expected}")

function(check_output label out)
  if(NOT out STREQUAL expected)
    message(FATAL_ERROR "${label} printed\n${out}\ninstead of\n${expected}")
  endif()
  message(STATUS "${label}: output as expected")
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
run(ignored ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
foreach(file bin/parley ${LIBDIR}/libparley.a include/parley/parley.hpp include/parley/version.hpp
             ${LIBDIR}/cmake/parley/parleyConfig.cmake ${LIBDIR}/pkgconfig/parley.pc)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()
run(version ${prefix}/bin/parley --version)
string(REGEX MATCH "^[^\n]*\n" version "${version}")  # the second line says whether --mpi is built in
if(NOT version STREQUAL "parley ${VERSION}\n")
  message(FATAL_ERROR "installed parley --version printed '${version}'")
endif()

# 1. CMake: find_package(parley CONFIG) from the prefix only (no package registry, no build tree).
set(launcher "")
if(LAUNCHER)
  set(launcher -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()
run(configured ${CMAKE_COMMAND} -S ${consumer} -B ${WORK_DIR}/cmake-build -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_CXX_COMPILER=${CXX} ${launcher} -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
if(NOT configured MATCHES "parley ${VERSION} from ${prefix}/")
  message(FATAL_ERROR "the consumer did not find parley in ${prefix}:\n${configured}")
endif()
run(ignored ${CMAKE_COMMAND} --build ${WORK_DIR}/cmake-build)
run(out ${WORK_DIR}/cmake-build/parley_consumer ${scenario})
check_output("find_package consumer" "${out}")

# 2. pkg-config: parley.pc lists the static library's dependencies in Requires.private and
#    Libs.private, which --static adds.
set(ENV{PKG_CONFIG_PATH} ${prefix}/${LIBDIR}/pkgconfig)
run(flags pkg-config --static --cflags --libs parley)
separate_arguments(flags UNIX_COMMAND "${flags}")
run(ignored ${LAUNCHER} ${CXX} -std=c++20 ${consumer}/main.cpp -o ${WORK_DIR}/pkg-config-consumer ${flags})
run(out ${WORK_DIR}/pkg-config-consumer ${scenario})
check_output("pkg-config consumer" "${out}")

# 3. Python (when the module was built, -DPYTHON=... -DPYTHON_DIR=...): Debian's Python imports the
#    installed package with the prefix's package folder on PYTHONPATH, and runs a model with it.
if(DEFINED PYTHON AND DEFINED PYTHON_DIR)
  set(ENV{PYTHONPATH} ${prefix}/${PYTHON_DIR})
  # (A script file: a CMake list would split the program at its semicolons.)
  file(WRITE ${WORK_DIR}/check.py "import sys\nimport parley\nprint(parley.__file__)\nprint(sorted(parley.Scenario.load(sys.argv[1]).run('median').outcomes))\n")
  run(out ${PYTHON} -B ${WORK_DIR}/check.py ${scenario})
  if(NOT out MATCHES "^${prefix}/${PYTHON_DIR}/parley/__init__.py\n\\['sanctions-link', 'verification', 'warhead-cap'\\]")
    message(FATAL_ERROR "the installed Python module printed\n${out}")
  endif()
  message(STATUS "Python module: imported from the prefix and ran")
endif()
