// `dateline serve`: the HTTP API and the timeline page (include/dateline/
// server.h). This file translates flags into ServerOptions and waits for a
// signal; the server is in the library.
#include <signal.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "command.h"
#include "dateline/corpus.h"
#include "dateline/server.h"

namespace dateline::cli {
namespace {

struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  std::string db;
  std::string token_file;
  std::string rules;
  std::string cors_origin;
  size_t workers = 0;
  size_t queue = ServerOptions().queue;
  size_t max_body = ServerOptions().max_body_bytes;
  size_t max_upload = ServerOptions().max_upload_bytes;
  int timeout = ServerOptions().idle_timeout_seconds;
};

// "HOST:PORT", "[V6]:PORT" or ":PORT" (loopback).
void ParseListen(const std::string& text, ServerOptions& options) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos) UsageError("--listen: '" + text + "' is not ADDRESS:PORT");
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (!host.empty()) options.host = host;
  try {
    size_t used = 0;
    options.port = std::stoi(text.substr(colon + 1), &used);
    if (used != text.size() - colon - 1) throw std::invalid_argument(text);
  } catch (const std::exception&) {
    UsageError("--listen: '" + text + "' has no port number");
  }
}

// The token: the file's first line, trimmed. A token is never a flag, so it
// shows up in no process listing or shell history.
std::string ReadToken(const std::string& path) {
  std::ifstream in(path);
  if (!in) UsageError("--token-file: cannot read " + path);
  std::string token;
  std::getline(in, token);
  const size_t begin = token.find_first_not_of(" \t\r");
  const size_t end = token.find_last_not_of(" \t\r");
  token = begin == std::string::npos ? "" : token.substr(begin, end - begin + 1);
  if (token.size() < 16)
    UsageError("--token-file: " + path + " holds no token of 16 or more characters");
  return token;
}

void Run(const ServeFlags& flags) {
  ServerOptions options;
  ParseListen(flags.listen, options);
  options.db_path = flags.db.empty() ? Corpus::DefaultPath() : flags.db;
  if (!flags.token_file.empty()) options.token = ReadToken(flags.token_file);
  if (!IsLoopbackHost(options.host) && options.token.empty()) {
    UsageError("--listen " + flags.listen + " is not loopback: give --token-file");
  }
  options.cors_origin = flags.cors_origin;
  options.workers = flags.workers;
  options.queue = flags.queue;
  options.max_body_bytes = flags.max_body;
  options.max_upload_bytes = flags.max_upload;
  options.idle_timeout_seconds = flags.timeout;
  std::unique_ptr<Pipeline> pipeline;
  if (!flags.rules.empty()) {
    auto built = Pipeline::CreateFromDirectory(flags.rules);
    if (!built.ok()) {
      std::cerr << "dateline serve: rules: " << built.status().message() << "\n";
      return SetExitStatus(ExitStatusFor(built.status()));
    }
    pipeline = std::move(built).value();
    options.pipeline = pipeline.get();
  }
  // Signals are taken by this thread alone (sigwait), so the server's
  // threads never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  auto server = Server::Start(options);
  if (!server.ok()) {
    std::cerr << "dateline serve: " << server.status().message() << "\n";
    return SetExitStatus(ExitStatusFor(server.status()));
  }
  const bool v6 = options.host.find(':') != std::string::npos;
  std::cerr << "dateline serve: http://" << (v6 ? "[" + options.host + "]" : options.host) << ":"
            << (*server)->port() << "/ (store " << options.db_path << ")" << std::endl;
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  std::cerr << "dateline serve: stopping (a running ingest job finishes first; send the signal "
               "again to stop now)"
            << std::endl;
  pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);  // a second signal ends the process
  (*server)->Stop();
  SetExitStatus(kExitOk);
}

void Register(CLI::App& app) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* sub = app.add_subcommand("serve", "HTTP API and timeline page");
  sub->add_option("--listen", flags->listen,
                  "ADDRESS:PORT to listen on; anything but loopback needs --token-file")
      ->capture_default_str();
  sub->add_option("--db", flags->db, "Store path (default: the user's data folder)");
  sub->add_option("--token-file", flags->token_file,
                  "File whose first line is the bearer token every /v1 request must carry");
  sub->add_option("--workers", flags->workers, "Compute threads (default: one per core)");
  sub->add_option("--queue", flags->queue, "Requests waiting for a worker before 429")
      ->capture_default_str();
  sub->add_option("--max-body", flags->max_body, "Largest body of /v1/tag and /v1/read, bytes")
      ->capture_default_str();
  sub->add_option("--max-upload", flags->max_upload,
                  "Largest body of /v1/batch and /v1/ingest, bytes")
      ->capture_default_str();
  sub->add_option("--timeout", flags->timeout, "Seconds a connection may stay idle")
      ->capture_default_str();
  sub->add_option("--cors-origin", flags->cors_origin,
                  "Allow this origin's pages to call the API (no CORS headers otherwise)");
  sub->add_option("--rules", flags->rules, "Load rules from DIR (one folder per language)");
  sub->callback([flags] { Run(*flags); });
}

DATELINE_REGISTER_COMMAND(50, Register);

}  // namespace
}  // namespace dateline::cli
