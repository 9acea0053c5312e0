#include "cli/exit_codes.hpp"

#include <new>
#include <ostream>

#include "parley/error.hpp"

namespace parley::cli {

int exit_code_for(std::exception_ptr error, const CLI::App& app, std::ostream& out, std::ostream& err) {
  try {
    std::rethrow_exception(error);
  } catch (const CLI::ParseError& e) {
    return app.exit(e, out, err) == 0 ? kOk : kBadInput;
  } catch (const InputError& e) {
    err << "parley: " << e.what() << '\n';
    return kBadInput;
  } catch (const OutputError& e) {
    err << "parley: " << e.what() << '\n';
    return kOutputError;
  } catch (const ResourceError& e) {
    err << "parley: " << e.what() << '\n';
    return kResourceError;
  } catch (const std::bad_alloc&) {
    err << "parley: error: not enough memory\n";
    return kResourceError;
  } catch (const Interrupted& e) {
    err << "parley: " << e.what() << '\n';
    return kInterrupted;
  } catch (const std::exception& e) {
    err << "parley: internal error: " << e.what() << '\n';
    return kInternalError;
  } catch (...) {
    err << "parley: internal error: an exception that is not a std::exception\n";
    return kInternalError;
  }
}

}  // namespace parley::cli
