// The `dateline` command is a set of subcommands, each in its own file
// (tools/tag_command.cc, tools/read_command.cc, ...), which registers itself
// at start-up with DATELINE_REGISTER_COMMAND. Subcommands stay thin: they
// parse flags, call the library and print.
#ifndef DATELINE_TOOLS_COMMAND_H_
#define DATELINE_TOOLS_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace dateline::cli {

// Exit statuses shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // some input failed; the rest was processed
inline constexpr int kExitUsage = 2;    // bad flags or arguments

// Adds a subcommand to `app`. The callback the function installs reports its
// exit status through SetExitStatus.
using CommandRegistrar = std::function<void(CLI::App& app)>;
bool RegisterCommand(int order, CommandRegistrar registrar);

void SetExitStatus(int status);

// Returns the subcommand `name` of `app`, creating it when missing, so that
// several files can add commands under one parent (`dateline eval ...`).
CLI::App* GetOrAddSubcommand(CLI::App& app, const std::string& name,
                             const std::string& description);

// A check for a count flag (--dates, --max-bytes, ...): a whole number of at
// least `min`; "-1" or "0" get a message that says so, not CLI11's range
// arithmetic.
CLI::Validator AtLeast(long long min);

// Throws a usage error (exit status 2) with a one-line message.
[[noreturn]] void UsageError(const std::string& message);

}  // namespace dateline::cli

#define DATELINE_CONCAT_INNER(a, b) a##b
#define DATELINE_CONCAT(a, b) DATELINE_CONCAT_INNER(a, b)
// Registers `fn` (a CommandRegistrar); `order` sorts the --help listing.
#define DATELINE_REGISTER_COMMAND(order, fn)                          \
  static const bool DATELINE_CONCAT(dateline_registered_, __LINE__) = \
      ::dateline::cli::RegisterCommand(order, fn)

#endif  // DATELINE_TOOLS_COMMAND_H_
