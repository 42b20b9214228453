// Reader throughput over the WCXB dev pages: pages per second on one thread
// and on all cores, against baselines measured in the same run: a plain
// tag-stripping pass over the same decompressed pages, and myhtml parsing
// them (the parser the reader is built on; no reader can beat it).
#include <myhtml/api.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "dateline/reader.h"
#include "util/io.h"

namespace {

// The baseline: drop everything between '<' and '>', collapse nothing.
size_t StripTags(const std::string& html) {
  size_t kept = 0;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else
      kept += !in_tag;
  }
  return kept;
}

// myhtml alone: parse into a tree reused by the thread, nothing else.
size_t MyHtmlParse(const std::string& html) {
  struct Parser {
    myhtml_t* handle = myhtml_create();
    myhtml_tree_t* tree = myhtml_tree_create();
    Parser() {
      myhtml_init(handle, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
      myhtml_tree_init(tree, handle);
    }
    ~Parser() {
      myhtml_tree_destroy(tree);
      myhtml_destroy(handle);
    }
  };
  thread_local Parser parser;
  myhtml_parse(parser.tree, MyENCODING_UTF_8, html.data(), html.size());
  size_t nodes = myhtml_node_first(parser.tree) != nullptr;
  myhtml_tree_clean(parser.tree);
  return nodes;
}

template <typename Fn>
double PagesPerSecond(const std::vector<std::string>& pages, int threads, Fn fn) {
  std::atomic<size_t> next{0};
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i; (i = next++) < pages.size();) fn(pages[i]);
    });
  }
  for (auto& th : pool) th.join();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return pages.size() / s;
}

}  // namespace

int main() {
  const char* env = std::getenv("DATELINE_SHARED");
  // Without DATELINE_SHARED: ../shared beside the source tree (CMake passes
  // this file's absolute path in __FILE__).
  std::string shared =
      env ? env
          : (std::filesystem::path(__FILE__).parent_path().parent_path() / "../shared").string();
  std::string dir = shared + "/data/extraction/wcxb-dev/html";
  if (!std::filesystem::exists(dir)) {
    std::printf("read_bench: %s missing, skipped\n", dir.c_str());
    return 0;
  }
  std::vector<std::string> pages;
  size_t bytes = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    dateline::ReadResult in = dateline::ReadInput(f.path().string());
    if (in.ok) bytes += in.data.size(), pages.push_back(std::move(in.data));
  }
  dateline::Reader reader;
  std::atomic<size_t> sink{0};
  auto read = [&](const std::string& p) {
    const auto a = reader.Read(p, dateline::ReadHints{});
    sink += a.ok() ? a->text.size() : 0;
  };
  auto strip = [&](const std::string& p) { sink += StripTags(p); };
  auto parse = [&](const std::string& p) { sink += MyHtmlParse(p); };
  int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::printf("%zu pages, %.1f MB decompressed\n", pages.size(), bytes / 1e6);
  std::printf("%-22s %8s %12s %12s\n", "pass", "threads", "pages/s", "vs baseline");
  for (int threads : {1, cores}) {
    double base = PagesPerSecond(pages, threads, strip);
    double myhtml = PagesPerSecond(pages, threads, parse);
    double ours = PagesPerSecond(pages, threads, read);
    std::printf("%-22s %8d %12.0f %12s\n", "tag strip (baseline)", threads, base, "1.000");
    std::printf("%-22s %8d %12.0f %12.4f\n", "myhtml parse only", threads, myhtml, myhtml / base);
    std::printf("%-22s %8d %12.0f %12.4f  (%.3f of myhtml)\n", "Reader::Read", threads, ours,
                ours / base, ours / myhtml);
  }
  return sink.load() == 0;
}
