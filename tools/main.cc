// Entry point of the `dateline` command: builds the CLI11 app from the
// registered subcommands and runs the one named on the command line.
#include <algorithm>
#include <iostream>
#include <vector>

#include "command.h"
#include "dateline/version.h"

namespace dateline::cli {
namespace {

struct Registration {
  int order;
  CommandRegistrar registrar;
};

std::vector<Registration>& Registry() {
  static std::vector<Registration> registry;
  return registry;
}

int& ExitStatus() {
  static int status = kExitOk;
  return status;
}

}  // namespace

bool RegisterCommand(int order, CommandRegistrar registrar) {
  Registry().push_back({order, std::move(registrar)});
  return true;
}

void SetExitStatus(int status) { ExitStatus() = status; }

CLI::App* GetOrAddSubcommand(CLI::App& app, const std::string& name,
                             const std::string& description) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == name) return sub;
  }
  CLI::App* sub = app.add_subcommand(name, description);
  sub->require_subcommand(1);
  return sub;
}

void UsageError(const std::string& message) { throw CLI::ValidationError(message); }

CLI::Validator AtLeast(long long min) {
  return CLI::Validator(
      [min](std::string& value) -> std::string {
        size_t used = 0;
        long long n = 0;
        try {
          n = std::stoll(value, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == 0 || used != value.size() || n < min) {
          return "'" + value + "' is not a whole number of at least " + std::to_string(min);
        }
        return "";
      },
      ">=" + std::to_string(min));
}

}  // namespace dateline::cli

int main(int argc, char** argv) {
  using namespace dateline::cli;
  CLI::App app{"dateline: time-normalised text and dated timelines from news pages"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("dateline ") + dateline::kVersion);
  auto& registry = Registry();
  std::stable_sort(registry.begin(), registry.end(),
                   [](const Registration& a, const Registration& b) { return a.order < b.order; });
  for (auto& r : registry) r.registrar(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "dateline: " << e.what() << "\n";
    return kExitUsage;
  }
  return ExitStatus();
}
